// Streams input bytes through a log path and turns every result into output, one input chunk at a
// time: the caller pulls output chunks and waits for its sink to drain before pulling the next, so
// memory stays bounded by one chunk (plus the longest line) whatever the input size.
//
// Input formats
//   text   one entry per line (see line-codec.ts for line ends, CR and invalid UTF-8).
//   jsonl  one JSON object per line: {"line": string, "labels"?: {…}, "structured_metadata"?: {…},
//          "extracted"?: {…}, "timestamp"?: RFC 3339 string | integer nanoseconds}. Keys that
//          jsonl output writes (dropped, sink, unknown, tenant, held, error) are accepted and
//          ignored, so output can be fed back in. Blank lines are skipped. A line that is not
//          such an object becomes an error record naming its line number; the run goes on.
//          In JSON strings, \udc80..\udcff stand for the raw bytes 0x80..0xff (the surrogate
//          escape of regex/types.ts), which is also how jsonl output writes invalid UTF-8.
// Stream labels given by the caller apply to every entry; a jsonl entry's own labels win.
// Entries without a timestamp are stamped with the run's clock (opts.now, read once at the start),
// as a source stamps what it reads; one instant for all keeps the output reproducible.
//
// Output formats
//   jsonl  one record per input entry and path: {"line","labels","extracted","dropped"} plus
//          "sink" when the path has several sinks, "unknown" when results cannot be trusted,
//          "structured_metadata" and "tenant" when set, "timestamp" (RFC 3339, Go's RFC3339Nano)
//          when the entry's time is not the run's clock (given in the input or set by a stage),
//          "held" for an entry a stage holds, "error" when a simulation failed. Bad input gives
//          {"error","input_line"}.
//   text   the line of every entry that reaches a sink, as bytes, one per line. Entries that do
//          not (dropped, errors) are reported on stderr with their input line number, so stdout
//          stays exactly the scrubbed log and nothing is lost silently. Unknown marks are
//          reported on stderr once per distinct mark.
import { Buffer } from 'node:buffer';
import type { TemplateValue } from '../template/types.ts';
import type { LogPathRunner, PathOutput } from './graph.ts';
import { LineSplitter, decodeLine, encodeLine, hasEscapedBytes, type RawLine } from './line-codec.ts';
import { newEntry, type LogEntry, type UnknownMark } from './types.ts';

export type InputFormat = 'text' | 'jsonl';
export type OutputFormat = 'text' | 'jsonl';

export interface RunStreamOptions {
  inputFormat?: InputFormat;
  outputFormat?: OutputFormat;
  /** Stream labels of every entry. */
  labels?: ReadonlyMap<string, string>;
  keepCr?: boolean;
  maxLineBytes?: number;
  /** The run's clock, read once: the timestamp of entries that bring none (ns since the epoch). */
  now?: () => bigint;
  /**
   * Text in and text out only: false for a line's bytes means the pipeline provably leaves the
   * line unchanged with no other effect (loki/prefilter.ts), so the bytes are written as they are.
   */
  passThrough?: PassThroughScreen;
  /**
   * For a piece of a longer input (a batch run by a worker thread, src/parallel): the input
   * number of its first line, whether a BOM at its start is content (it is, except at the start
   * of the whole input), and whether to print the once-per-run note about several sinks.
   */
  firstLineNo?: number;
  keepBom?: boolean;
  sinkNote?: boolean;
}

/**
 * A test on a line's raw bytes (see RunStreamOptions.passThrough). `decoded`, when present, is
 * told the text a line the test let through was decoded to, before the line enters the
 * pipeline, so what the test learned about the bytes can be reused for that text.
 */
export type PassThroughScreen = ((bytes: Buffer) => boolean) & {
  decoded?: (bytes: Buffer, line: string) => void;
  /** The test for all lines of one input chunk at once (1: may change); same answers or more 1s. */
  lines?: (lines: readonly RawLine[]) => Uint8Array;
};

export interface RunStats {
  entries: number;
  records: number;
  dropped: number;
  /** Input lines that could not be read as entries, and entries a simulation failed on. */
  errors: number;
  /** Records that carry an UnknownMark. */
  unknown: number;
  /** Lines the pass-through screen wrote out as their input bytes without running the pipeline. */
  passedThrough?: number;
}

/**
 * A piece of output: bytes for stdout, or a human-readable message for stderr. `warnings` says
 * where in a stderr message the unknown-mark warnings are, which are printed once per run: whoever
 * joins the output of several runStream calls into one run (src/parallel) drops the repeats.
 */
