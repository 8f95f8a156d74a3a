// The leak property: no sink may receive a secret, in any spelling the line carries it in, nor
// any fragment of it at least `minFragment` characters long (a shorter secret counts whole).
// Fragments are checked as the secret's windows of exactly `minFragment` characters: any longer
// surviving fragment contains one of them.
import type { PathOutput } from '../loki/graph.ts';
import type { PlacedSecret } from './contexts/entry.ts';

export const DEFAULT_MIN_FRAGMENT = 8;

/** What to look for: every window of every spelling of every secret (deduplicated). */
export function needles(secrets: readonly PlacedSecret[], minFragment: number): string[] {
  const set = new Set<string>();
  for (const p of secrets) {
    for (const form of p.forms) {
      if (form.length <= minFragment) {
        if (form.length > 0) set.add(form);
        continue;
      }
      for (let i = 0; i + minFragment <= form.length; i++) set.add(form.slice(i, i + minFragment));
    }
  }
  return [...set];
}

/** Where a leak was seen: the line, a label (name or value) or structured metadata. */
export interface LeakSite {
  where: string;
  text: string;
  needle: string;
}

function firstNeedleIn(text: string, list: readonly string[]): string | undefined {
  for (const n of list) if (text.includes(n)) return n;
  return undefined;
}

/** The first place in one sink record that holds a needle, or undefined when it holds none. */
export function leakIn(output: PathOutput, list: readonly string[]): LeakSite | undefined {
  const e = output.entry;
  let n = firstNeedleIn(e.line, list);
  if (n !== undefined) return { where: 'line', text: e.line, needle: n };
  for (const [k, v] of e.labels) {
    n = firstNeedleIn(v, list) ?? firstNeedleIn(k, list);
    if (n !== undefined) return { where: `label ${k}`, text: v, needle: n };
  }
  for (const [k, v] of e.structuredMetadata) {
    n = firstNeedleIn(v, list) ?? firstNeedleIn(k, list);
    if (n !== undefined) return { where: `structured metadata ${k}`, text: v, needle: n };
  }
  return undefined;
}
