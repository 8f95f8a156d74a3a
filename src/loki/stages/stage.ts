// What a compiled stage is, and what every stage compiler receives.
//
// Alloy runs each stage as a goroutine reading from a channel; the simulation runs them as plain
// functions from one entry to the outcomes it produces, in order. A stage mutates the entry it is
// given (the pipeline clones entries on the way in, as Alloy's loki.process does).
import type { EvaluatedBlock } from '../../config/model.ts';
import type { Range } from '../../syntax/ast.ts';
import type { EntryOutcome, LogEntry, UnknownMark } from '../types.ts';

export interface CompiledStage {
  /** Block name as written: `stage.replace`. */
  readonly name: string;
  /** `stage.replace at file:line:col`, used in drop and held outcomes and in marks. */
  readonly where: string;
  readonly file: string;
  readonly range: Range;
  process(entry: LogEntry): EntryOutcome[];
  /** End of input: entries still held (multiline, cri partial lines). */
  flush?(): EntryOutcome[];
}

export interface StageContext {
  /**
   * Wall-clock "now" in Unix nanoseconds, for the stages that read Alloy's clock
   * (drop.older_than, pack.ingest_timestamp, timestamp formats without a year). Fixed by the
   * caller so results are reproducible.
   */
  nowNs: bigint;
  /** Seed of the deterministic PRNG that stands in for stage.sampling's random source. */
  samplingSeed: number;
  /** Path of stage indices for nested pipelines (`3.1` is the first stage inside stage 3). */
  path: number[];
}

export const DEFAULT_NOW_NS = 1_700_000_000_000_000_000n;

export function defaultContext(): StageContext {
  return { nowNs: DEFAULT_NOW_NS, samplingSeed: 1, path: [] };
}

export function describeWhere(block: EvaluatedBlock): string {
  return `${block.name} at ${block.file}:${block.range.start.line}:${block.range.start.column}`;
}

export function forward(entry: LogEntry): EntryOutcome[] {
  return [{ kind: 'forward', entry }];
}

/** A stage that changes the entry in place and always forwards it. */
export function mutatingStage(block: EvaluatedBlock, fn: (e: LogEntry) => void): CompiledStage {
  return {
    name: block.name,
    where: describeWhere(block),
    file: block.file,
    range: block.range,
    process(entry) {
      fn(entry);
      return forward(entry);
    },
  };
}

export function markOf(block: EvaluatedBlock, message: string): UnknownMark {
  return { message, file: block.file, range: block.range };
}

/** Adds a mark once: an entry that passes a stage many times (nested pipelines) keeps one copy. */
export function addMark(entry: LogEntry, mark: UnknownMark): void {
  if (!entry.unknown.some((m) => m.message === mark.message && m.range === mark.range)) entry.unknown.push(mark);
}
