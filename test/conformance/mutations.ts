// Seeded mutations of valid configs for differential fuzzing: small edits that produce the kinds of
// mistakes people make (a missing comma, a stray token, a cut line), plus random bytes.

/** A small deterministic PRNG (mulberry32); rng(n) returns an integer in [0, n). */
export function makeRng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(r * n);
  };
}

const SNIPPETS = [
  ',', '=', '.', '{', '}', '[', ']', '(', ')', '"', '`', '\n', ' ', '\t', '//', '/*', '*/', '\\', "'", '!',
  '-', '+', '^', '||', '&&', '==', '1', '1.5', '.5', '1e', 'e9', 'null', 'true', 'a', 'é', '"x"', '@', '#',
  '\r\n', '\r', '\u0000', '\ufeff', '\u00a0', '\u200b', '٣', '😀', '"\\\'"', '/* a\r\n*/', '// c\r\n', '0x1', '"\\q"', '"\\x4"', '"\\u00e9"', '`raw\nstring`', 'a.b', 'x "l" {}',
];

export function mutate(src: string, rng: (n: number) => number): string {
  // Now and then: the whole file with Windows line ends, or a soup of token-like snippets.
  const mode = rng(20);
  if (mode === 0) return src.replaceAll('\n', '\r\n');
  if (mode === 1) {
    let soup = '';
    for (let i = rng(40); i > 0; i--) soup += SNIPPETS[rng(SNIPPETS.length)]!;
    return soup;
  }
  const edits = 1 + rng(3);
  let s = src;
  for (let e = 0; e < edits; e++) {
    const at = rng(s.length + 1);
    switch (rng(6)) {
      case 0: // delete a short range
        s = s.slice(0, at) + s.slice(Math.min(s.length, at + 1 + rng(4)));
        break;
      case 1: // insert a token-like snippet
        s = s.slice(0, at) + SNIPPETS[rng(SNIPPETS.length)]! + s.slice(at);
        break;
      case 2: {
        // duplicate a line
        const lines = s.split('\n');
        const i = rng(lines.length);
        lines.splice(i, 0, lines[i]!);
        s = lines.join('\n');
        break;
      }
      case 3: {
        // join two lines
        const nl = s.indexOf('\n', at);
        if (nl >= 0) s = s.slice(0, nl) + ' ' + s.slice(nl + 1);
        break;
      }
      case 4: // random printable ASCII character
        s = s.slice(0, at) + String.fromCharCode(32 + rng(95)) + s.slice(at);
        break;
      default: {
        // cut the file
        s = s.slice(0, at);
      }
    }
  }
  return s;
}

/** Bytes that trip a reader: invalid UTF-8 lead and continuation bytes, NUL, a BOM, CR, quotes, comment starts. */
const ODD_BYTES = [0xff, 0xfe, 0xc0, 0x80, 0xe2, 0x82, 0xed, 0xa0, 0xf0, 0x9f, 0x98, 0xef, 0xbb, 0xbf, 0x00, 0x0d, 0x0a, 0x22, 0x60, 0x2f, 0x2a, 0x5c];

/** Inserts odd bytes into, or deletes bytes from, a file's bytes (splitting UTF-8 sequences too). */
export function mutateBytes(src: Buffer, rng: (n: number) => number): Buffer {
  const bytes = [...src];
  for (let e = 1 + rng(4); e > 0; e--) {
    const at = rng(bytes.length + 1);
    if (rng(2)) bytes.splice(at, 0, ODD_BYTES[rng(ODD_BYTES.length)]!);
    else bytes.splice(at, 1 + rng(2));
  }
  return Buffer.from(bytes);
}
