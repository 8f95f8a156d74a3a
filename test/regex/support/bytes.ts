// Surrogate-escape conversion between JS strings and the bytes Go sees (types.ts convention):
// a lone surrogate U+DC80+b is the invalid byte b; everything else is UTF-8.

export function toBytes(s: string): Buffer {
  const parts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        parts.push(...Buffer.from(s.slice(i, i + 2), 'utf8'));
        i++;
        continue;
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      parts.push(c - 0xdc00);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) throw new Error('test strings only use U+DC80..U+DCFF as lone surrogates');
    parts.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(parts);
}

/** Decodes bytes, turning each byte of an invalid sequence into U+DC80+byte. */
export function fromBytes(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const len = validSequenceLength(b, i);
    if (len === 0) {
      out += String.fromCharCode(0xdc00 + b[i]!);
      i++;
    } else {
      out += Buffer.from(b.subarray(i, i + len)).toString('utf8');
      i += len;
    }
  }
  return out;
}

function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number): boolean => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const cp = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
    return cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const cp = ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
    return cp >= 0x10000 && cp <= 0x10ffff ? 4 : 0;
  }
  return 0;
}

/** Byte offset → string index for the string s (offsets at character boundaries only). */
export function byteToIndexMap(s: string): Map<number, number> {
  const map = new Map<number, number>();
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    map.set(bytes, i);
    const c = s.charCodeAt(i);
    let units = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) units = 2;
    }
    bytes += toBytes(s.slice(i, i + units)).length;
    i += units;
  }
  map.set(bytes, s.length);
  return map;
}

export const b64 = (s: string): string => toBytes(s).toString('base64');
export const unb64 = (s: string): string => fromBytes(Buffer.from(s, 'base64'));
