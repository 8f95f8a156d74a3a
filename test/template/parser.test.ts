import { describe, expect, test } from 'vitest';
import { parseTemplate, TemplateError } from '../../src/template/index.ts';
import { errorOf } from './support/run.ts';

const parseErr = (text: string, funcs = {}) => errorOf(() => parseTemplate('pipeline_template', text, funcs));

describe('parser', () => {
  test('an undefined function is a parse error with Go\'s text', () => {
    expect(parseErr('{{ Foo }}')).toBe('template: pipeline_template:1: function "Foo" not defined');
  });

  test('parse errors are TemplateErrors', () => {
    expect(() => parseTemplate('t', '{{ Foo }}')).toThrow(TemplateError);
  });

  test('functions are checked even in branches that never run', () => {
    expect(parseErr('{{ if false }}{{ Nope 1 }}{{ end }}')).toBe('template: pipeline_template:1: function "Nope" not defined');
  });

  test('an undefined variable is a parse error', () => {
    expect(parseErr('{{ $x }}')).toBe('template: pipeline_template:1: undefined variable "$x"');
  });

  test('variables declared inside if are out of scope after end', () => {
    expect(parseErr('{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}')).toBe('template: pipeline_template:1: undefined variable "$x"');
  });

  test('break outside range is rejected', () => {
    expect(parseErr('{{ break }}')).toBe('template: pipeline_template:1: {{break}} outside {{range}}');
  });

  test('a stray end is reported', () => {
    expect(parseErr('x{{ end }}')).toBe('template: pipeline_template:1: unexpected {{end}}');
  });

  test('a missing end is "unexpected EOF"', () => {
    expect(parseErr('{{ if 1 }}x')).toBe('template: pipeline_template:1: unexpected EOF');
  });

  test('error line is the line of the offending token', () => {
    expect(parseErr('a\nb\n{{ Foo }}')).toBe('template: pipeline_template:3: function "Foo" not defined');
  });

  test('a constant after a pipe is not executable', () => {
    expect(parseErr('{{ 1 | 2 }}')).toBe('template: pipeline_template:1: non executable command in pipeline stage 2');
  });

  test('a field on a constant is rejected', () => {
    expect(parseErr('{{ "a".x }}')).toBe('template: pipeline_template:1: unexpected . after term "\\"a\\""');
  });

  test('too many range variables are rejected', () => {
    expect(parseErr('{{ range $a, $b, $c := . }}{{ end }}')).toBe('template: pipeline_template:1: too many declarations in range');
  });

  test('two non-empty definitions of one template are rejected', () => {
    expect(parseErr('{{define "x"}}a{{end}}{{define "x"}}b{{end}}')).toBe(
      'template: pipeline_template:1: template: multiple definition of template "x"',
    );
  });

  test('an integer literal too large for int64 or uint64 is an overflow', () => {
    expect(parseErr('{{ 99999999999999999999 }}')).toBe('template: pipeline_template:1: integer overflow: "99999999999999999999"');
  });

  test('a leading-zero non-octal number is reported as Go does ("integer overflow")', () => {
    expect(parseErr('{{ 08 }}')).toBe('template: pipeline_template:1: integer overflow: "08"');
  });

  test('a multi-character character constant is malformed', () => {
    expect(parseErr("{{ 'ab' }}")).toBe("template: pipeline_template:1: malformed character constant: 'ab'");
  });

  test('lexer errors in a multi-line action name where the action started', () => {
    expect(parseErr('{{ .a\n.b')).toBe('template: pipeline_template:2: unclosed action started at pipeline_template:1');
  });

  test('unexpected tokens longer than ten characters are abbreviated', () => {
    expect(parseErr('{{ if 1 }}{{ else "abcdefghijklmnop" }}{{end}}')).toBe(
      'template: pipeline_template:1: unexpected "\\"abcdefghi"... in else',
    );
  });

  test('else with is accepted as Go 1.23+ does', () => {
    expect(() => parseTemplate('t', '{{with .a}}a{{else with .b}}b{{end}}')).not.toThrow();
  });

  test('else with is a parse error in go1.19 mode', () => {
    expect(errorOf(() => parseTemplate('t', '{{with .a}}a{{else with .b}}b{{end}}', {}, { goVersion: '1.19' }))).toBe(
      'template: t:1: unexpected <with> in else',
    );
  });

  test('an empty define of the main name does not replace a non-empty body', () => {
    expect(parseTemplate('t', 'body{{define "t"}} {{end}}').execute(null)).toBe('body');
  });
});
