// The harness's one door into the simulation engines: config loading, the log path runner, the
// relabel path runner. Keeping these calls in one place keeps the runner about verdicts only.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/load.ts';
import type { ConfigModel } from '../config/model.ts';
import { buildLogPath, type PathOutput } from '../loki/graph.ts';
import { newEntry, type LogEntry } from '../loki/types.ts';
import { runRelabelPath } from '../relabel/index.ts';
import type { LabelSet } from '../relabel/types.ts';
import type { TemplateValue } from '../template/types.ts';
import type { ConfigSource, LogInput, TestSuite } from './types.ts';

export interface LoadedConfig {
  model: ConfigModel;
  file: string;
  source: string;
}

/** Reads and loads the suite's config with the suite's `env`. Throws on unreadable files only. */
export function loadSuiteConfig(suite: TestSuite, readFile: (p: string) => string = (p) => readFileSync(p, 'utf8')): LoadedConfig {
  const { file, source } = configText(suite.file, suite.config, readFile);
  const model = loadConfig(source, file, {
    env: suite.env,
    // Alloy's pipeline-test harness puts its own Loki sink in scope for the config to write to.
    ...(suite.format === 'alloy-pipelinetest' ? { globals: { pipelinetest: { loki: { url: 'http://pipelinetest.invalid/loki/api/v1/push' } } } } : {}),
    readFile: (p: string) => readFile(isAbsolute(p) ? p : resolve(dirname(file), p)),
  });
  return { model, file, source };
}

function configText(testFile: string, config: ConfigSource, readFile: (p: string) => string): { file: string; source: string } {
  if (config.kind === 'inline') return { file: `${testFile}#config`, source: config.text };
  const absolute = isAbsolute(config.path) ? config.path : resolve(dirname(testFile), config.path);
  // Positions in reports read best relative to where the user runs the command.
  const rel = relative(resolve('.'), absolute);
  const file = rel !== '' && !rel.startsWith('..') ? rel : absolute;
  return { file, source: readFile(file) };
}

export interface LogRun {
  /** Outputs per input entry, in input order; entries flushed at the end are attributed to the last input. */
  perInput: PathOutput[][];
}

export function runLogEntries(model: ConfigModel, componentId: string, inputs: LogInput[], extracted?: Map<string, string>): LogRun {
  const runner = buildLogPath(model, componentId);
  const perInput: PathOutput[][] = [];
  for (const input of inputs) {
    const entry: LogEntry = newEntry(input.line, input.labels, input.timestampNs);
    for (const [k, v] of input.structuredMetadata) entry.structuredMetadata.set(k, v);
    if (extracted) for (const [k, v] of extracted) entry.extracted.set(k, v as TemplateValue);
    perInput.push(runner.process(entry));
  }
  const rest = runner.flush();
  if (rest.length > 0) {
    if (perInput.length === 0) perInput.push([]);
    perInput[perInput.length - 1]!.push(...rest);
  }
  return { perInput };
}

export interface RelabelRun {
  sink?: string;
  labels: LabelSet | null;
  droppedBy?: string;
  /** Why the result cannot be trusted (e.g. Go map order decides it). */
  unknown: string[];
}

export function runRelabel(model: ConfigModel, componentId: string, labels: LabelSet): RelabelRun[] {
  return runRelabelPath(model, componentId, labels).map((r) => {
    const by = r.result.droppedBy;
    // index -1: dropped because no label was left, not by a rule.
    const droppedBy = by ? (by.index < 0 ? by.reason ?? 'no labels left' : `${r.path.at(-1) ?? componentId} rule ${by.index + 1} (${by.action})`) : undefined;
    return { sink: r.sink, labels: r.result.labels, droppedBy, unknown: r.result.unknown?.map((u) => u.message) ?? [] };
  });
}
