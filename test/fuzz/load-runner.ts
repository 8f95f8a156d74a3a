// Builds the log path of a config file the way the fuzz command does (fixed clock, built once).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../src/config/load.ts';
import { buildLogPath, type LogPathRunner } from '../../src/loki/graph.ts';
import { FUZZ_TIME_NS } from '../../src/fuzz/engine.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export function loadRunner(file: string, component: string): LogPathRunner {
  const path = resolve(ROOT, file);
  const model = loadConfig(readFileSync(path, 'utf8'), path, { env: {} });
  return buildLogPath(model, component, { nowNs: FUZZ_TIME_NS });
}
