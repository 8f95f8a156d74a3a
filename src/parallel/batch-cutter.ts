// Cuts an input byte stream into batches of whole lines, so that worker threads can run the batches
// independently and the joined result is the result of one run over the whole stream.
//
// "Whole lines" means what LineSplitter (loki/line-codec.ts) makes of the same chunks, and the
// cutter follows its rules step by step so that a worker's LineSplitter, fed one batch, cuts the
// very same lines:
//  * a batch ends just after an LF; only the last batch can end with an unfinished line (a final
//    line without LF, which the worker's splitter completes at its end of input);
//  * the UTF-8 BOM at the start of the stream is removed here, with LineSplitter's look-ahead, so
//    workers keep a BOM at the start of a batch as content (it is content there);
//  * an unfinished line is held, as LineSplitter holds it, until its LF arrives or it grows past
//    maxLineBytes + 1 bytes. From then on LineSplitter stops keeping the line and only counts its
//    bytes (a "too-long" line: the caller reports it with its byte count). The cutter does the same
//    and puts a placeholder in the batch — `skipped`: N bytes at this offset — so that memory
//    stays bounded by maxLineBytes whatever the line's length; the worker feeds N filler bytes
//    without LF in its place, which its splitter counts to the same N and reports the same way.
//    Whether a line is kept or counted depends on where the reads cut it (LineSplitter checks the
//    limit at chunk ends), which is why the cutter must see the same chunks the run would.
//
// Batches own their bytes (a fresh ArrayBuffer each), so they can be transferred to a worker
// without a copy. Pushed chunks are only read, never kept past the batch they end up in.
import { Buffer } from 'node:buffer';
import { BomSkipper, DEFAULT_MAX_LINE_BYTES, HeldLine } from '../loki/line-codec.ts';

export interface InputBatch {
  /** Position in the stream, from 0. */
  seq: number;
  /** Input number of the batch's first line (1-based, as LineSplitter numbers lines). */
  firstLineNo: number;
  /** The batch's bytes: whole lines, LF included. */
  data: Buffer;
  /** Lines over the limit, not kept: `length` bytes without LF stand at offset `at` of data. */
  skipped: SkippedBytes[];
}

export interface SkippedBytes {
  at: number;
  length: number;
}

export interface BatchCutterOptions {
  /** A batch is cut at the first line end at or after this many bytes. */
  targetBytes: number;
  maxLineBytes?: number;
}

const LF = 0x0a;

export class BatchCutter {
  private readonly targetBytes: number;
  private readonly maxLineBytes: number;
  /** Start of the stream, held until it is known whether it is a BOM (as LineSplitter does). */
  private readonly bom = new BomSkipper();
  /** The batch being filled: pieces of whole lines, and the too-long lines in it. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private skipped: SkippedBytes[] = [];
  /** The unfinished line (not yet in the batch: a batch never ends inside a line). */
  private readonly held: HeldLine;
  private seq = 0;
  private nextLineNo = 1;

  constructor(opts: BatchCutterOptions) {
    this.targetBytes = Math.max(1, opts.targetBytes);
    this.maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.held = new HeldLine(this.maxLineBytes, false);
  }

  push(chunk: Uint8Array): InputBatch[] {
    const buf = this.bom.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (buf === null) return [];
    const out: InputBatch[] = [];
    this.split(buf, out);
    return out;
  }

  /** End of the stream: the rest, as the last batch. There is always at least one batch. */
  end(): InputBatch[] {
    const out: InputBatch[] = [];
    // A prefix of a BOM and nothing else: ordinary content after all.
    const bomPrefix = this.bom.end();
    if (bomPrefix.length > 0) this.split(bomPrefix, out);
    const held = this.held;
    if (held.skipping !== null) {
      this.skipped.push({ at: this.partsBytes, length: held.skipping });
      held.clear();
    } else if (held.bytes > 0) {
      this.parts.push(...held.pieces);
      this.partsBytes += held.bytes;
      held.clear();
    }
    if (this.partsBytes > 0 || this.skipped.length > 0 || this.seq === 0) out.push(this.emit());
    return out;
  }

  private split(buf: Buffer, out: InputBatch[]): void {
    let start = 0;
    const held = this.held;
    if (held.skipping !== null) {
      const nl = buf.indexOf(LF);
      if (nl < 0) {
        held.add(buf);
        return;
      }
      // The too-long line ends here: its placeholder, then its LF as the first byte of the rest.
      this.skipped.push({ at: this.partsBytes, length: held.skipping + nl });
      held.clear();
      start = nl;
    } else if (held.bytes > 0) {
      if (buf.indexOf(LF) < 0) {
        held.add(buf);
        return;
      }
      // The held line ends in this chunk: its pieces open the run of whole lines below.
      this.parts.push(...held.pieces);
      this.partsBytes += held.bytes;
      held.clear();
    }
    const lastNl = buf.lastIndexOf(LF);
    if (lastNl < start) {
      if (start < buf.length) this.held.add(buf.subarray(start));
      return;
    }
    this.addWholeLines(buf.subarray(start, lastNl + 1), out);
    if (lastNl + 1 < buf.length) this.held.add(buf.subarray(lastNl + 1));
  }

  /** `run` ends with an LF; the batch so far plus run[..first LF] is a line. Cuts after LFs only. */
  private addWholeLines(run: Buffer, out: InputBatch[]): void {
    let from = 0;
    while (from < run.length) {
      const room = this.targetBytes - this.partsBytes;
      if (run.length - from < room) {
        this.parts.push(run.subarray(from));
        this.partsBytes += run.length - from;
        return;
      }
      // The last line end that still fits, else the end of the first line (a batch holds at least one).
      let cut = room > 0 ? run.lastIndexOf(LF, from + room - 1) : -1;
      if (cut < from) cut = run.indexOf(LF, from);
      this.parts.push(run.subarray(from, cut + 1));
      this.partsBytes += cut + 1 - from;
      from = cut + 1;
      out.push(this.emit());
    }
  }

  private emit(): InputBatch {
    const data = Buffer.allocUnsafeSlow(this.partsBytes);
    let at = 0;
    for (const p of this.parts) {
      p.copy(data, at);
      at += p.length;
    }
    const batch: InputBatch = { seq: this.seq++, firstLineNo: this.nextLineNo, data, skipped: this.skipped };
    this.nextLineNo += countLf(data);
    this.parts = [];
    this.partsBytes = 0;
    this.skipped = [];
    return batch;
  }
}

function countLf(data: Buffer): number {
  let n = 0;
  for (let i = data.indexOf(LF); i >= 0; i = data.indexOf(LF, i + 1)) n++;
  return n;
}
