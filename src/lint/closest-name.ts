// "Did you mean": the candidate closest to a misspelt name. Case-insensitive equality wins, then
// the longest candidate that is a prefix of the name (`loki.source.kubernetes_pods` →
// `loki.source.kubernetes`), then the only candidate the name is a prefix of, then the smallest edit distance within a small bound.

export function closestName(name: string, candidates: Iterable<string>, maxDistance = 3): string | undefined {
  const list = [...candidates];
  const lower = name.toLowerCase();
  const sameCase = list.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const prefixes = list.filter((c) => name.startsWith(c) && /^[._]/.test(name.slice(c.length)));
  if (prefixes.length > 0) return prefixes.sort((a, b) => b.length - a.length)[0];
  // The name cut short: `tenant` → `tenant_id`.
  const extended = list.filter((c) => c.startsWith(name) && /^[._]/.test(c.slice(name.length)));
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const c of list) {
    const d = editDistance(lower, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return prev[b.length]!;
}
