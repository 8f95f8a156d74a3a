// Layout rules of `alloy fmt`. Expected outputs were checked against Alloy's own printer.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/parse.ts';
import { formatFile } from '../../src/syntax/printer.ts';

function fmt(src: string): string {
  const { file, diagnostics } = parseFile(src, 'f');
  expect(diagnostics).toEqual([]);
  return formatFile(file, src);
}

describe('formatFile', () => {
  it('indents block bodies with tabs', () => {
    expect(fmt('a {\n  b {\n    c = 1\n  }\n}\n')).toBe('a {\n\tb {\n\t\tc = 1\n\t}\n}\n');
  });

  it('aligns = across consecutive one-line attributes', () => {
    expect(fmt('a = 1\nlonger_name = 2\n')).toBe('a           = 1\nlonger_name = 2\n');
  });

  it('restarts alignment after a blank line', () => {
    expect(fmt('a = 1\n\nlonger_name = 2\n')).toBe('a = 1\n\nlonger_name = 2\n');
  });

  it('restarts alignment after an attribute that spans lines', () => {
    expect(fmt('a = [\n1,\n]\nbb = 2\nccc = 3\n')).toBe('a = [\n\t1,\n]\nbb  = 2\nccc = 3\n');
  });

  it('separates blocks by exactly one blank line', () => {
    expect(fmt('a {}\nb {}\n\n\n\nc {}\n')).toBe('a { }\n\nb { }\n\nc { }\n');
  });

  it('collapses several blank lines between attributes into one', () => {
    expect(fmt('a = 1\n\n\n\nb = 2\n')).toBe('a = 1\n\nb = 2\n');
  });

  it('prints an empty block with a space between the braces', () => {
    expect(fmt('a "x" {\n}\n')).toBe('a "x" { }\n');
  });

  it('expands a one-line block onto several lines', () => {
    expect(fmt('a { b = 1 }\n')).toBe('a {\n\tb = 1\n}\n');
  });

  it('keeps an array on one line when it was on one line', () => {
    expect(fmt('a = [1,2,  3]\n')).toBe('a = [1, 2, 3]\n');
  });

  it('puts each element of a multi-line array on its own line with a trailing comma', () => {
    expect(fmt('a = [\n1, 2,\n3,\n]\n')).toBe('a = [\n\t1, 2,\n\t3,\n]\n');
  });

  it('aligns = inside multi-line objects', () => {
    expect(fmt('a = {\nx = 1,\nlonger = 2,\n}\n')).toBe('a = {\n\tx      = 1,\n\tlonger = 2,\n}\n');
  });

  it('keeps a one-line object on one line without inner padding', () => {
    expect(fmt('a = { x = 1, y = "b" }\n')).toBe('a = {x = 1, y = "b"}\n');
  });

  it('keeps raw strings raw', () => {
    expect(fmt('a = `x\\d+"`\n')).toBe('a = `x\\d+"`\n');
  });

  it('keeps escapes of double-quoted strings as written', () => {
    expect(fmt('a = "\\u00e9\\t"\n')).toBe('a = "\\u00e9\\t"\n');
  });

  it('spaces binary operators and not unary ones', () => {
    expect(fmt('a = -1+2*!b\n')).toBe('a = -1 + 2 * !b\n');
  });

  it('keeps a trailing comment after an attribute, separated by a space', () => {
    expect(fmt('a = 1 // one\n')).toBe('a = 1 // one\n');
  });

  it('aligns trailing comments of consecutive attributes', () => {
    expect(fmt('a = 1 // one\nbbb = 22 // two\n')).toBe('a   = 1  // one\nbbb = 22 // two\n');
  });

  it('keeps a comment on its own line above a statement, indented', () => {
    expect(fmt('a {\n// note\nb = 1\n}\n')).toBe('a {\n\t// note\n\tb = 1\n}\n');
  });

  it('prints an empty file as a single newline', () => {
    expect(fmt('')).toBe('\n');
  });

  it('indents call arguments that start a new line', () => {
    expect(fmt('a = f(1,\n2)\n')).toBe('a = f(1,\n\t2)\n');
  });

  it('keeps a closing parenthesis on its own line with a trailing comma', () => {
    expect(fmt('a = f(1,\n2,\n)\n')).toBe('a = f(1,\n\t2,\n)\n');
  });

  it('reprints an object key written as a string with Go quoting', () => {
    expect(fmt('a = {"k-1" = 1}\n')).toBe('a = {"k-1" = 1}\n');
  });

  // Alloy's printer writes a call's `)` at the position it had before the line break that follows
  // a trailing comma, so it believes that `)` to be one line higher than it is printed, and places
  // a comment after it by that line.
  it("moves a comment on the line of a call's `)` written after a trailing comma down a line at each of the first two runs, as Alloy's printer does", () => {
    const once = fmt('a = f(\n1,\n) // c\n');
    expect(once).toBe('a = f(\n\t1,\n)\n// c\n');
    expect(fmt(once)).toBe('a = f(\n\t1,\n)\n\n// c\n');
  });

  it("leaves a comment in place once a blank line separates it from a call's `)` written after a trailing comma", () => {
    expect(fmt('a = f(\n\t1,\n)\n\n// c\n')).toBe('a = f(\n\t1,\n)\n\n// c\n');
  });

  it("moves a comment on the line of the `)` of parentheses around such a call down a line, as Alloy's printer does", () => {
    expect(fmt('a = (f(\n1,\n)) // c\n')).toBe('a = (f(\n\t1,\n))\n// c\n');
  });

  it("keeps a comment after a multi-line call whose `)` follows its last argument on the same line", () => {
    expect(fmt('a = f(1,\n\t2) // c\n')).toBe('a = f(1,\n\t2) // c\n');
  });

  it("keeps a comment after an operand that follows a call's `)` written after a trailing comma", () => {
    expect(fmt('a = f(\n\t1,\n) + 1 // c\n')).toBe('a = f(\n\t1,\n) + 1 // c\n');
  });

  it("puts a blank line at once between a comment and the `)` of nested calls each written after a trailing comma, as Alloy's printer does", () => {
    expect(fmt('a = f(\ng(\n1,\n),\n) // c\n')).toBe('a = f(\n\tg(\n\t\t1,\n\t),\n)\n\n// c\n');
  });

  it("re-quotes the raw text of a quoted key, doubling its backslashes, as Alloy's printer does", () => {
    expect(fmt('a = {"a\\nb" = 1}\n')).toBe('a = {"a\\\\nb" = 1}\n');
  });

  it("drops an empty block label, as Alloy's printer does", () => {
    expect(fmt('a "" {\n}\n')).toBe('a { }\n');
  });

  // Alloy's printer sends a raw string's text through its tab writer as plain text, so the last line
  // of a multi-line raw string is a row with no indentation cell, and the tab it writes before a
  // trailing comment ends a cell there. That cell joins the indentation column of the rows above.
  it("indents the rows above a raw string's last line one tab deeper when 8 or more characters of it precede a comment, as Alloy's printer does", () => {
    expect(fmt('b {\nc = 1\na = `x\nyyyyyyy` // c\n}\n')).toBe('b {\n\t\tc = 1\n\t\ta = `x\nyyyyyyy` // c\n}\n');
  });

  it("keeps the usual indentation when fewer than 8 characters of a raw string's last line precede a comment", () => {
    expect(fmt('b {\nc = 1\na = `x\nyyyyyy` // c\n}\n')).toBe('b {\n\tc = 1\n\ta = `x\nyyyyyy` // c\n}\n');
  });

  it("gives that extra tab to an empty block above at the next run once the block fits on one line, as Alloy's printer does", () => {
    const once = fmt('b {\na {\n}\na = `x\nyyyyyyy` // c\n}\n');
    expect(once).toBe('b {\n\ta { }\n\t\ta = `x\nyyyyyyy` // c\n}\n');
    expect(fmt(once)).toBe('b {\n\t\ta { }\n\t\ta = `x\nyyyyyyy` // c\n}\n');
  });

  it('formats nested blocks ending in a commented multi-line raw string as Alloy does, run once and twice', () => {
    const once = fmt('a {\na {\na {\n\n}\na = !a([`multi\nline`]) || 0 // trailing\n\n}\n\n}\n');
    expect(once).toBe('a {\n\ta {\n\t\ta { }\n\t\t\ta = !a([`multi\nline`]) || 0 // trailing\n\n\t}\n}\n');
    expect(fmt(once)).toBe('a {\n\ta {\n\t\t\ta { }\n\t\t\ta = !a([`multi\nline`]) || 0 // trailing\n\n\t}\n}\n');
  });

  // Alloy's printer ends a run of aligned `=` after a statement that spans several source lines
  // (in an object, after a field whose value does), judging by the lines of its input, also when it
  // prints that statement on one line; the next run reads the statement from one line.
  it("aligns an attribute it put on one line with the attribute below only at the second run, as Alloy's printer does", () => {
    const once = fmt('id = constants.\nhostname\nyyyy = 2\n');
    expect(once).toBe('id = constants.hostname\nyyyy = 2\n');
    expect(fmt(once)).toBe('id   = constants.hostname\nyyyy = 2\n');
  });

  it('does the same after a binary operator ending a line', () => {
    const once = fmt('id = 1 +\n2\nyyyy = 2\n');
    expect(once).toBe('id = 1 + 2\nyyyy = 2\n');
    expect(fmt(once)).toBe('id   = 1 + 2\nyyyy = 2\n');
  });

  it('keeps an attribute it put on one line apart from one after a blank line, at every run', () => {
    expect(fmt('id = constants.\nhostname\n\nyyyy = 2\n')).toBe('id = constants.hostname\n\nyyyy = 2\n');
    expect(fmt('id = constants.hostname\n\nyyyy = 2\n')).toBe('id = constants.hostname\n\nyyyy = 2\n');
  });

  it("aligns an object field whose value it put on one line with the field below only at the second run, as Alloy's printer does", () => {
    const once = fmt('x = {\n a = c.\nd,\n bbbb = 2,\n}\n');
    expect(once).toBe('x = {\n\ta = c.d,\n\tbbbb = 2,\n}\n');
    expect(fmt(once)).toBe('x = {\n\ta    = c.d,\n\tbbbb = 2,\n}\n');
  });

  it('aligns at once a field whose name and one-line value were on two lines (only the value counts)', () => {
    expect(fmt('x = {\n a =\n1,\n bbbb = 2,\n}\n')).toBe('x = {\n\ta    = 1,\n\tbbbb = 2,\n}\n');
  });

  it("aligns the comment after an empty block written over two lines with the attribute below only at the second run, as Alloy's printer does", () => {
    const once = fmt('a {\n} // c\nxxxxxx = 1\n');
    expect(once).toBe('a { } // c\nxxxxxx = 1\n');
    expect(fmt(once)).toBe('a { }  // c\nxxxxxx = 1\n');
  });

  // Alloy's printer writes a block's name parts joined, then the comments among them, then `{`.
  it("writes a line comment within a dotted block name after the name, leaving `{` on the next line where Alloy's parser rejects it, as Alloy's printer does", () => {
    const once = fmt('a.// c\nb {\n}\n');
    expect(once).toBe('a.b // c\n{ }\n');
    expect(parseFile(once, 'f').diagnostics).not.toEqual([]);
  });
});
