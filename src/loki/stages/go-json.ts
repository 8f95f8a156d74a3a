// JSON as Alloy's stages decode and encode it: a strict RFC 8259 parser into Go-like values
// (objects as insertion-ordered Maps — safe for any key, `__proto__` included — numbers as
// float64, invalid UTF-8 and lone surrogate escapes as U+FFFD), and the encoder of
// json-iterator's default config (HTML-safe escaping, shortest float formatting).
import type { TemplateValue } from '../../template/types.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | Map<string, JsonValue>;

const MAX_DEPTH = 10000;

/**
 * Parses `text`. With `elementSpans`, the [start, end) of each element of a top-level array is
 * recorded — what json.RawMessage elements hold.
 */
export type JsonParseResult =
  | { ok: true; value: JsonValue }
  /** `cannotSimulate`: nesting Go accepts (up to 10000 levels) but this parser's stack does not. */
  | { ok: false; error: string; cannotSimulate?: boolean };

export function goJsonParse(text: string, elementSpans?: [number, number][]): JsonParseResult {
  let i = 0;
  const fail = (msg: string): never => {
    throw new SyntaxError(msg);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    while (true) {
      if (i >= text.length) fail('unexpected end of JSON input');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return out;
      }
      if (c < 0x20) fail('invalid character in string literal');
      if (c === 0x5c) {
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const h = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('invalid character in string escape code');
            i += 4;
            let cp = parseInt(h, 16);
            if (cp >= 0xd800 && cp <= 0xdbff && text[i] === '\\' && text[i + 1] === 'u' && /^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 6))) {
              const lo = parseInt(text.slice(i + 2, i + 6), 16);
              cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
              i += 6;
            } else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
            out += String.fromCodePoint(cp);
            break;
          }
          default:
            fail('invalid character in string escape code');
        }
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          out += text.slice(i, i + 2);
          i += 2;
          continue;
        }
      }
      out += c >= 0xd800 && c <= 0xdfff ? '\uFFFD' : text[i];
      i++;
    }
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail('exceeded max depth');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const m = new Map<string, JsonValue>();
      ws();
      if (text[i] === '}') {
        i++;
        return m;
      }
      while (true) {
        ws();
        if (text[i] !== '"') fail('expected object key');
        const k = str();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        const v = value(depth + 1);
        m.delete(k); // a duplicate key: the last value wins (Go map assignment)
        m.set(k, v);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return m;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const a: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      while (true) {
        if (depth === 0 && elementSpans) {
          ws();
          const start = i;
          a.push(value(depth + 1));
          elementSpans.push([start, i]);
        } else a.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return a;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('invalid character looking for beginning of value');
    i += m![0].length;
    const n = Number(m![0]);
    if (!Number.isFinite(n)) fail('number out of range');
    return n;
  };
  // Go refuses nesting deeper than 10000 before decoding anything; check that first, so the
  // answer does not depend on how deep this parser's stack can go.
  if (maxNesting(text) > MAX_DEPTH) return { ok: false, error: 'exceeded max depth' };
  try {
    const v = value(0);
    ws();
    if (i !== text.length) fail('invalid character after top-level value');
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: e.message, cannotSimulate: true };
    throw e;
  }
}

/** Deepest [ / { nesting outside string literals. */
function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

const HEX = '0123456789abcdef';

/** json-iterator (ConfigDefault) string encoding: HTML-safe, invalid UTF-8 as \ufffd. */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else out += s[i];
  }
  return out + '"';
}

/**
 * json-iterator float64 (stream_float.go): strconv 'f' format, or 'e' below 1e-6 and from 1e21 —
 * the same switch points and shortest digits as JS, but Go writes at least two exponent digits
 * (1e-07, not 1e-7) and json-iterator, unlike encoding/json, does not trim them.
 */
export function goJsonNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * json.Marshal of a decoded value. Go iterates maps in random order and json-iterator's default
 * config does not sort keys, so Alloy's output order for an object with several keys varies from
 * run to run; this prints the source order.
 */
export function goJsonMarshal(v: TemplateValue | JsonValue): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return goJsonString(v);
    case 'number':
      return goJsonNumber(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (Array.isArray(v)) return '[' + v.map(goJsonMarshal).join(',') + ']';
  return '{' + [...v].map(([k, x]) => goJsonString(k) + ':' + goJsonMarshal(x)).join(',') + '}';
}
