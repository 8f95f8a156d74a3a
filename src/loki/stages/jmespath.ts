// The part of JMESPath (go-jmespath, community edition, as Alloy's stage.json uses) that log
// pipelines use in practice: field names (bare or "quoted"), sub-expressions `a.b`, and array
// indexes `a[0]`, `a[-1]`. Anything else — projections, filters, functions, and the community
// edition's arithmetic (which turns `user-agent` into a subtraction) — is reported as not
// simulated rather than guessed; the json stage then marks entries unknown.
import type { JsonValue } from './go-json.ts';

export type PathStep = { field: string } | { index: number };

/** The steps of a supported expression, or undefined when it uses anything else. */
export function parseSimplePath(expr: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let i = 0;
  let needField = true; // at the start and after a dot
  while (i < expr.length) {
    const c = expr[i]!;
    if (needField) {
      if (c === '"') {
        const end = findQuoteEnd(expr, i);
        if (end < 0) return undefined;
        try {
          steps.push({ field: JSON.parse(expr.slice(i, end + 1)) as string });
        } catch {
          return undefined;
        }
        i = end + 1;
      } else {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
        if (!m) {
          if (c === '[' && steps.length === 0) {
            needField = false;
            continue;
          }
          return undefined;
        }
        steps.push({ field: m[0] });
        i += m[0].length;
      }
      needField = false;
      continue;
    }
    if (c === '.') {
      needField = true;
      i++;
      continue;
    }
    if (c === '[') {
      const m = /^\[(-?\d+)\]/.exec(expr.slice(i));
      if (!m) return undefined;
      steps.push({ index: Number(m[1]) });
      i += m[0].length;
      continue;
    }
    return undefined;
  }
  return needField ? undefined : steps;
}

function findQuoteEnd(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

/** JMESPath semantics for the supported steps: a missing field or index is null. */
export function searchPath(steps: readonly PathStep[], data: JsonValue): JsonValue {
  let cur: JsonValue = data;
  for (const s of steps) {
    if ('field' in s) {
      cur = cur instanceof Map ? (cur.get(s.field) ?? null) : null;
    } else {
      if (!Array.isArray(cur)) return null;
      const i = s.index < 0 ? cur.length + s.index : s.index;
      cur = i >= 0 && i < cur.length ? cur[i]! : null;
    }
    if (cur === null) return null;
  }
  return cur;
}