export type RunChunk = { stream: 'stdout'; data: Buffer } | { stream: 'stderr'; data: string; warnings?: StderrWarning[] };

/** One warning line in a stderr message: data.slice(start, end), de-duplicated by `key`. */
export interface StderrWarning {
  start: number;
  end: number;
  key: string;
}

const OUTPUT_KEYS = new Set(['dropped', 'sink', 'unknown', 'tenant', 'held', 'error', 'input_line']);

export async function* runStream(input: AsyncIterable<Uint8Array>, runner: LogPathRunner, opts: RunStreamOptions = {}): AsyncGenerator<RunChunk, RunStats> {
  const stats: RunStats = { entries: 0, records: 0, dropped: 0, errors: 0, unknown: 0 };
  const splitter = new LineSplitter({ keepCr: opts.keepCr, maxLineBytes: opts.maxLineBytes, keepBom: opts.keepBom, firstLineNo: opts.firstLineNo });
  const stampNs = (opts.now ?? (() => BigInt(Date.now()) * 1_000_000n))();
  const out = new OutputBuilder(opts.outputFormat ?? 'text', runner.paths.length > 1, stats, stampNs);
  if (out.format === 'text' && runner.paths.length > 1 && opts.sinkNote !== false) {
    yield {
      stream: 'stderr',
      data: `alloy-scrub: note: entries reach ${runner.paths.length} sinks; each line is printed once per sink, in this order: ${runner.paths.map((p) => p.id).join(', ')} (use --format jsonl to see which)\n`,
    };
  }
  const passThrough = (opts.inputFormat ?? 'text') === 'text' && out.format === 'text' ? opts.passThrough : undefined;
  const handle = (lines: RawLine[]): void => {
    const mayChange = passThrough?.lines && lines.length > 1 ? passThrough.lines(lines) : null;
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (passThrough && raw.kind === 'line' && (mayChange ? mayChange[i] === 0 : !passThrough(raw.bytes))) {
        stats.entries++;
        stats.records++;
        stats.passedThrough = (stats.passedThrough ?? 0) + 1;
        out.rawLine(raw.bytes);
        continue;
      }
      const entry = readEntry(raw, opts, out, stampNs);
      if (!entry) continue;
      if (passThrough?.decoded && raw.kind === 'line') passThrough.decoded(raw.bytes, entry.line);
      stats.entries++;
      out.records(runner.process(entry), raw.lineNo);
    }
  };
  for await (const chunk of input) {
    handle(splitter.push(chunk));
    yield* out.take();
  }
  handle(splitter.end());
  out.records(runner.flush(), null);
  yield* out.take();
  return stats;
}

function readEntry(raw: RawLine, opts: RunStreamOptions, out: OutputBuilder, stampNs: bigint): LogEntry | null {
  if (raw.kind === 'too-long') {
    out.inputError(raw.lineNo, `line is ${raw.byteLength} bytes long, over the limit of this run; skipped`);
    return null;
  }
  const text = decodeLine(raw.bytes);
  if ((opts.inputFormat ?? 'text') === 'text') return newEntry(text, opts.labels, stampNs);
  if (text.trim() === '') return null;
  const parsed = parseJsonEntry(text);
  if (typeof parsed === 'string') {
    out.inputError(raw.lineNo, parsed);
    return null;
  }
  const entry = newEntry(parsed.line, opts.labels, parsed.timestampNs ?? stampNs);
  for (const [k, v] of parsed.labels) entry.labels.set(k, v);
  entry.structuredMetadata = parsed.structuredMetadata;
  entry.extracted = parsed.extracted;
  return entry;
}

interface JsonEntry {
  line: string;
  labels: Map<string, string>;
  structuredMetadata: Map<string, string>;
  extracted: Map<string, TemplateValue>;
  timestampNs?: bigint;
}

