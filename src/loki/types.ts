// Log entries as they travel through Alloy's loki components, and the contract between a
// component's simulation and the graph runner that chains components together.
import type { Range } from '../syntax/ast.ts';
import type { TemplateValue } from '../template/types.ts';

/** Why a result cannot be trusted: something on the entry's path was not simulated. */
export interface UnknownMark {
  message: string;
  /** Where the unsimulated thing is written (stage, function, reference). */
  file?: string;
  range?: Range;
}

export interface LogEntry {
  /** The log line. Invalid UTF-8 bytes are lone surrogates U+DC80..U+DCFF (see regex/types.ts). */
  line: string;
  /** Stream labels. Maps, never plain objects: label names are untrusted (`__proto__`). */
  labels: Map<string, string>;
  /** The extracted map shared by the stages of one loki.process run. */
  extracted: Map<string, TemplateValue>;
  structuredMetadata: Map<string, string>;
  /** Nanoseconds since the Unix epoch. */
  timestampNs: bigint;
  /** Accumulated marks; a non-empty list makes any verdict about this entry "unknown". */
  unknown: UnknownMark[];
}

export type EntryOutcome =
  | { kind: 'forward'; entry: LogEntry }
  /** The entry was dropped. `by` names the stage or rule (`stage.drop` at file:line:col). */
  | { kind: 'drop'; entry: LogEntry; by: string; reason: string; range?: Range }
  /** The entry is held by a stateful stage (multiline) and may come out of a later call or flush. */
  | { kind: 'held'; by: string };

/**
 * One simulated loki component (loki.process, loki.relabel, loki.secretfilter). Instances are
 * stateful per run (multiline, limit, sampling) and must be fed entries in order.
 */
export interface LokiComponentSimulation {
  readonly id: string;
  process(entry: LogEntry): EntryOutcome[];
  /** Entries still held at end of input. */
  flush(): EntryOutcome[];
}

export function newEntry(line: string, labels?: Iterable<[string, string]>, timestampNs = 0n): LogEntry {
  return {
    line,
    labels: new Map(labels ?? []),
    extracted: new Map(),
    structuredMetadata: new Map(),
    timestampNs,
    unknown: [],
  };
}

export function cloneEntry(e: LogEntry): LogEntry {
  return {
    line: e.line,
    labels: new Map(e.labels),
    extracted: new Map(e.extracted),
    structuredMetadata: new Map(e.structuredMetadata),
    timestampNs: e.timestampNs,
    unknown: [...e.unknown],
  };
}
