// Builds evaluated stage blocks directly, so stage tests do not depend on the config loader.
import type { Component, EvaluatedAttribute, EvaluatedBlock } from '../../src/config/model.ts';
import { object, unknown, type AlloyValue } from '../../src/config/value.ts';
import type { Range } from '../../src/syntax/ast.ts';
import { compileLokiProcess, type LokiProcessOptions } from '../../src/loki/process.ts';
import { newEntry, type EntryOutcome, type LogEntry } from '../../src/loki/types.ts';

export type Attr = string | number | boolean | null | Attr[] | { [k: string]: Attr } | AlloyValue;

let line = 1;

function rangeAt(l: number): Range {
  return { start: { offset: 0, line: l, column: 3 }, end: { offset: 0, line: l, column: 40 } };
}

function toValue(v: Attr): AlloyValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toValue);
  if ('kind' in v && typeof (v as { kind: unknown }).kind === 'string') return v as AlloyValue;
  return object(Object.entries(v as Record<string, Attr>).map(([k, x]) => [k, toValue(x)]));
}

/** `stage("replace", { expression: "…" }, [nested…])` → an EvaluatedBlock named stage.replace. */
export function stage(name: string, attrs: Record<string, Attr> = {}, blocks: EvaluatedBlock[] = []): EvaluatedBlock {
  return block(name.includes('.') ? name : `stage.${name}`, attrs, blocks);
}

export function block(name: string, attrs: Record<string, Attr> = {}, blocks: EvaluatedBlock[] = []): EvaluatedBlock {
  const start = line++;
  const attributes = new Map<string, EvaluatedAttribute>();
  for (const [k, v] of Object.entries(attrs)) {
    const r = rangeAt(line++);
    attributes.set(k, { name: k, value: toValue(v), expr: { kind: 'Literal', literalKind: 'string', raw: '""', range: r }, range: r });
  }
  return { name, attributes, blocks, range: rangeAt(start), file: 'test.alloy' };
}

export function unknownValue(reason = 'a component export'): AlloyValue {
  return unknown(reason);
}

export function processComponent(stages: EvaluatedBlock[], label = 'test'): Component {
  const b = block('loki.process', {}, stages);
  return { ...b, id: `loki.process.${label}`, componentName: 'loki.process', label };
}

export function simulate(stages: EvaluatedBlock[], opts?: LokiProcessOptions) {
  return compileLokiProcess(processComponent(stages), opts);
}

export function entry(text: string, labels: Record<string, string> = {}, timestampNs = 0n): LogEntry {
  return newEntry(text, Object.entries(labels), timestampNs);
}

/** Runs one line through the stages and returns the single forwarded entry (fails otherwise). */
export function runOne(stages: EvaluatedBlock[], text: string, labels: Record<string, string> = {}, opts?: LokiProcessOptions): LogEntry {
  const out = simulate(stages, opts).process(entry(text, labels));
  if (out.length !== 1 || out[0]!.kind !== 'forward') {
    throw new Error(`expected one forwarded entry, got ${JSON.stringify(out.map((o) => o.kind))}`);
  }
  return (out[0] as Extract<EntryOutcome, { kind: 'forward' }>).entry;
}

export function lineAfter(stages: EvaluatedBlock[], text: string, labels: Record<string, string> = {}): string {
  return runOne(stages, text, labels).line;
}

export function labelsOf(e: LogEntry): Record<string, string> {
  return Object.fromEntries([...e.labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function compileError(stages: EvaluatedBlock[]): string {
  try {
    simulate(stages);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}