/** Reads one jsonl input record; returns an error message for anything else. */
export function parseJsonEntry(text: string): JsonEntry | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return `not valid JSON: ${(err as Error).message}`;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected a JSON object like {"line": "…", "labels": {…}}';
  const rec = v as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    if (!['line', 'labels', 'structured_metadata', 'extracted', 'timestamp'].includes(k) && !OUTPUT_KEYS.has(k)) return `unknown key ${JSON.stringify(k)}`;
  }
  if (typeof rec.line !== 'string') return '"line" must be a string';
  const labels = stringMap(rec.labels, 'labels');
  if (typeof labels === 'string') return labels;
  const sm = stringMap(rec.structured_metadata, 'structured_metadata');
  if (typeof sm === 'string') return sm;
  let extracted = new Map<string, TemplateValue>();
  if (rec.extracted !== undefined && rec.extracted !== null) {
    if (typeof rec.extracted !== 'object' || Array.isArray(rec.extracted)) return '"extracted" must be an object';
    extracted = jsonToTemplate(rec.extracted) as Map<string, TemplateValue>;
  }
  let timestampNs: bigint | undefined;
  if (rec.timestamp !== undefined && rec.timestamp !== null) {
    const ts = parseTimestamp(rec.timestamp);
    if (ts === null) return '"timestamp" must be an RFC 3339 time or integer nanoseconds since the epoch';
    timestampNs = ts;
  }
  return { line: rec.line, labels, structuredMetadata: sm, extracted, timestampNs };
}

function stringMap(v: unknown, what: string): Map<string, string> | string {
  const m = new Map<string, string>();
  if (v === undefined || v === null) return m;
  if (typeof v !== 'object' || Array.isArray(v)) return `"${what}" must be an object of strings`;
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') return `"${what}.${k}" must be a string`;
    m.set(k, val);
  }
  return m;
}

