import { Buffer } from 'node:buffer';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { LineSplitter, type RawLine } from '../../src/loki/line-codec.ts';
import { BatchCutter, type InputBatch } from '../../src/parallel/batch-cutter.ts';
import { batchChunks } from '../../src/parallel/batch-run.ts';

function cut(input: Buffer, chunkSize: number, targetBytes: number, maxLineBytes?: number): InputBatch[] {
  const cutter = new BatchCutter({ targetBytes, maxLineBytes });
  const out: InputBatch[] = [];
  for (let i = 0; i < input.length; i += chunkSize) out.push(...cutter.push(input.subarray(i, i + chunkSize)));
  out.push(...cutter.end());
  return out;
}

/** What one LineSplitter makes of the input read in these chunks: the lines of a single-thread run. */
function linesOfRun(input: Buffer, chunkSize: number, maxLineBytes?: number): RawLine[] {
  const s = new LineSplitter({ maxLineBytes });
  const out: RawLine[] = [];
  for (let i = 0; i < input.length; i += chunkSize) out.push(...s.push(input.subarray(i, i + chunkSize)));
  out.push(...s.end());
  return out;
}

/** What the workers' splitters make of the batches, one splitter per batch, as batch-run.ts feeds them. */
function linesOfBatches(batches: InputBatch[], maxLineBytes?: number): RawLine[] {
  const out: RawLine[] = [];
  for (const b of batches) {
    const s = new LineSplitter({ maxLineBytes, keepBom: true, firstLineNo: b.firstLineNo });
    for (const c of batchChunks(b, maxLineBytes)) out.push(...s.push(c));
    out.push(...s.end());
  }
  return out;
}

const show = (lines: RawLine[]): string[] => lines.map((l) => `${l.lineNo}:${l.kind === 'line' ? l.bytes.toString('latin1') : `<too-long ${l.byteLength}>`}`);

/** Bytes that matter to line cutting: LF, CR, BOM bytes, runs of text, invalid UTF-8. */
const piece = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\uFEFF', '', 'a', 'password=x', 'ünïcödé').map((s) => Buffer.from(s, 'utf8')),
  fc.constantFrom(Buffer.from([0xef]), Buffer.from([0xef, 0xbb]), Buffer.from([0xff, 0xfe, 0x80])),
  fc.integer({ min: 1, max: 12 }).map((n) => Buffer.alloc(n, 0x78)),
  fc.integer({ min: 13, max: 60 }).map((n) => Buffer.alloc(n, 0x79)),
);
const inputArb = fc.array(piece, { maxLength: 40 }).map((ps) => Buffer.concat(ps));

describe('BatchCutter', () => {
  test.prop([inputArb, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 80 })], { numRuns: 500 })(
    'gives batches whose bytes, joined, are the input after its BOM, each ending on a line boundary',
    (input, chunkSize, targetBytes) => {
      const batches = cut(input, chunkSize, targetBytes);
      const withoutBom = input.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? input.subarray(3) : input;
      expect(Buffer.concat(batches.map((b) => b.data)).equals(withoutBom)).toBe(true);
      for (const b of batches.slice(0, -1)) expect(b.data[b.data.length - 1]).toBe(0x0a);
      expect(batches.map((b) => b.seq)).toEqual(batches.map((_, i) => i));
    },
  );

  test.prop([inputArb, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 14 })], { numRuns: 1000 })(
    'gives the lines, numbers and too-long lines of a single run to the splitters of the batches',
    (input, chunkSize, targetBytes, maxLineBytes) => {
      expect(show(linesOfBatches(cut(input, chunkSize, targetBytes, maxLineBytes), maxLineBytes))).toEqual(show(linesOfRun(input, chunkSize, maxLineBytes)));
    },
  );

  it('always gives a first batch, even for empty input', () => {
    expect(cut(Buffer.alloc(0), 1, 10)).toEqual([{ seq: 0, firstLineNo: 1, data: Buffer.alloc(0), skipped: [] }]);
  });

  it('cuts at the first line end at or past the target size', () => {
    const batches = cut(Buffer.from('aaaa\nbb\ncc\nd'), 100, 6);
    expect(batches.map((b) => b.data.toString())).toEqual(['aaaa\n', 'bb\ncc\n', 'd']);
    expect(batches.map((b) => b.firstLineNo)).toEqual([1, 2, 4]);
  });

  it('keeps a line longer than the target size whole', () => {
    expect(cut(Buffer.from('a\nlong line\nb\n'), 3, 4).map((b) => b.data.toString())).toEqual(['a\nlong line\n', 'b\n']);
  });

  it('leaves a final line without LF at the end of the last batch', () => {
    expect(cut(Buffer.from('a\nb'), 1, 1).map((b) => b.data.toString())).toEqual(['a\n', 'b']);
  });

  it('keeps CRLF together with its line', () => {
    expect(cut(Buffer.from('a\r\nb\r\n'), 1, 1).map((b) => b.data.toString())).toEqual(['a\r\n', 'b\r\n']);
  });

  it('removes the BOM at the start of the input only', () => {
    const bom = '\uFEFF';
    expect(cut(Buffer.from(`${bom}a\n${bom}b\n`), 1, 1).map((b) => b.data.toString())).toEqual(['a\n', `${bom}b\n`]);
  });

  it('holds no bytes of a line it gives up, only their count', () => {
    const batches = cut(Buffer.from(`a\n${'x'.repeat(50)}\nb\n`), 4, 100, 8);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.data.toString()).toBe('a\n\nb\n');
    expect(batches[0]!.skipped).toEqual([{ at: 2, length: 50 }]);
  });

  // LineSplitter checks the limit at chunk ends, before it knows whether a CR ends the line.
  it('keeps a line of maxLineBytes plus a CR whose LF comes in the next chunk', () => {
    const batches = cut(Buffer.from('xxxx\r\n'), 5, 100, 4);
    expect(batches[0]!.skipped).toEqual([]);
    expect(show(linesOfBatches(batches, 4))).toEqual(['1:xxxx']);
  });

  it('counts a given-up final line without LF to the end of input', () => {
    const batches = cut(Buffer.from(`a\n${'x'.repeat(30)}`), 5, 100, 8);
    expect(batches.at(-1)!.skipped).toEqual([{ at: 2, length: 30 }]);
  });
});
