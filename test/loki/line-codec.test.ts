import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { LineSplitter, decodeLine, encodeLine, hasEscapedBytes, type RawLine } from '../../src/loki/line-codec.ts';

function split(input: Buffer | string, opts?: ConstructorParameters<typeof LineSplitter>[0], chunkSize = Infinity): RawLine[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const s = new LineSplitter(opts);
  const out: RawLine[] = [];
  const step = Number.isFinite(chunkSize) ? chunkSize : Math.max(1, bytes.length);
  for (let i = 0; i < bytes.length; i += step) out.push(...s.push(bytes.subarray(i, i + step)));
  out.push(...s.end());
  return out;
}

function texts(lines: RawLine[]): string[] {
  return lines.map((l) => (l.kind === 'line' ? l.bytes.toString('latin1') : `<too-long ${l.byteLength}>`));
}

describe('LineSplitter', () => {
  it('splits at LF and numbers lines from 1', () => {
    const lines = split('a\nb\n');
    expect(texts(lines)).toEqual(['a', 'b']);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2]);
  });

  it('treats a final line without LF as an entry', () => {
    expect(texts(split('a\nb'))).toEqual(['a', 'b']);
  });

  it('produces no entry for empty input', () => {
    expect(split('')).toEqual([]);
  });

  it('keeps empty lines as entries', () => {
    expect(texts(split('\n\na\n\n'))).toEqual(['', '', 'a', '']);
  });

  it('strips one CR before LF as loki.source.file does', () => {
    expect(texts(split('a\r\nb\r\r\n'))).toEqual(['a', 'b\r']);
  });

  it('strips a CR that ends the final unterminated line', () => {
    expect(texts(split('a\r'))).toEqual(['a']);
  });

  it('keeps CR as content with keepCr', () => {
    expect(texts(split('a\r\nb\r', { keepCr: true }))).toEqual(['a\r', 'b\r']);
  });

  it('keeps a CR in the middle of a line', () => {
    expect(texts(split('a\rb\n'))).toEqual(['a\rb']);
  });

  it('keeps NUL bytes', () => {
    expect(texts(split('a\0b\n\0\n'))).toEqual(['a\0b', '\0']);
  });

  it('joins a line that spans many chunks', () => {
    expect(texts(split('hello world\nsecond line', {}, 3))).toEqual(['hello world', 'second line']);
  });

  it('splits a CRLF pair that falls across two chunks', () => {
    expect(texts(split('ab\r\ncd', {}, 3))).toEqual(['ab', 'cd']);
  });

  it('reports a line over the limit and continues with the next line', () => {
    const lines = split('short\n0123456789\nok', { maxLineBytes: 5 }, 4);
    expect(texts(lines)).toEqual(['short', '<too-long 10>', 'ok']);
    expect(lines.map((l) => l.lineNo)).toEqual([1, 2, 3]);
  });

  it('reports an unterminated final line over the limit', () => {
    expect(texts(split('0123456789', { maxLineBytes: 5 }, 2))).toEqual(['<too-long 10>']);
  });

  it('accepts a line of exactly the limit followed by CRLF', () => {
    expect(texts(split('12345\r\n', { maxLineBytes: 5 }, 2))).toEqual(['12345']);
  });

  it('skips a UTF-8 BOM at the start of the input, as loki.source.file does', () => {
    expect(texts(split(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a]), {}, 1))).toEqual(['a']);
  });

  it('keeps a UTF-8 BOM that is not at the start of the input', () => {
    expect(split(Buffer.from([0x61, 0x0a, 0xef, 0xbb, 0xbf, 0x0a]))[1]).toMatchObject({ bytes: Buffer.from([0xef, 0xbb, 0xbf]) });
  });

  it('keeps the BOM with keepBom', () => {
    expect(split(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), { keepBom: true })[0]).toMatchObject({ bytes: Buffer.from([0xef, 0xbb, 0xbf]) });
  });

  it('treats input that is only a BOM prefix as content', () => {
    expect(split(Buffer.from([0xef, 0xbb]), {}, 1)).toMatchObject([{ kind: 'line', bytes: Buffer.from([0xef, 0xbb]) }]);
  });

  it('handles a 10 MB line', () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const input = Buffer.concat([big, Buffer.from('\nnext\n')]);
    const lines = split(input, {}, 64 * 1024);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.kind === 'line' && lines[0]!.bytes.equals(big)).toBe(true);
  });

  it('does not keep references to chunks the caller reuses', () => {
    const s = new LineSplitter();
    const chunk = Buffer.from('abc');
    s.push(chunk);
    chunk.fill(0x7a);
    expect(texts(s.push(Buffer.from('d\n')))).toEqual(['abcd']);
  });

  test.prop([fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 17 })])(
    'joining the lines with LF restores the input when CR is kept',
    (pieces, chunk) => {
      const input = Buffer.concat(pieces.map((p) => Buffer.from(p)));
      const lines = split(input, { keepCr: true, keepBom: true }, chunk);
      const rebuilt = Buffer.concat(lines.map((l) => (l.kind === 'line' ? Buffer.concat([l.bytes, Buffer.from('\n')]) : Buffer.alloc(0))));
      const expected = input.length > 0 && input[input.length - 1] !== 0x0a ? Buffer.concat([input, Buffer.from('\n')]) : input;
      expect(rebuilt.equals(expected)).toBe(true);
    },
  );
});