/** JSON values as a Go template sees decoded JSON: objects are maps, numbers float64. */
function jsonToTemplate(v: unknown): TemplateValue {
  if (Array.isArray(v)) return v.map(jsonToTemplate);
  if (typeof v === 'object' && v !== null) return new Map(Object.entries(v).map(([k, x]) => [k, jsonToTemplate(x)]));
  return v as TemplateValue;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

function parseTimestamp(v: unknown): bigint | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : null;
  if (typeof v !== 'string') return null;
  if (/^-?\d+$/.test(v)) return BigInt(v);
  const m = RFC3339.exec(v);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[8]!.toUpperCase() === 'Z' ? 'Z' : m[8]}`);
  if (Number.isNaN(ms)) return null;
  return BigInt(ms) * 1_000_000n + BigInt((m[7] ?? '').padEnd(9, '0') || '0');
}

/** Collects the output of one input chunk. */
class OutputBuilder {
  private text = '';
  private parts: Buffer[] = [];
  private errText = '';
  private warnings: StderrWarning[] = [];
  /** Raw input lines not yet added to `parts`, as one span of the input's memory. */
  private rawRun: { buffer: ArrayBufferLike; start: number; end: number; bytes: Buffer } | null = null;
  private readonly seenMarks = new Set<string>();

  constructor(
    readonly format: OutputFormat,
    private readonly multiSink: boolean,
    private readonly stats: RunStats,
    private readonly stampNs: bigint,
  ) {}

  inputError(lineNo: number, message: string): void {
    this.stats.errors++;
    this.flushRaw();
    if (this.format === 'jsonl') this.text += `${JSON.stringify({ error: `input line ${lineNo}: ${message}`, input_line: lineNo })}\n`;
    else this.errText += `alloy-scrub: input line ${lineNo}: ${message}\n`;
  }

  /** lineNo is null for entries released at the end of input. */
  records(outputs: PathOutput[], lineNo: number | null): void {
    this.flushRaw();
    for (const o of outputs) {
      this.stats.records++;
      if (o.dropped) this.stats.dropped++;
      if (o.error) this.stats.errors++;
      if (o.entry.unknown.length > 0) this.stats.unknown++;
      if (this.format === 'jsonl') this.text += `${JSON.stringify(this.jsonRecord(o))}\n`;
      else this.textRecord(o, lineNo);
    }
  }

  private jsonRecord(o: PathOutput): Record<string, unknown> {
    const e = o.entry;
    const rec: Record<string, unknown> = {
      line: e.line,
      labels: Object.fromEntries(e.labels),
      extracted: templateToJson(e.extracted),
      dropped: o.dropped ?? null,
    };
    if (this.multiSink) rec.sink = o.sink;
    if (e.structuredMetadata.size > 0) rec.structured_metadata = Object.fromEntries(e.structuredMetadata);
    if (e.timestampNs !== this.stampNs) rec.timestamp = formatRfc3339Nano(e.timestampNs);
    if (o.tenant !== undefined) rec.tenant = o.tenant;
    if (o.held) rec.held = o.held;
    if (o.error) rec.error = o.error;
    if (e.unknown.length > 0) rec.unknown = e.unknown.map(markJson);
    return rec;
  }

  private textRecord(o: PathOutput, lineNo: number | null): void {
    const where = lineNo === null ? 'an entry released at end of input' : `input line ${lineNo}`;
    const sink = this.multiSink ? ` on the path to ${o.sink}` : '';
    for (const m of o.entry.unknown) {
      const key = `${markPosition(m)} ${m.message}`;
      if (this.seenMarks.has(key)) continue;
      this.seenMarks.add(key);
      const start = this.errText.length;
      this.errText += `alloy-scrub: warning: ${markPosition(m) ? `${markPosition(m)}: ` : ''}${m.message}\n`;
      this.warnings.push({ start, end: this.errText.length, key });
    }
    if (o.held) return; // it comes out later, joined to a following entry
    if (o.error) {
      this.errText += `alloy-scrub: ${where}${sink}: ${o.error}\n`;
      return;
    }
    if (o.dropped) {
      this.errText += `alloy-scrub: ${where} dropped${sink} by ${o.dropped.by}: ${o.dropped.reason}\n`;
      return;
    }
    if (hasEscapedBytes(o.entry.line)) {
      this.flushText();
      this.parts.push(encodeLine(o.entry.line), NEWLINE);
    } else {
      this.text += `${o.entry.line}\n`;
    }
  }

  /**
   * A line that the pipeline leaves as it is, written as its input bytes. Lines that follow each
   * other in one input chunk with a bare LF between them are collected into one slice of the
   * chunk. (Node's small-buffer pool, where unrelated buffers sit side by side, is left out.)
   */
  rawLine(bytes: Buffer): void {
    const run = this.rawRun;
    if (run !== null && bytes.buffer === run.buffer && bytes.byteOffset === run.end + 1 && run.bytes[run.end - run.start] === LF_BYTE) {
      run.end = bytes.byteOffset + bytes.length;
      return;
    }
    this.flushRaw();
    this.flushText();
    if (bytes.buffer.byteLength <= Buffer.poolSize) {
      this.parts.push(bytes, NEWLINE);
      return;
    }
    this.rawRun = { buffer: bytes.buffer, start: bytes.byteOffset, end: bytes.byteOffset + bytes.length, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.buffer.byteLength - bytes.byteOffset) };
  }

  private flushRaw(): void {
    const run = this.rawRun;
    if (run === null) return;
    this.parts.push(run.bytes.subarray(0, run.end - run.start), NEWLINE);
    this.rawRun = null;
  }

  private flushText(): void {
    if (this.text) this.parts.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }

  *take(): Generator<RunChunk> {
    this.flushRaw();
    this.flushText();
    if (this.errText) {
      yield this.warnings.length > 0 ? { stream: 'stderr', data: this.errText, warnings: this.warnings } : { stream: 'stderr', data: this.errText };
      this.errText = '';
      this.warnings = [];
    }
    if (this.parts.length > 0) {
      yield { stream: 'stdout', data: this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts) };
      this.parts = [];
    }
  }
}

const NEWLINE = Buffer.from('\n');
const LF_BYTE = 0x0a;

function markPosition(m: UnknownMark): string {
  if (!m.range) return m.file ?? '';
  return `${m.file ?? ''}:${m.range.start.line}:${m.range.start.column}`;
}

function markJson(m: UnknownMark): Record<string, string> {
  const at = markPosition(m);
  return at ? { message: m.message, at } : { message: m.message };
}

/** Template values as JSON: maps become objects, bigints numbers (strings when unsafe). */
export function templateToJson(v: TemplateValue): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, templateToJson(x)]));
  if (Array.isArray(v)) return v.map(templateToJson);
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (v === undefined) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

/** Go's time.RFC3339Nano in UTC: fraction without trailing zeros, none when whole seconds. */
export function formatRfc3339Nano(ns: bigint): string {
  let secs = ns / 1_000_000_000n;
  let frac = ns % 1_000_000_000n;
  if (frac < 0n) {
    frac += 1_000_000_000n;
    secs -= 1n;
  }
  const base = new Date(Number(secs) * 1000).toISOString().slice(0, 19);
  const fraction = frac === 0n ? '' : `.${frac.toString().padStart(9, '0').replace(/0+$/, '')}`;
  return `${base}${fraction}Z`;
}
