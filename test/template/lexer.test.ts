import { describe, expect, test } from 'vitest';
import { lex, Tok } from '../../src/template/lexer.ts';

const kinds = (s: string) => lex(s).map((i) => Tok[i.typ]);
const vals = (s: string) => lex(s).map((i) => i.val);

describe('lexer', () => {
  test('plain text is one text token then EOF', () => {
    expect(kinds('hello')).toEqual(['Text', 'EOF']);
  });

  test('an action yields delimiters around its tokens', () => {
    expect(kinds('{{.Value}}')).toEqual(['LeftDelim', 'Field', 'RightDelim', 'EOF']);
  });

  test('left trim marker removes preceding spaces from the text token', () => {
    expect(vals('a  \n {{- .x}}')[0]).toBe('a');
  });

  test('right trim marker removes following spaces from the next text token', () => {
    expect(vals('{{.x -}}  \n b').at(-2)).toBe('b');
  });

  test('a trim marker needs a space: {{-3}} is the number -3', () => {
    expect(vals('{{-3}}')).toEqual(['{{', '-3', '}}', '']);
  });

  test('comments produce no tokens', () => {
    expect(kinds('a{{/* hi */}}b')).toEqual(['Text', 'Text', 'EOF']);
  });

  test('keywords are recognised', () => {
    expect(kinds('{{if}}{{else}}{{end}}').filter((k) => k !== 'LeftDelim' && k !== 'RightDelim')).toEqual(['If', 'Else', 'End', 'EOF']);
  });

  test('numbers include hex, octal prefix, exponents and character constants', () => {
    expect(lex("{{0x1F 1e3 0o17 'a' .5}}").filter((i) => i.typ === Tok.Number || i.typ === Tok.CharConstant).map((i) => i.val)).toEqual([
      '0x1F',
      '1e3',
      '0o17',
      "'a'",
      '.5',
    ]);
  });

  test('an unclosed action reports "unclosed action"', () => {
    expect(lex('{{ .a').at(-1)).toMatchObject({ typ: Tok.Error, val: 'unclosed action' });
  });

  test('an unrecognised character is reported with its %#U form', () => {
    expect(lex('{{ \u00e9x }}').some((i) => i.typ === Tok.Identifier)).toBe(true);
    expect(lex('{{ \u2603 }}').at(-1)!.val).toBe("unrecognized character in action: U+2603 '\u2603'");
  });

  test('a bad character after an identifier is reported', () => {
    expect(lex('{{ a# }}').at(-1)!.val).toBe("bad character U+0023 '#'");
  });

  test('raw strings may span lines', () => {
    expect(lex('{{`a\nb`}}')[1]).toMatchObject({ typ: Tok.RawString, val: '`a\nb`' });
  });

  test('item line numbers count newlines before the item', () => {
    expect(lex('a\nb\n{{.x}}').find((i) => i.typ === Tok.Field)!.line).toBe(3);
  });

  test('break and continue are identifiers when a function of that name exists', () => {
    expect(lex('{{break}}', false, true)[1]!.typ).toBe(Tok.Identifier);
  });
});
