// Bytes ↔ log lines, the way a Loki source hands lines to Alloy.
//
// Splitting. A line ends at LF (0x0A). What sources do with the bytes around it differs, so this
// module follows `loki.source.file` (the source behind most Kubernetes and host log pipelines):
// its reader cuts at LF, then removes ONE carriage return that ends the line ("a\r\r\n" → "a\r"),
// and it does the same for a final line that has no LF. Other sources differ: `loki.source.api`
// (plain-text push) trims every trailing CR/LF and skips empty lines, and `loki.source.kubernetes`
// keeps the LF (and any CR) at the end of the line. `keepCr: true` keeps the CR as line content
// for users who need the kubernetes-like behaviour. Empty lines are entries (the file source sends
// them), NUL bytes are ordinary content, and a final line without LF is an entry; input that ends
// in LF does not produce an extra empty entry. A UTF-8 byte order mark at the very start of the
// input is skipped, as the file source skips it (it would also switch to UTF-16 on a UTF-16 BOM;
// that is not done here: such input is read as bytes).
//
// Decoding. Go strings are bytes; Alloy never validates UTF-8 on this path. The project spells an
// invalid byte as the lone surrogate U+DC80+byte ("surrogate escape", src/regex/types.ts), and a
// byte is invalid exactly when Go's utf8.DecodeRune would return (RuneError, 1) for it. Encoding
// reverses this, so decode → encode gives back the original bytes for every input.
//
// Memory. Lines are passed on as soon as their LF is seen; only the unfinished line is buffered,
// up to `maxLineBytes`. A longer line is not buffered: its bytes are counted and skipped, and it is
// reported as a too-long line (the caller turns it into an error record, so it is not lost).
import { Buffer, isUtf8 } from 'node:buffer';

/** Default limit for one line: far above Loki's own line limits, far below V8's string limit. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface LineSplitterOptions {
  /** Keep a CR that precedes the LF (or ends the input) as part of the line. Default false. */
  keepCr?: boolean;
  /** Lines longer than this (without the line end) are skipped and reported. */
  maxLineBytes?: number;
  /** Keep a UTF-8 BOM at the start of the input as line content. Default false. */
  keepBom?: boolean;
  /**
   * Number of the first line (default 1): a piece of a longer input (a batch a worker thread
   * runs) numbers its lines as they are numbered in the whole input.
   */
  firstLineNo?: number;
}

/** One line cut from the input. `lineNo` is 1-based. */
export type RawLine =
  | { kind: 'line'; lineNo: number; bytes: Buffer }
  | { kind: 'too-long'; lineNo: number; byteLength: number };

const LF = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CR = 0x0d;

/**
 * Skips a UTF-8 byte order mark at the very start of the input, however its bytes are split
 * between chunks: the first bytes are held back until they are known to be a BOM or not.
 * LineSplitter and the batch cutter of `--workers` must agree on it, so both use this.
 */
export class BomSkipper {
  /** The first bytes while they may still be a BOM; null once decided (or when kept). */
  private head: Buffer | null;

  constructor(keepBom = false) {
    this.head = keepBom ? null : Buffer.alloc(0);
  }

  /** The bytes to split, or null while they are all a prefix of a BOM. */
  push(buf: Buffer): Buffer | null {
    if (this.head === null) return buf;
    const head = Buffer.concat([this.head, buf]);
    if (head.length < UTF8_BOM.length && UTF8_BOM.subarray(0, head.length).equals(head)) {
      this.head = head;
      return null;
    }
    this.head = null;
    return head.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
  }

  /** End of input: held bytes that were a BOM's prefix and nothing else, which are content after all. */
  end(): Buffer {
    const rest = this.head ?? Buffer.alloc(0);
    this.head = null;
    return rest;
  }
}

/**
 * The start of a line whose LF has not come yet, held between chunks, and the rule for a line that
 * grows too long: once its bytes exceed maxLineBytes + 1 (one CR of slack keeps a line of exactly
 * maxLineBytes plus its CRLF from being refused; the limit is checked before the line end is
 * known) it is no longer held, only counted. LineSplitter and the batch cutter of `--workers` must
 * cut lines alike, so both keep their unfinished line here.
 */
export class HeldLine {
  pieces: Buffer[] = [];
  bytes = 0;
  /** Bytes seen so far of a line over the limit (its pieces are dropped); null while held. */
  skipping: number | null = null;

  /** `copyPieces`: copy what is held, for callers that may reuse a chunk's memory. */
  constructor(
    private readonly maxLineBytes: number,
    private readonly copyPieces: boolean,
  ) {}

  add(piece: Buffer): void {
    if (this.skipping !== null) {
      this.skipping += piece.length;
      return;
    }
    this.bytes += piece.length;
    if (this.bytes > this.maxLineBytes + 1) {
      this.skipping = this.bytes;
      this.pieces = [];
      this.bytes = 0;
      return;
    }
    this.pieces.push(this.copyPieces ? Buffer.from(piece) : piece);
  }

