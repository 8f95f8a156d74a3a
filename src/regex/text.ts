// The one place where the layer decides how JavaScript strings relate to the text Go matches.
//
// Go reads an invalid UTF-8 byte as U+FFFD of width one byte. By the surrogate-escape convention
// of types.ts such a byte arrives here as a lone surrogate, which is one UTF-16 code unit wide.
// Replacing every lone surrogate by U+FFFD (also one code unit) therefore gives every backend
// exactly the text Go sees while leaving every string index unchanged, so no index ever needs
// translating for it. Only UTF-16 ↔ UTF-8 offset maps (for byte-oriented backends) live below.

/** The text Go would match: lone surrogates become U+FFFD, indices stay the same. */
export function goText(s: string): string {
  // With the u flag a surrogate pair is one code point, so this class only sees lone surrogates.
  return LONE_SURROGATE_TEST.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD') : s;
}
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
const LONE_SURROGATE_TEST = /[\uD800-\uDFFF]/u;

/** Width in UTF-16 code units of the character that starts at index i (0 at the end). */
export function charWidthAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** UTF-8 length of the well-formed string's code unit at i (a surrogate pair counts 2+2). */
function utf8UnitBytes(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdfff) return 2; // half of a 4-byte sequence
  return 3;
}

/**
 * Maps between UTF-8 byte offsets of a well-formed string and its UTF-16 indices. Only offsets
 * at character boundaries are meaningful, which is all a regex engine ever reports. ASCII text
 * (byte length = string length) maps to itself; other text builds its tables on first use.
 */
export class OffsetMap {
  private byteToIndex: Int32Array | null = null;
  private indexToByte: Int32Array | null = null;
  private readonly ascii: boolean;

  /** `byteLength` may be given when known (for example from the Buffer being searched). */
  constructor(
    private readonly wellFormed: string,
    readonly byteLength: number = Buffer.byteLength(wellFormed, 'utf8'),
  ) {
    this.ascii = byteLength === wellFormed.length;
  }

  private build(): void {
    const s = this.wellFormed;
    const b2i = new Int32Array(this.byteLength + 1).fill(-1);
    const i2b = new Int32Array(s.length + 1);
    let b = 0;
    for (let i = 0; i < s.length; i++) {
      // The second half of a surrogate pair sits inside a 4-byte character: not a boundary.
      const c = s.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff)) b2i[b] = i;
      i2b[i] = b;
      b += utf8UnitBytes(c);
    }
    b2i[b] = s.length;
    i2b[s.length] = b;
    this.byteToIndex = b2i;
    this.indexToByte = i2b;
  }

  /** Whether a byte offset falls between characters (not inside a multi-byte sequence). */
  isBoundary(byteOffset: number): boolean {
    if (byteOffset < 0 || byteOffset > this.byteLength) return false;
    if (this.ascii) return true;
    if (this.byteToIndex === null) this.build();
    return this.byteToIndex![byteOffset]! >= 0;
  }

  toIndex(byteOffset: number): number {
    if (byteOffset < 0 || this.ascii) return byteOffset;
    if (this.byteToIndex === null) this.build();
    const i = this.byteToIndex![byteOffset];
    if (i === undefined || i < 0) throw new Error(`byte offset ${byteOffset} is not a character boundary`);
    return i;
  }

  toByte(index: number): number {
    if (index <= 0 || this.ascii) return index;
    if (this.indexToByte === null) this.build();
    return this.indexToByte![index]!;
  }
}
