// Whether a log path may be split between threads: only when what it does to a line never depends
// on the other lines. Each worker thread builds its own runner and sees only its batches, so any
// state a simulation carries from one entry to the next (held lines, counters, a random sequence,
// the previous timestamp) would differ from a single run's. Fail closed: the path is splittable
// only when every component and stage on it is known to keep no such state; anything the runner
// does not simulate counts as stateful, because what Alloy does there is not known.
import type { Component, ConfigModel, EvaluatedBlock } from '../config/model.ts';
import { isCapsule, isUnknown } from '../config/value.ts';
import { componentRole } from '../loki/registry.ts';
import { describeWhere } from '../loki/stages/stage.ts';

/** Stages whose result for an entry depends on that entry only (stage.match: on its nested stages too). */
const STATELESS_STAGES = new Set([
  'stage.replace', 'stage.tenant', 'stage.regex', 'stage.template', 'stage.output', 'stage.labels',
  'stage.static_labels', 'stage.label_drop', 'stage.label_keep', 'stage.luhn', 'stage.drop', 'stage.json',
  'stage.logfmt', 'stage.docker', 'stage.decolorize', 'stage.truncate', 'stage.structured_metadata',
  'stage.structured_metadata_drop', 'stage.pack', 'stage.metrics', 'stage.split_json', 'stage.pattern', 'stage.match',
]);

const STATEFUL_STAGES: ReadonlyMap<string, string> = new Map([
  ['stage.multiline', 'joins lines into blocks'],
  ['stage.cri', 'joins partial lines'],
  ['stage.limit', 'counts entries (rate limit)'],
  ['stage.sampling', 'draws from one random sequence for all entries'],
]);

/**
 * Why the log path that starts at `startId` cannot be split between threads, or null when it can.
 * The path must be one the runner can build (buildLogPath succeeded).
 */
export function splitBlocker(model: ConfigModel, startId: string): string | null {
  const seen = new Set<string>();
  const queue = [startId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const c = model.components.get(id);
    if (!c) return `entries are sent to ${id}, which alloy-scrub cannot follow`;
    const why = componentBlocker(c, id === startId);
    if (why) return why;
    const next = receivers(c);
    if (typeof next === 'string') return next;
    queue.push(...next);
  }
  return null;
}

function componentBlocker(c: Component, isStart: boolean): string | null {
  if (c.custom) return `${c.id} is a custom component, which is not simulated`;
  const role = componentRole(c.componentName);
  switch (role) {
    case 'write':
    case 'echo':
      return null;
    case 'source':
      // A source only shapes entries when the run starts at it; elsewhere it is not simulated.
      return isStart ? null : `${c.id} (${c.componentName}) is not simulated here`;
    case 'simulated':
      return c.componentName === 'loki.process' ? stagesBlocker(c.blocks) : null;
    default:
      return `${c.id} (${c.componentName}) is not simulated`;
  }
}

function stagesBlocker(blocks: readonly EvaluatedBlock[]): string | null {
  for (const b of blocks) {
    if (!b.name.startsWith('stage.')) continue;
    const stateful = STATEFUL_STAGES.get(b.name);
    if (stateful) return `${describeWhere(b)} ${stateful}`;
    if (b.name === 'stage.timestamp') {
      // "fudge" (the default of both) moves a time past the previous entry's of the same stream.
      const onFailure = b.attributes.get('action_on_failure')?.value;
      const onDuplicate = b.attributes.get('action_on_duplicate_timestamp')?.value;
      if (onFailure !== 'skip' || onDuplicate !== 'keep') {
        return `${describeWhere(b)} sets a time from the previous entry's ("fudge"; set action_on_failure = "skip" and action_on_duplicate_timestamp = "keep" to avoid it)`;
      }
      continue;
    }
    if (!STATELESS_STAGES.has(b.name)) return `${describeWhere(b)} is not simulated`;
    if (b.name === 'stage.match') {
      const nested = stagesBlocker(b.blocks);
      if (nested) return nested;
    }
  }
  return null;
}

/** The components `c` forwards to, or why they cannot be followed. */
function receivers(c: Component): string[] | string {
  const forwardTo = c.attributes.get('forward_to');
  if (!forwardTo) return [];
  const value = forwardTo.value;
  if (isUnknown(value)) return `${c.id} forwards to receivers that are not known before Alloy runs`;
  if (!Array.isArray(value)) return value === null ? [] : `${c.id}: forward_to cannot be followed`;
  const out: string[] = [];
  for (const v of value) {
    if (!isCapsule(v) || v.type !== 'loki.LogsReceiver') return `${c.id} forwards to a receiver alloy-scrub cannot follow`;
    out.push(v.componentId);
  }
  return out;
}
