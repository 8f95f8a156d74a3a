import { describe, expect, it } from 'vitest';
import { scanAll } from '../../src/syntax/scanner.ts';

function kinds(src: string): string[] {
  return scanAll(src)
    .tokens.filter((t) => t.kind !== 'EOF')
    .map((t) => (t.kind === 'TERMINATOR' ? ';' : t.kind === 'COMMENT' ? `#${t.text}` : `${t.kind}${['IDENT', 'NUMBER', 'FLOAT', 'STRING'].includes(t.kind) ? `(${t.text})` : ''}`));
}

function errors(src: string): string[] {
  return scanAll(src).errors.map((e) => `${e.pos.line}:${e.pos.column}: ${e.message}`);
}

describe('scanner: tokens', () => {
  it('scans identifiers with Unicode letters and digits', () => {
    expect(kinds('été_2 x٣')).toEqual(['IDENT(été_2)', 'IDENT(x٣)', ';']);
  });

  it('treats true, false and null as keywords but not one-letter words', () => {
    expect(kinds('true null nullx t')).toEqual(['BOOL', 'NULL', 'IDENT(nullx)', 'IDENT(t)', ';']);
  });

  it('scans integers and every float form', () => {
    expect(kinds('1 1.5 .5 1e9 1.5e-3 1.')).toEqual(['NUMBER(1)', 'FLOAT(1.5)', 'FLOAT(.5)', 'FLOAT(1e9)', 'FLOAT(1.5e-3)', 'FLOAT(1.)', ';']);
  });

  it('scans every operator, longest match first', () => {
    expect(kinds('|| && ! != = == < <= > >= + - * / % ^ { } ( ) [ ] , .')).toEqual([
      '||', '&&', '!', '!=', '=', '==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '^', '{', '}', '(', ')', '[', ']', ',', '.',
    ]);
  });

  it('scans a backtick string across lines as one token', () => {
    expect(kinds('`a\nb`')).toEqual(['STRING(`a\nb`)', ';']);
  });

  it('keeps line and block comments as comment tokens', () => {
    expect(kinds('/* a */ // b')).toEqual(['#/* a */', '#// b']);
  });

  it('skips a leading byte order mark', () => {
    expect(kinds('\ufeffa')).toEqual(['IDENT(a)', ';']);
  });

  it('counts columns in UTF-8 bytes', () => {
    const t = scanAll('é x').tokens[1]!;
    expect(t.start.column).toBe(4);
  });
});

describe('scanner: terminators', () => {
  it('inserts a terminator at a newline after an identifier, literal or closing bracket', () => {
    expect(kinds('a\n1\n"s"\n)\n]\n}\n')).toEqual(['IDENT(a)', ';', 'NUMBER(1)', ';', 'STRING("s")', ';', ')', ';', ']', ';', '}', ';']);
  });

  it('does not insert a terminator after an operator, comma or opening bracket', () => {
    expect(kinds('a +\nb ,\n[\n{\n(\n')).toEqual(['IDENT(a)', '+', 'IDENT(b)', ',', '[', '{', '(']);
  });

  it('inserts a terminator at the end of the file when one is due', () => {
    expect(kinds('a')).toEqual(['IDENT(a)', ';']);
  });

  it('places the terminator before a comment that runs to the end of the line', () => {
    expect(kinds('a // c\n')).toEqual(['IDENT(a)', ';', '#// c']);
  });

  it('does not end the line at a block comment followed by code', () => {
    expect(kinds('a /* c */ b')).toEqual(['IDENT(a)', '#/* c */', 'IDENT(b)', ';']);
  });

  it('ends the line at a block comment that contains a newline', () => {
    expect(kinds('a /* c\n */ b')).toEqual(['IDENT(a)', ';', '#/* c\n */', 'IDENT(b)', ';']);
  });
});

describe('scanner: errors', () => {
  it('reports an illegal character with its code point', () => {
    expect(errors('@')).toEqual(["1:1: illegal character U+0040 '@'"]);
  });

  it('reports a single-quoted string', () => {
    expect(errors("'a'")).toEqual(['1:1: illegal single-quoted string; use double quotes']);
  });

  it('reports an unknown escape at the character after the backslash', () => {
    expect(errors('"a\\qb"')).toEqual(['1:4: unknown escape sequence']);
  });

  it("rejects \\' inside a double-quoted string, as Alloy's scanner does", () => {
    expect(errors('"\\\'"')).toEqual(['1:3: unknown escape sequence']);
  });

  it('reports a non-hex digit in a \\x escape', () => {
    expect(errors('"\\xg0"')).toEqual(["1:3: illegal character U+0067 'g' in escape sequence"]);
  });

  it('reports a surrogate \\u escape as an invalid code point', () => {
    expect(errors('"\\ud800"')).toEqual(['1:3: escape sequence is invalid Unicode code point']);
  });

  it('reports an unterminated string at its opening quote', () => {
    expect(errors('x = "abc\n')).toEqual(['1:5: string literal not terminated']);
  });

  it('reports an unterminated block comment', () => {
    expect(errors('/* abc')).toEqual(['1:1: block comment not terminated']);
  });

  it('reports an exponent without digits', () => {
    expect(errors('1e')).toEqual(['1:1: exponent has no digits']);
  });

  it('reports a lone | and a lone &', () => {
    expect(errors('a | b & c')).toEqual(['1:4: missing second | in ||', '1:8: missing second & in &&']);
  });

  it('reports NUL twice, when reading it and as a token, as Alloy does', () => {
    expect(errors('\u0000')).toEqual(['1:1: illegal character NUL', '1:1: illegal character U+0000']);
  });

  it('reports a byte order mark that is not at the start', () => {
    expect(errors('a\ufeff')).toEqual(['1:2: illegal byte order mark']);
  });
});

describe('scanner: comment lookahead', () => {
  it('reports a NUL inside a comment that follows a statement twice, as Alloy does (it reads the comment twice)', () => {
    expect(errors('a /*\u0000*/')).toEqual(['1:5: illegal character NUL', '1:5: illegal character NUL']);
  });

  it('reports a NUL inside a comment on its own line once', () => {
    expect(errors('/*\u0000*/')).toEqual(['1:3: illegal character NUL']);
  });
});
