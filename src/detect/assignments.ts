// Finds `key <separator> value` pairs whose key names a secret, in every notation log lines use:
// JSON (`"password":"…"`, also JSON escaped inside JSON: `\"password\":\"…\"`), logfmt
// (`password=…`, quoted or not), YAML (`password: …`), HTTP headers (`X-Api-Key: …`), URL
// query strings (`?access_token=…&`), command-line flags (`--password=…`, `--password …`) and
// assignments in code (`password := "…"`, `'secret' => '…'`).
//
// The scan is keyword-first: find the ASCII-folded key words with indexOf, widen each hit to the
// whole key, then parse forward. Every step is bounded, so the work is linear in the text.

import { asciiLower } from './ascii.ts';
import { at } from './chars.ts';

export interface Assignment {
  /** The key as written (`DB_PASSWORD`) and folded without separators (`dbpassword`). */
  key: string;
  normalizedKey: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
  /** The separator between key and value: `=`, `:`, `:=`, `=>` or ` ` (flags). */
  separator: string;
  quoted: boolean;
}

/** Words every secret-naming key ends with; a key must end in one of them to be looked at. */
export const KEY_ROOTS = ['password', 'passwd', 'pwd', 'passphrase', 'pass', 'secret', 'token', 'key', 'credential', 'credentials'];
const MAX_KEY = 64;
/** Longer values are cut here: a secret is reported by its first 256 characters. */
const MAX_VALUE = 256;

function isKeyChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d || c === 0x2e;
}

/** Characters that end an unquoted value. */
function endsBareValue(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c || c === 0x3b || c === 0x26 || c === 0x22 || c === 0x27 ||
    c === 0x7d || c === 0x5d || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5c || c === 0x60 || c === 0x7c || c === 0x28 || c === 0x5b;
}

function skipBlanks(text: string, i: number): number {
  const stop = Math.min(text.length, i + 16);
  while (i < stop && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}

/** Quote at i: `\"` (JSON inside JSON), `"`, `'` or a backtick; returns the quote text or ''. */
function quoteAt(text: string, i: number): string {
  const c = at(text, i);
  if (c === 0x5c && at(text, i + 1) === 0x22) return '\\"';
  if (c === 0x22 || c === 0x27 || c === 0x60) return text[i]!;
  return '';
}

function separatorAt(text: string, i: number): string {
  const c = at(text, i);
  const d = at(text, i + 1);
  if (c === 0x3a && d === 0x3d) return ':=';
  if (c === 0x3d && d === 0x3e) return '=>';
  if (c === 0x3d && d !== 0x3d) return '=';
  // `key://` is a URL scheme, not a key.
  if (c === 0x3a && !(d === 0x2f && at(text, i + 2) === 0x2f) && d !== 0x3a) return ':';
  return '';
}

function parseValue(text: string, i: number): { start: number; end: number; quoted: boolean } | undefined {
  const q = quoteAt(text, i);
  if (q) {
    const start = i + q.length;
    const stop = Math.min(text.length, start + MAX_VALUE);
    let j = start;
    while (j < stop) {
      if (q === '\\"') {
        if (text.charCodeAt(j) === 0x5c && at(text, j + 1) === 0x22) break;
        if (text.charCodeAt(j) === 0x5c && at(text, j + 1) === 0x5c) j += 2;
        else j++;
        continue;
      }
      const c = text.charCodeAt(j);
      if (c === 0x5c && q === '"') {
        j += 2;
        continue;
      }
      if (c === q.charCodeAt(0)) break;
      j++;
    }
    return { start, end: Math.min(j, text.length), quoted: true };
  }
  const stop = Math.min(text.length, i + MAX_VALUE);
  // `${VAR}` and `{{ .Values.x }}` references are read whole, so they can be seen as references.
  for (const [open, close] of [['${', '}'], ['{{', '}}']] as const) {
    if (text.startsWith(open, i)) {
      const c = text.slice(i, stop).indexOf(close, open.length);
      if (c >= 0) return { start: i, end: i + c + close.length, quoted: false };
    }
  }
  let j = i;
  while (j < stop && !endsBareValue(text.charCodeAt(j))) j++;
  if (j === i) return undefined;
  // `password = env("X")`, `token = secrets.data["x"]`: an expression in a config, not a value.
  const next = at(text, j);
  if (next === 0x28 || next === 0x5b) return undefined;
  return { start: i, end: j, quoted: false };
}

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.]/g, '');
}

function parseAt(text: string, keyStart: number, keyEnd: number): Assignment | undefined {
  const key = text.slice(keyStart, keyEnd);
  let i = keyEnd;
  const closeQuote = quoteAt(text, i);
  if (closeQuote) i += closeQuote.length;
  i = skipBlanks(text, i);
  let separator = separatorAt(text, i);
  if (separator) i = skipBlanks(text, i + separator.length);
  else if (!closeQuote && key.startsWith('--') && (at(text, keyEnd) === 0x20 || at(text, keyEnd) === 0x09)) separator = ' ';
  else return undefined;
  const value = parseValue(text, i);
  if (!value) return undefined;
  return {
    key,
    normalizedKey: normalizeKey(key),
    keyStart,
    valueStart: value.start,
    valueEnd: value.end,
    separator,
    quoted: value.quoted,
  };
}

let lastText: string | undefined;
let lastResult: Assignment[] = [];

/** Every `key = value` whose key ends in a secret-naming word. Memoised for the last text. */
export function scanAssignments(text: string): Assignment[] {
  if (text === lastText) return lastResult;
  const lower = asciiLower(text);
  const seen = new Set<number>();
  const found: Assignment[] = [];
  for (const root of KEY_ROOTS) {
    let from = 0;
    for (;;) {
      const p = lower.indexOf(root, from);
      if (p < 0) break;
      from = p + 1;
      const keyEnd = p + root.length;
      if (isKeyChar(at(text, keyEnd)) || seen.has(keyEnd)) continue;
      let keyStart = p;
      while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
      seen.add(keyEnd);
      const a = parseAt(text, keyStart, keyEnd);
      if (a) found.push(a);
    }
  }
  found.sort((x, y) => x.valueStart - y.valueStart);
  lastText = text;
  lastResult = found;
  return found;
}

// Kubernetes-style pairs name the secret in one field and carry it in the next:
// `{name: DB_PASSWORD, value: s3cr3t}`, `{"name":"API_TOKEN","value":"…"}`. Linear: the name is
// bounded (64) and every other piece is a literal or a blank run between distinct literals.
const NAME_THEN_VALUE = /\b(?:name|key)\\?["']?[ \t]*[:=][ \t]*\\?["']?([A-Za-z0-9_.-]{1,64})\\?["']?[ \t]*,[ \t]*\\?["']?value\\?["']?[ \t]*([:=])[ \t]*/g;

/** `name: KEY, value: VALUE` pairs, reported as if VALUE had been assigned to KEY. */
export function scanNameValuePairs(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const m of text.matchAll(NAME_THEN_VALUE)) {
    const key = m[1]!;
    const value = parseValue(text, m.index + m[0].length);
    if (!value) continue;
    found.push({
      key,
      normalizedKey: normalizeKey(key),
      keyStart: m.index + m[0].indexOf(key),
      valueStart: value.start,
      valueEnd: value.end,
      separator: m[2]!,
      quoted: value.quoted,
    });
  }
  return found;
}
