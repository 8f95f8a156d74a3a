// Go's unicode predicates (IsPrint, IsLetter, IsDigit) from the same Go-generated tables the regex
// layer uses (src/regex/unicode, Unicode of the oracle's Go), so that %q, the js escaper, the
// lexer's identifier rules and strings.Title agree with Go rather than with JavaScript's newer
// Unicode. Case mapping still uses JavaScript (see funcs/gostrings.ts).
import { classContains, unicodeTable, type Ranges } from '../regex/unicode/classes.ts';

function table(name: string): Ranges {
  const t = unicodeTable(name);
  if (!t) throw new Error(`missing Unicode table ${name}`);
  return t.table;
}

let printTables: Ranges[] | undefined;
let letter: Ranges | undefined;
let digit: Ranges | undefined;

/** unicode.IsPrint: L, M, N, P, S and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f || r > 0x10ffff) return false;
  if (r < 0x7f) return true;
  printTables ??= ['L', 'M', 'N', 'P', 'S'].map(table);
  return printTables.some((t) => classContains(t, r));
}

/** unicode.IsLetter. */
export function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  letter ??= table('L');
  return classContains(letter, r);
}

/** unicode.IsDigit (Nd). */
export function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 0x30 && r <= 0x39;
  digit ??= table('Nd');
  return classContains(digit, r);
}
