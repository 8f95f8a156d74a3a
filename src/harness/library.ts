// The library face of alloy-scrub for users' own test suites: push log lines and label sets
// through a component of a loaded config and get plain objects back.
import type { ConfigModel } from '../config/model.ts';
import { buildLogPath } from '../loki/graph.ts';
import { newEntry } from '../loki/types.ts';
import { DEFAULT_NOW_NS } from '../loki/stages/stage.ts';
import { runRelabelPath } from '../relabel/index.ts';

export interface LogInputLike {
  line: string;
  labels?: Record<string, string>;
  /** Nanoseconds since the Unix epoch; default: the simulation's fixed "now", as a source stamps it. */
  timestampNs?: bigint;
}

export interface LogOutput {
  /** The input this output came from (0-based). */
  input: number;
  sink: string;
  line: string;
  labels: Record<string, string>;
  structuredMetadata: Record<string, string>;
  tenant?: string;
  /** Set when the entry was dropped: by which stage or rule, and why. */
  dropped?: { by: string; reason: string };
  /** Why this result cannot be trusted (something on the path was not simulated). Empty when exact. */
  unknown: string[];
}

/** Runs log lines through the pipeline that starts at `componentId` (e.g. `loki.process.scrub`). */
export function processLogs(model: ConfigModel, componentId: string, inputs: (string | LogInputLike)[]): LogOutput[] {
  const runner = buildLogPath(model, componentId);
  const out: LogOutput[] = [];
  const push = (input: number, outputs: ReturnType<typeof runner.process>) => {
    for (const o of outputs) {
      if (o.held) continue;
      out.push({
        input,
        sink: o.sink,
        line: o.entry.line,
        labels: Object.fromEntries(o.entry.labels),
        structuredMetadata: Object.fromEntries(o.entry.structuredMetadata),
        ...(o.tenant !== undefined ? { tenant: o.tenant } : {}),
        ...(o.dropped ? { dropped: o.dropped } : {}),
        unknown: o.entry.unknown.map((m) => m.message),
      });
    }
  };
  inputs.forEach((raw, i) => {
    const input = typeof raw === 'string' ? { line: raw } : raw;
    push(i, runner.process(newEntry(input.line, Object.entries(input.labels ?? {}), input.timestampNs ?? DEFAULT_NOW_NS)));
  });
  push(Math.max(0, inputs.length - 1), runner.flush());
  return out;
}

export interface RelabelOutput {
  sink?: string;
  /** The labels after the rules, or null when the set was dropped. */
  labels: Record<string, string> | null;
  droppedBy?: string;
  unknown: string[];
}

/** Runs a label set through the relabel rules starting at `componentId`, following forward_to. */
export function relabel(model: ConfigModel, componentId: string, labels: Record<string, string>): RelabelOutput[] {
  return runRelabelPath(model, componentId, new Map(Object.entries(labels))).map((r) => ({
    ...(r.sink !== undefined ? { sink: r.sink } : {}),
    labels: r.result.labels ? Object.fromEntries(r.result.labels) : null,
    ...(r.result.droppedBy ? { droppedBy: r.result.droppedBy.reason ?? `rule ${r.result.droppedBy.index + 1} (${r.result.droppedBy.action})` } : {}),
    unknown: r.result.unknown?.map((u) => u.message) ?? [],
  }));
}
