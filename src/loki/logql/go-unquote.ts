// strconv.Unquote for the two quote forms Go's text/scanner hands the selector parser:
// "interpreted" strings with Go escapes and `raw` strings. Returns undefined where Go fails
// ("invalid syntax").
export function goUnquote(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const q = s[0];
  if (q !== s[s.length - 1]) return undefined;
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) return undefined;
    return body.replaceAll('\r', '');
  }
  if (q !== '"') return undefined;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"' || c === '\n') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
    if (e in simple) {
      out += simple[e];
      continue;
    }
    const hex = (n: number): number | undefined => {
      const h = body.slice(i + 1, i + 1 + n);
      if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) return undefined;
      i += n;
      return parseInt(h, 16);
    };
    if (e === 'x') {
      const v = hex(2);
      if (v === undefined) return undefined;
      // A \x byte is a raw byte in Go: ASCII stays, others become escaped bytes.
      out += v < 0x80 ? String.fromCharCode(v) : String.fromCharCode(0xdc00 + v);
    } else if (e === 'u' || e === 'U') {
      const v = hex(e === 'u' ? 4 : 8);
      if (v === undefined || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      out += String.fromCodePoint(v);
    } else if (e >= '0' && e <= '7') {
      const o = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(o)) return undefined;
      const v = parseInt(o, 8);
      if (v > 255) return undefined;
      i += 2;
      out += v < 0x80 ? String.fromCharCode(v) : String.fromCharCode(0xdc00 + v);
    } else {
      return undefined;
    }
  }
  return out;
}
