// One generated entry through the user's pipeline (the project's simulation, built once per run)
// and the verdict on it. An output that passed through anything unsimulated proves nothing either
// way: the entry is "unknown" unless a fully simulated output already leaks.
import type { LogPathRunner, PathOutput } from '../loki/graph.ts';
import { newEntry } from '../loki/types.ts';
import type { FuzzEntry } from './contexts/entry.ts';
import { leakIn, needles, type LeakSite } from './leak.ts';

export type Verdict =
  | { kind: 'redacted'; dropped: boolean }
  | { kind: 'leaked'; output: PathOutput; site: LeakSite }
  | { kind: 'unknown'; output: PathOutput; reasons: string[] };

export interface JudgeOptions {
  minFragment: number;
  labels: ReadonlyMap<string, string>;
  timestampNs: bigint;
}

/** Every record the entry produces, including what a holding stage releases at end of input. */
export function outputsOf(runner: LogPathRunner, entry: FuzzEntry, opts: JudgeOptions): PathOutput[] {
  const outs = runner.process(newEntry(entry.line, opts.labels, opts.timestampNs));
  // Each generated entry is a whole input: what a multiline stage holds comes out now.
  if (outs.some((o) => o.held)) outs.push(...runner.flush());
  return outs;
}

export function judge(runner: LogPathRunner, entry: FuzzEntry, opts: JudgeOptions): Verdict {
  const outs = outputsOf(runner, entry, opts);
  const list = needles(entry.secrets, opts.minFragment);
  let unknown: PathOutput | undefined;
  let delivered = false;
  for (const o of outs) {
    if (o.held) continue;
    if (o.entry.unknown.length > 0) {
      unknown ??= o;
      continue;
    }
    // Dropped entries and entries sent to `forward_to = []` reach no one.
    if (o.dropped || o.sinkKind === 'nowhere') continue;
    delivered = true;
    const site = leakIn(o, list);
    if (site) return { kind: 'leaked', output: o, site };
  }
  if (unknown) return { kind: 'unknown', output: unknown, reasons: [...new Set(unknown.entry.unknown.map((m) => m.message))] };
  return { kind: 'redacted', dropped: !delivered };
}

/** True when a line without secrets came out changed (or not at all) at some sink. */
export function changedClean(runner: LogPathRunner, entry: FuzzEntry, opts: JudgeOptions): 'changed' | 'unchanged' | 'unknown' {
  const outs = outputsOf(runner, entry, opts);
  let unknown = false;
  for (const o of outs) {
    if (o.held) continue;
    if (o.entry.unknown.length > 0) {
      unknown = true;
      continue;
    }
    if (o.dropped || o.entry.line !== entry.line) return 'changed';
  }
  return unknown ? 'unknown' : 'unchanged';
}
