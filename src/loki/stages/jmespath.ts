// JMESPath as Alloy's stage.json evaluates it: jmespath-community/go-jmespath, the JMESPath
// Community specification. Paths people write most (fields, "quoted" fields, `a.b`, `a[0]`) run
// on a small evaluator of our own; everything else (projections, filters, functions, and the
// community edition's arithmetic, which reads `user-agent` as a subtraction) runs on
// @jmespath-community/jmespath, the TypeScript implementation of the same specification. The
// data crosses over as plain objects built with defineProperty, so a `__proto__` key is data.
import { compile, registerFunction, TreeInterpreter, TYPE_ANY } from '@jmespath-community/jmespath';
import { compareGoStrings } from './go-bytes.ts';
import type { JsonValue } from './go-json.ts';

type JsonPlain = null | boolean | number | string | JsonPlain[] | { [k: string]: JsonPlain };

// go-jmespath's to_string is Go's encoding/json Marshal: keys sorted, HTML characters escaped
// (the library's own uses JSON.stringify). Replaced process-wide, the library's registry being
// global; nothing else in the project uses it.
registerFunction('to_string', ([v]) => (typeof v === 'string' ? v : encodingJsonMarshal(v as JsonPlain)), [{ types: [TYPE_ANY] }], {
  override: true,
});

/** encoding/json (Go 1.22+) string escaping: HTML-safe, \b and \f short forms, U+2028/9. */
function encodingJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') out += '\\u00' + c.toString(16).padStart(2, '0');
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function encodingJsonMarshal(v: JsonPlain): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return encodingJsonString(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return '[' + v.map(encodingJsonMarshal).join(',') + ']';
  const keys = Object.keys(v).sort(compareGoStrings);
  return '{' + keys.map((k) => encodingJsonString(k) + ':' + encodingJsonMarshal(v[k]!)).join(',') + '}';
}
type CompiledAst = ReturnType<typeof compile>;

/** A compiled expression: either steps for the simple evaluator or the library's AST. */
export type JmesExpression = { steps: PathStep[] } | { ast: CompiledAst };

/** Compiles like jmespath.Compile; throws the library's syntax error. */
export function compileJmes(expr: string): JmesExpression {
  const steps = parseSimplePath(expr);
  if (steps) return { steps };
  return { ast: compile(expr) };
}

/** What a search gives: a value, Go's search error (the name is skipped), or no simulation. */
export type JmesResult = { value: JsonValue } | { error: true } | { cannotSimulate: string };

/**
 * Search(data). `plain` converts the data once per entry, only if some expression needs the
 * library. Differences from the library that go-jmespath v1.1.1 shows (checked on 420 cases):
 * arithmetic on non-numbers gives null rather than an error, and a null document is a nil map,
 * which behaves as an empty object except that `@` itself encodes as "null".
 */
export function searchJmes(e: JmesExpression, data: JsonValue, plain: () => JsonPlain): JmesResult {
  if ('steps' in e) return { value: searchPath(e.steps, data) };
  const root = data === null ? {} : plain();
  let out: JsonPlain;
  try {
    out = TreeInterpreter.search(e.ast, root as never) as JsonPlain;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (msg.startsWith('not-a-number')) {
      if (msg.includes('divide by zero')) return { cannotSimulate: 'division by zero (Go gives ±Inf or NaN)' };
      return { value: null };
    }
    return { error: true };
  }
  if (data === null && out === root) return { value: 'null' };
  return { value: fromPlain(out) };
}

export function toPlain(v: JsonValue): JsonPlain {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toPlain);
  const o: { [k: string]: JsonPlain } = {};
  for (const [k, x] of v) Object.defineProperty(o, k, { value: toPlain(x), enumerable: true, writable: true, configurable: true });
  return o;
}

function fromPlain(v: JsonPlain | undefined): JsonValue {
  if (v === undefined || v === null || typeof v !== 'object') return v ?? null;
  if (Array.isArray(v)) return v.map(fromPlain);
  const m = new Map<string, JsonValue>();
  for (const k of Object.keys(v)) m.set(k, fromPlain(v[k]));
  return m;
}

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
