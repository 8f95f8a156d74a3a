// Reading and writing metric series in the Prometheus text exposition format and OpenMetrics.
//
// A series is the label set the relabel rules see: the metric name becomes the `__name__` label.
// `# HELP`, `# TYPE`, `# UNIT`, `# EOF`, other comments and blank lines are kept as they are so the
// output can be read next to the input. Label values use the escapes `\\`, `\"` and `\n`; names
// outside the legacy character set are written quoted (`{"my.metric","a-b"="v"}`), as Prometheus 3
// and OpenMetrics 2 do. The scanner is hand-written: no regular expression ever runs on the input.
import type { LabelSet } from './types.ts';

export class ExpositionError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ExpositionError';
  }
}

export interface SampleLine {
  kind: 'sample';
  /** 1-based line number in the input. */
  line: number;
  /** Labels with `__name__` set to the metric name (when the series has one). */
  labels: LabelSet;
  value: string;
  timestamp?: string;
  /** An OpenMetrics exemplar, as written after ` # `. */
  exemplar?: string;
  raw: string;
}

export interface CommentLine {
  kind: 'comment';
  line: number;
  raw: string;
}

export type ExpositionLine = SampleLine | CommentLine;

const NAME = '__name__';

function isMetricNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
}

function isMetricNameChar(c: string): boolean {
  return isMetricNameStart(c) || (c >= '0' && c <= '9');
}

function isLabelNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isLabelNameChar(c: string): boolean {
  return isLabelNameStart(c) || (c >= '0' && c <= '9');
}

export function isLegacyMetricName(s: string): boolean {
  if (s === '' || !isMetricNameStart(s[0]!)) return false;
  for (const c of s) if (!isMetricNameChar(c)) return false;
  return true;
}

function isLegacyLabelNameText(s: string): boolean {
  if (s === '' || !isLabelNameStart(s[0]!)) return false;
  for (const c of s) if (!isLabelNameChar(c)) return false;
  return true;
}

/** Parses a whole exposition text. Throws ExpositionError with the line and column. */
export function parseExposition(text: string): ExpositionLine[] {
  const out: ExpositionLine[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw0, i) => {
    const raw = raw0.endsWith('\r') ? raw0.slice(0, -1) : raw0;
    const trimmed = raw.replace(/^[ \t]+/, '');
    if (trimmed === '' || trimmed.startsWith('#')) {
      out.push({ kind: 'comment', line: i + 1, raw });
      return;
    }
    out.push(parseSample(raw, i + 1));
  });
  return out;
}

