// JSON in and out as Go's encoding/json does it for Alloy's encoding.from_json / to_json:
// decoding into `any` makes every number a float64; encoding sorts object keys, escapes <, >, &
// and U+2028/U+2029, and formats floats with Go's rules.
import { GoNumber } from './number.ts';
import { type ObjVal, type Val, isObjVal, objVal } from './values.ts';

export type JSONResult = { ok: true; value: Val } | { ok: false; error: string };

export function fromJSON(text: string): JSONResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: goJSONError(text, err as Error) };
  }
  return { ok: true, value: convert(raw) };
}

function goJSONError(text: string, err: Error): string {
  if (text.trim() === '' || /end of (JSON )?input|Unterminated/i.test(err.message)) return 'unexpected end of JSON input';
  const m = /position (\d+)/.exec(err.message);
  if (m) {
    const at = Number(m[1]);
    if (at >= text.trimEnd().length) return 'unexpected end of JSON input';
    return `invalid character '${text[at]}' looking for beginning of value`;
  }
  return `invalid JSON: ${err.message}`;
}

// Lone UTF-16 surrogates cannot come out of Go's decoder; it substitutes U+FFFD.
function fixSurrogates(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function convert(v: unknown): Val {
  if (v === null) return null;
  if (typeof v === 'string') return fixSurrogates(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return GoNumber.float(v);
  if (Array.isArray(v)) return v.map(convert);
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => [fixSurrogates(k), convert(x)] as [string, Val]);
  return objVal(entries);
}

/** json.Marshal of a value; undefined when it holds something Go would print as an opaque value. */
export function toJSON(v: Val): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoNumber) return v.kind === 'float' ? jsonFloat(v.asFloat()) : v.toString();
  if (Array.isArray(v)) {
    const parts = v.map(toJSON);
    return parts.some((p) => p === undefined) ? undefined : `[${parts.join(',')}]`;
  }
  if (isObjVal(v)) return objectJSON(v);
  return undefined;
}

function objectJSON(o: ObjVal): string | undefined {
  const keys = [...o.fields.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const k of keys) {
    const x = toJSON(o.fields.get(k)!);
    if (x === undefined) return undefined;
    parts.push(`${quote(k)}:${x}`);
  }
  return `{${parts.join(',')}}`;
}

function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

function jsonFloat(f: number): string | undefined {
  if (!Number.isFinite(f)) return undefined;
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // Go: strconv 'e' shortest, then e-07 → e-7.
    const [m, e] = f.toExponential().split('e') as [string, string];
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`.replace(/e-0(\d)$/, 'e-$1');
  }
  return formatF(f);
}

function formatF(f: number): string {
  if (Object.is(f, -0)) return '-0';
  // Shortest digits without exponent.
  return GoNumber.float(f).toString();
}
