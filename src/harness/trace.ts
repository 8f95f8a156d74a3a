// `--trace`: the entry after every stage of the loki.process a test starts at, the way Promtail's
// `--inspect` showed it. Also tells which stage last changed the line, for failure reports.
import type { Component } from '../config/model.ts';
import { compileStages } from '../loki/stages/index.ts';
import { defaultContext } from '../loki/stages/stage.ts';
import { cloneEntry, newEntry, type LogEntry } from '../loki/types.ts';
import type { LogInput, TraceStep } from './types.ts';

function snapshot(step: string, e: LogEntry, dropped?: string): TraceStep {
  return {
    step,
    line: e.line,
    labels: Object.fromEntries(e.labels),
    extracted: Object.fromEntries([...e.extracted].map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v])),
    ...(dropped ? { dropped } : {}),
  };
}

/** Steps of one entry through the stages of a loki.process; stops where the entry stops. */
export function traceLokiProcess(component: Component, input: LogInput, extracted?: Map<string, string>): TraceStep[] {
  const stages = compileStages(component.blocks, defaultContext());
  let entry = newEntry(input.line, input.labels, input.timestampNs);
  for (const [k, v] of input.structuredMetadata) entry.structuredMetadata.set(k, v);
  if (extracted) for (const [k, v] of extracted) entry.extracted.set(k, v);
  for (const [k, v] of entry.labels) entry.extracted.set(k, v);
  const steps: TraceStep[] = [snapshot('input', entry)];
  for (const stage of stages) {
    const outcomes = stage.process(cloneEntry(entry));
    const first = outcomes[0];
    const where = stage.where;
    if (!first) {
      steps.push(snapshot(where, entry, 'no output'));
      break;
    }
    if (first.kind === 'drop') {
      steps.push(snapshot(where, first.entry, `${first.by}: ${first.reason}`));
      break;
    }
    if (first.kind === 'held') {
      steps.push(snapshot(where, entry, `held by ${first.by}`));
      break;
    }
    entry = first.entry;
    steps.push(snapshot(where, entry));
  }
  return steps;
}

/** The stage that last changed the line, or undefined when no stage changed it. */
export function lastLineChange(steps: TraceStep[]): string | undefined {
  let last: string | undefined;
  for (let i = 1; i < steps.length; i++) if (steps[i]!.line !== steps[i - 1]!.line) last = steps[i]!.step;
  return last;
}