class Cursor {
  pos = 0;
  constructor(
    readonly s: string,
    readonly line: number,
  ) {}
  peek(): string {
    return this.s[this.pos] ?? '';
  }
  eof(): boolean {
    return this.pos >= this.s.length;
  }
  skipSpace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  fail(message: string): never {
    throw new ExpositionError(message, this.line, this.pos + 1);
  }
  expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected ${JSON.stringify(c)}, found ${this.eof() ? 'end of line' : JSON.stringify(this.peek())}`);
    this.pos++;
  }
}

function parseSample(raw: string, line: number): SampleLine {
  const c = new Cursor(raw, line);
  c.skipSpace();
  const labels: LabelSet = new Map();
  const add = (name: string, value: string) => {
    if (labels.has(name)) c.fail(`duplicate label name ${JSON.stringify(name)}`);
    labels.set(name, value);
  };
  if (c.peek() !== '{') {
    const start = c.pos;
    if (!isMetricNameStart(c.peek())) c.fail('expected a metric name');
    while (isMetricNameChar(c.peek())) c.pos++;
    add(NAME, raw.slice(start, c.pos));
    const afterName = c.pos;
    c.skipSpace();
    // `name value`: the spaces just skipped separate the name from the value.
    if (c.peek() !== '{' && c.pos > afterName) c.pos = afterName;
  }
  if (c.peek() === '{') {
    c.pos++;
    let first = true;
    for (;;) {
      c.skipSpace();
      if (c.peek() === '}') {
        c.pos++;
        break;
      }
      if (c.peek() === '"') {
        const quoted = readQuoted(c);
        c.skipSpace();
        if (c.peek() === '=') {
          c.pos++;
          c.skipSpace();
          add(quoted, readQuoted(c));
        } else {
          // A quoted metric name inside the braces (`{"my.metric", …}`), only in first place.
          if (!first || labels.has(NAME)) c.fail('a quoted metric name must come first and only once');
          add(NAME, quoted);
        }
      } else {
        const start = c.pos;
        if (!isLabelNameStart(c.peek())) c.fail('expected a label name');
        while (isLabelNameChar(c.peek())) c.pos++;
        const name = raw.slice(start, c.pos);
        c.skipSpace();
        c.expect('=');
        c.skipSpace();
        add(name, readQuoted(c));
      }
      first = false;
      c.skipSpace();
      if (c.peek() === ',') {
        c.pos++;
        continue;
      }
      if (c.peek() === '}') {
        c.pos++;
        break;
      }
      c.fail(`expected "," or "}", found ${c.eof() ? 'end of line' : JSON.stringify(c.peek())}`);
    }
  }
  if (c.peek() !== ' ' && c.peek() !== '\t') c.fail('expected a space before the value');
  c.skipSpace();
  const value = readToken(c);
  if (value === '' || !isFloatText(value)) c.fail(`invalid value ${JSON.stringify(value)}`);
  c.skipSpace();
  let timestamp: string | undefined;
  let exemplar: string | undefined;
  if (!c.eof() && c.peek() !== '#') {
    timestamp = readToken(c);
    if (!isFloatText(timestamp)) c.fail(`invalid timestamp ${JSON.stringify(timestamp)}`);
    c.skipSpace();
  }
  if (c.peek() === '#') {
    c.pos++;
    exemplar = raw.slice(c.pos).trim();
    c.pos = raw.length;
  }
  if (!c.eof()) c.fail(`unexpected ${JSON.stringify(c.peek())} after the value`);
  return { kind: 'sample', line, labels, value, timestamp, exemplar, raw };
}

function readToken(c: Cursor): string {
  const start = c.pos;
  while (!c.eof() && c.peek() !== ' ' && c.peek() !== '\t') c.pos++;
  return c.s.slice(start, c.pos);
}

/** A double-quoted string with the exposition escapes; other escapes keep their backslash. */
function readQuoted(c: Cursor): string {
  c.expect('"');
  let out = '';
  for (;;) {
    if (c.eof()) c.fail('unterminated quoted string');
    const ch = c.peek();
    c.pos++;
    if (ch === '"') return out;
    if (ch === '\\') {
      const next = c.peek();
      c.pos++;
      if (next === '\\') out += '\\';
      else if (next === '"') out += '"';
      else if (next === 'n') out += '\n';
      else if (next === '') c.fail('unterminated quoted string');
      else out += '\\' + next;
      continue;
    }
    out += ch;
  }
}

/** What Go's strconv.ParseFloat accepts in the forms exposition files use. */
function isFloatText(s: string): boolean {
  const lower = s.toLowerCase();
  const body = lower.startsWith('+') || lower.startsWith('-') ? lower.slice(1) : lower;
  if (body === 'inf' || body === 'infinity' || body === 'nan') return true;
  let i = 0;
  let digits = 0;
  while (i < body.length && body[i]! >= '0' && body[i]! <= '9') (i++, digits++);
  if (body[i] === '.') {
    i++;
    while (i < body.length && body[i]! >= '0' && body[i]! <= '9') (i++, digits++);
  }
  if (digits === 0) return false;
  if (body[i] === 'e') {
    i++;
    if (body[i] === '+' || body[i] === '-') i++;
    const expStart = i;
    while (i < body.length && body[i]! >= '0' && body[i]! <= '9') i++;
    if (i === expStart) return false;
  }
  return i === body.length;
}

function escapeValue(v: string): string {
  let out = '';
  for (const ch of v) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else out += ch;
  }
  return out;
}

/** Writes a series: `name{a="1",b="2"} value [timestamp] [# exemplar]`; labels keep their order. */
export function formatSeries(labels: LabelSet, value?: string, timestamp?: string, exemplar?: string): string {
  const name = labels.get(NAME);
  const parts: string[] = [];
  let head = '';
  if (name !== undefined && isLegacyMetricName(name)) head = name;
  else if (name !== undefined) parts.push(`"${escapeValue(name)}"`);
  for (const [k, v] of labels) {
    if (k === NAME) continue;
    const key = isLegacyLabelNameText(k) ? k : `"${escapeValue(k)}"`;
    parts.push(`${key}="${escapeValue(v)}"`);
  }
  let out = head;
  if (parts.length > 0 || head === '') out += `{${parts.join(',')}}`;
  if (value !== undefined) out += ` ${value}`;
  if (timestamp !== undefined) out += ` ${timestamp}`;
  if (exemplar !== undefined) out += ` # ${exemplar}`;
  return out;
}
