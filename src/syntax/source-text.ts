// Turning file bytes into the source string the scanner reads. Valid UTF-8 decodes as usual; each
// byte that is not part of valid UTF-8 becomes a lone surrogate U+DC80..U+DCFF (the
// "surrogateescape" convention), which the scanner reports as "illegal UTF-8 encoding" at that byte
// and counts as one byte wide, exactly as Alloy reads the raw bytes.

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Largest file the commands read (64 MiB). The syntax tree takes roughly 30 times the file size in
 * memory; real configurations are kilobytes, so a larger file is refused rather than exhausting memory.
 */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** True for the lone surrogates that stand for undecodable bytes. */
export function isEscapedByte(unit: number): boolean {
  return unit >= 0xdc80 && unit <= 0xdcff;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  let need: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    need = 1;
    min = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    min = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    min = 0x10000;
  } else {
    return 0;
  }
  let cp = b0 & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const b = bytes[i + k];
    if (b === undefined || (b & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (b & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

export function decodeSource(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Fall through to the byte-by-byte decoding below.
  }
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(strict.decode(bytes.subarray(start, i)), String.fromCharCode(0xdc00 + b));
    i++;
    start = i;
  }
  parts.push(strict.decode(bytes.subarray(start)));
  return parts.join('');
}
