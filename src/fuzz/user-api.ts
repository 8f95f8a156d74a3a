// Conveniences for users' own property tests: entries for chosen secret types and contexts as
// one Arbitrary, and the leak check on any text (a line `processLogs` returned, a label value).
import fc, { type Arbitrary } from 'fast-check';
import type { FuzzEntry } from './contexts/entry.ts';
import { selectCells } from './engine.ts';
import { DEFAULT_MIN_FRAGMENT, needles } from './leak.ts';

export interface EntrySelection {
  /** Secret type ids (default: all). */
  secrets?: readonly string[];
  /** Context ids (default: all). */
  contexts?: readonly string[];
}

/** Log lines carrying generated secrets, over every selected secret type × context cell. */
export function fuzzEntries(selection: EntrySelection = {}): Arbitrary<FuzzEntry> {
  const cells = selectCells(selection.secrets, selection.contexts);
  if (cells.length === 0) throw new Error('no selected context can carry the selected secret types');
  return fc.oneof(...cells.map((c) => c.context.arbitrary(c.type)));
}

/** True when `text` holds one of the entry's secrets, or a fragment of at least `minFragment` characters. */
export function secretSurvives(entry: FuzzEntry, text: string, minFragment = DEFAULT_MIN_FRAGMENT): boolean {
  return needles(entry.secrets, minFragment).some((n) => text.includes(n));
}
