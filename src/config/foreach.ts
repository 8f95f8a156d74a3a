// Ids of the children of a `foreach` block, as Alloy's ForeachConfigNode builds them: each
// collection item (or its `id` field) is fingerprinted — strings as themselves with every
// non-alphanumeric character replaced by "_" (or their SHA-256 with hash_string_id), ints and
// bools as printed, floats with %f and "." → "_", anything else as the SHA-256 of Go's %#v — and
// duplicates get a running count: `foreach_<fingerprint>_<n>`.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { goSprintf } from './eval/gofmt.ts';
import { GoNumber } from './eval/number.ts';
import { toGoArg } from './eval/stdlib.ts';
import { type Val, isObjVal } from './eval/values.ts';

function hash(s: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(s)));
}

// Alloy's replaceNonAlphaNumeric works rune by rune with unicode.IsLetter / IsDigit.
function replaceNonAlphaNumeric(s: string): string {
  return [...s].map((c) => (/^[\p{L}\p{Nd}]$/u.test(c) ? c : '_')).join('');
}

/** The fingerprint of one item, or undefined when it cannot be computed statically. */
export function objectFingerprint(id: Val, hashId: boolean): string | undefined {
  if (typeof id === 'string') return hashId ? hash(id) : replaceNonAlphaNumeric(id);
  if (typeof id === 'boolean') return String(id);
  if (id instanceof GoNumber) {
    if (id.kind === 'float') return goSprintf('%f', [{ t: 'float64', v: id.asFloat() }]).replace(/\./g, '_');
    // Ints decode to Go int; uints above MaxInt64 decode to uint64, which Alloy hashes.
    const g = toGoArg(id);
    if (g && g.t === 'int' && g.type === 'int') return g.v.toString();
  }
  const g = toGoArg(id);
  if (!g) return undefined;
  return hash(goSprintf('%#v', [g]));
}

/** Child ids for a collection, in order (`foreach_a_1`, `foreach_a_2` for duplicates). */
export function foreachChildIds(collection: readonly Val[], idField: string, hashStringId: boolean): Array<string | undefined> {
  const counts = new Map<string, number>();
  return collection.map((item) => {
    let id: Val = item;
    if (idField !== '' && isObjVal(item) && item.fields.has(idField)) id = item.fields.get(idField)!;
    const fp = objectFingerprint(id, hashStringId);
    if (fp === undefined) return undefined;
    const base = `foreach_${fp}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return `${base}_${n}`;
  });
}
