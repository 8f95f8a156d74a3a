// Byte-based positions of a source text, as Go's token.File computes them: the printer reasons in
// byte offsets ("a comment comes before the next token when its offset is smaller") and derives end
// positions by adding byte lengths, so it needs UTF-8 offsets and a byte line table.
import type { Pos } from './ast.ts';

/** A Go token.Position: byte offset, 1-based line, 1-based byte column. Line 0 means "no position". */
export interface GoPos {
  offset: number;
  line: number;
  column: number;
}

export const NO_POS: GoPos = { offset: 0, line: 0, column: 0 };

export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export class BytePositions {
  /** Byte offset of each UTF-16 index, only for non-ASCII sources. */
  private readonly byteAt?: Int32Array;
  /** Byte offset where each line starts. */
  private readonly lineStarts: number[] = [0];

  constructor(source: string) {
    let ascii = true;
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      const table = new Int32Array(source.length + 1);
      let b = 0;
      for (let i = 0; i < source.length; i++) {
        table[i] = b;
        const c = source.charCodeAt(i);
        if (c < 0x80) b += 1;
        else if (c < 0x800) b += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < source.length && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          table[i + 1] = b + 4; // inside a pair; never a token boundary
          b += 4;
          i++;
        } else b += 3;
      }
      table[source.length] = b;
      this.byteAt = table;
    }
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 0x0a) this.lineStarts.push(this.byteOffset(i + 1));
    }
  }

  byteOffset(index: number): number {
    return this.byteAt ? this.byteAt[Math.min(index, this.byteAt.length - 1)]! : index;
  }

  /** The Go position of an AST position. */
  of(pos: Pos): GoPos {
    return { offset: this.byteOffset(pos.offset), line: pos.line, column: pos.column };
  }

  /** The Go position of a byte offset. */
  at(offset: number): GoPos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
}