  /** Forgets the line once it has been completed. */
  clear(): void {
    this.pieces = [];
    this.bytes = 0;
    this.skipping = null;
  }
}

/**
 * Incremental LF splitter. Feed chunks with `push`, then call `end` once; each returns the lines
 * completed so far, in input order. Returned buffers may share memory with the pushed chunks and
 * must be consumed before the caller reuses those chunks.
 */
export class LineSplitter {
  private readonly keepCr: boolean;
  private readonly maxLineBytes: number;
  /** The unfinished line (pieces kept as a list so a 10 MB line is copied once, not per chunk). */
  private readonly held: HeldLine;
  private lineNo = 0;
  private readonly bom: BomSkipper;

  constructor(opts: LineSplitterOptions = {}) {
    this.keepCr = opts.keepCr ?? false;
    this.maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    // Copy: the caller may reuse the chunk's memory after push returns.
    this.held = new HeldLine(this.maxLineBytes, true);
    this.bom = new BomSkipper(opts.keepBom);
    this.lineNo = (opts.firstLineNo ?? 1) - 1;
  }

  push(chunk: Uint8Array): RawLine[] {
    const buf = this.bom.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    return buf === null ? [] : this.split(buf);
  }

  private split(buf: Buffer): RawLine[] {
    const out: RawLine[] = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(LF, start);
      if (nl < 0) break;
      this.completeLine(buf.subarray(start, nl), out);
      start = nl + 1;
    }
    if (start < buf.length) this.held.add(buf.subarray(start));
    return out;
  }

  /** End of input: the unfinished line, if there are any bytes of it, is a line of its own. */
  end(): RawLine[] {
    // A prefix of a BOM and nothing else: ordinary content after all.
    const held = this.bom.end();
    const rest = held.length > 0 ? this.split(held) : [];
    const out: RawLine[] = rest;
    if (this.held.skipping !== null || this.held.bytes > 0) this.completeLine(Buffer.alloc(0), out);
    return out;
  }

  private completeLine(tail: Buffer, out: RawLine[]): void {
    this.lineNo++;
    const held = this.held;
    if (held.skipping !== null) {
      out.push({ kind: 'too-long', lineNo: this.lineNo, byteLength: held.skipping + tail.length });
      held.clear();
      return;
    }
    let line = tail;
    if (held.pieces.length > 0) {
      line = Buffer.concat([...held.pieces, tail], held.bytes + tail.length);
      held.clear();
    }
    if (!this.keepCr && line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    if (line.length > this.maxLineBytes) {
      out.push({ kind: 'too-long', lineNo: this.lineNo, byteLength: line.length });
      return;
    }
    out.push({ kind: 'line', lineNo: this.lineNo, bytes: line });
  }
}

/** Decodes bytes as Go sees them: valid UTF-8 as text, each invalid byte as U+DC80+byte. */
export function decodeLine(bytes: Uint8Array): string {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return buf.toString('utf8');
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < buf.length) {
    const n = validSequenceLength(buf, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (runStart < i) out += buf.toString('utf8', runStart, i);
    out += String.fromCharCode(0xdc00 + buf[i]!);
    i++;
    runStart = i;
  }
  if (runStart < buf.length) out += buf.toString('utf8', runStart, buf.length);
  return out;
}

/**
 * Length of the valid UTF-8 sequence starting at i, or 0 when Go would decode the byte at i as
 * (RuneError, 1): no overlong forms, no surrogates (ED A0..BF), nothing above U+10FFFF.
 */
function validSequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (j: number, lo = 0x80, hi = 0xbf): boolean => j < b.length && b[j]! >= lo && b[j]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * The bytes of a line: the inverse of decodeLine. A lone surrogate that is not an escape
 * (U+D800..U+DC7F, U+DD00..U+DFFF, e.g. from a JSON `\ud800`) cannot come from bytes; it is
 * written as U+FFFD, which is what Go's JSON decoder would have made of it.
 */
export function encodeLine(line: string): Buffer {
  if (!ANY_SURROGATE.test(line)) return Buffer.from(line, 'utf8');
  const parts: Buffer[] = [];
  let runStart = 0;
  const flushRun = (end: number): void => {
    if (runStart < end) parts.push(Buffer.from(line.slice(runStart, end), 'utf8'));
  };
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++; // a well-formed pair stays in the run
        continue;
      }
    }
    flushRun(i);
    parts.push(c >= 0xdc80 && c <= 0xdcff ? Buffer.from([c - 0xdc00]) : REPLACEMENT);
    runStart = i + 1;
  }
  flushRun(line.length);
  return Buffer.concat(parts);
}

/** True when the line holds escaped invalid bytes (so it cannot be written as a plain string). */
export function hasEscapedBytes(line: string): boolean {
  return ANY_SURROGATE.test(line) && !(line as string & { isWellFormed(): boolean }).isWellFormed();
}
