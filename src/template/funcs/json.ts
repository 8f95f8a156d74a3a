// encoding/json.Marshal for template values, as sprig's toJson (HTML-escaping) and toRawJson
// (no HTML escaping) produce it. Returns null where Go's Marshal fails (NaN, ±Inf).
import { formatFloat } from '../../go/strconv/format-float.ts';
import { indirectInterface, isFloatKind, isIntKind, isUintKind, isValid, sortedKeys, type RV } from '../values.ts';

function encodeString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xdc80 && c <= 0xdcff) {
      out += '\\ufffd';
      continue;
    }
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
    }
    if (c < 0x20 || (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
      continue;
    }
    out += ch;
  }
  return out + '"';
}

function encodeFloat(f: number): string | null {
  if (!Number.isFinite(f)) return null;
  const abs = Math.abs(f);
  let fmt: 'f' | 'e' = 'f';
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) fmt = 'e';
  let b = formatFloat(f, fmt, -1);
  if (fmt === 'e') {
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') b = b.slice(0, n - 2) + b[n - 1];
  }
  return b;
}

export function toJSON(v: RV, raw: boolean, depth = 0): string | null {
  if (depth > 1000) return null;
  v = indirectInterface(v);
  if (!isValid(v)) return 'null';
  const k = v.t.kind;
  switch (k) {
    case 'string':
      return encodeString(v.v as string, !raw);
    case 'bool':
      return (v.v as boolean) ? 'true' : 'false';
    case 'slice': {
      const xs = v.v as RV[] | null;
      if (xs === null) return 'null';
      if (v.t.elem!.kind === 'uint8') {
        return '"' + Buffer.from(xs.map((x) => Number(x.v))).toString('base64') + '"';
      }
      const parts: string[] = [];
      for (const x of xs) {
        const e = toJSON(x, raw, depth + 1);
        if (e === null) return null;
        parts.push(e);
      }
      return '[' + parts.join(',') + ']';
    }
    case 'map': {
      const m = v.v as Map<string, RV> | null;
      if (m === null) return 'null';
      const parts: string[] = [];
      for (const key of sortedKeys(m)) {
        const e = toJSON(m.get(key)!, raw, depth + 1);
        if (e === null) return null;
        parts.push(encodeString(key, !raw) + ':' + e);
      }
      return '{' + parts.join(',') + '}';
    }
    default:
      if (isIntKind(k) || isUintKind(k)) return String(v.v as bigint);
      if (isFloatKind(k)) return encodeFloat(v.v as number);
      return null;
  }
}
