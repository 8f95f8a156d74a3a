// Shared helpers for the lint tests: lint a config text, pick findings by rule, and run the
// engines (loki.process, relabel) on the same config to show that a finding is true of Alloy.
import { loadConfig } from '../../src/config/load.ts';
import type { ConfigModel } from '../../src/config/model.ts';
import { lintSource } from '../../src/lint/index.ts';
import type { Finding } from '../../src/lint/index.ts';
import { compileLokiProcess } from '../../src/loki/process.ts';
import { newEntry } from '../../src/loki/types.ts';
import { applyRelabel, rulesOf } from '../../src/relabel/index.ts';

export const FILE = 'test.alloy';

export function lint(source: string): Finding[] {
  return lintSource(source, FILE).findings;
}

export function withRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** The line:column of each finding of a rule. */
export function positions(findings: Finding[], rule: string): string[] {
  return withRule(findings, rule).map((f) => `${f.range.start.line}:${f.range.start.column}`);
}

export function model(source: string): ConfigModel {
  return loadConfig(source, FILE, { env: {} });
}

/** The line a loki.process component forwards for `line` (its only output). */
export function processLine(source: string, id: string, line: string, labels: Record<string, string> = {}): string {
  const c = model(source).components.get(id)!;
  const out = compileLokiProcess(c).process(newEntry(line, Object.entries(labels), 0n));
  if (out.length !== 1 || out[0]!.kind !== 'forward') throw new Error('expected one forwarded entry');
  return out[0]!.entry.line;
}

/** What a loki.process component does with `line`: 'forward' or 'drop'. */
export function processOutcome(source: string, id: string, line: string): string {
  const c = model(source).components.get(id)!;
  return compileLokiProcess(c).process(newEntry(line, [], 0n)).map((o) => o.kind).join(',');
}

/** The label set a relabel component produces for `labels` (null when dropped). */
export function relabel(source: string, id: string, labels: Record<string, string>): Record<string, string> | null {
  const c = model(source).components.get(id)!;
  const r = applyRelabel(rulesOf(c), new Map(Object.entries(labels)));
  return r.labels ? Object.fromEntries(r.labels) : null;
}