describe('decodeLine / encodeLine', () => {
  it('decodes valid UTF-8 as text', () => {
    expect(decodeLine(Buffer.from('héllo ✓ 😀', 'utf8'))).toBe('héllo ✓ 😀');
  });

  it('escapes an invalid byte as U+DC80+byte', () => {
    expect(decodeLine(Buffer.from([0x61, 0xff, 0x62]))).toBe('a\udcffb');
  });

  it('escapes each byte of a truncated sequence separately, as Go decodes width 1', () => {
    expect(decodeLine(Buffer.from([0xe2, 0x82, 0x41]))).toBe('\udce2\udc82A');
  });

  it('escapes overlong encodings', () => {
    expect(decodeLine(Buffer.from([0xc0, 0xaf]))).toBe('\udcc0\udcaf');
  });

  it('escapes encoded surrogates, which Go rejects', () => {
    expect(decodeLine(Buffer.from([0xed, 0xa0, 0x80]))).toBe('\udced\udca0\udc80');
  });

  it('escapes code points above U+10FFFF', () => {
    expect(decodeLine(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe('\udcf4\udc90\udc80\udc80');
  });

  it('keeps valid text around invalid bytes', () => {
    expect(decodeLine(Buffer.from([0xc3, 0xa9, 0x80, 0xc3, 0xa9]))).toBe('é\udc80é');
  });

  it('encodes an escaped byte back to the byte', () => {
    expect([...encodeLine('a\udcffb')]).toEqual([0x61, 0xff, 0x62]);
  });

  it('encodes a lone surrogate that is not an escape as U+FFFD', () => {
    expect([...encodeLine('\ud800x')]).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });

  it('encodes surrogate pairs as four-byte UTF-8', () => {
    expect(encodeLine('x😀\udc80')).toEqual(Buffer.from([0x78, 0xf0, 0x9f, 0x98, 0x80, 0x80]));
  });

  it('says whether a line holds escaped bytes', () => {
    expect([hasEscapedBytes('plain'), hasEscapedBytes('😀'), hasEscapedBytes('a\udc80')]).toEqual([false, false, true]);
  });

  test.prop([fc.uint8Array({ maxLength: 200 })])('decode then encode gives back the bytes', (bytes) => {
    expect(encodeLine(decodeLine(Buffer.from(bytes))).equals(Buffer.from(bytes))).toBe(true);
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 50 })])('valid text decodes to itself', (s) => {
    expect(decodeLine(Buffer.from(s, 'utf8'))).toBe(s);
  });

  test.prop([fc.uint8Array({ maxLength: 200 })])('a line has escapes exactly when it is not valid UTF-8', (bytes) => {
    const decoded = decodeLine(Buffer.from(bytes));
    let strict: string | null;
    try {
      strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      strict = null;
    }
    expect(hasEscapedBytes(decoded)).toBe(strict === null);
    if (strict !== null) expect(decoded).toBe(strict);
  });
});
