import { describe, expect, test } from 'vitest';
import { parseTemplate, StringMap, TemplateError, TemplateLimitError, type TemplateValue } from '../../src/template/index.ts';
import { data, errorOf, render, renderError } from './support/run.ts';

const sample = data({
  Value: 'hunter2',
  a: 'abc',
  n: 42n,
  f: 1.5,
  z: null,
  t: true,
  list: ['x', 1n, null],
  m: data({ k: 'v', b: 'w' }),
});

describe('executor: text, fields and printing', () => {
  test('text outside actions is copied verbatim', () => {
    expect(render('a ${1} b', sample)).toBe('a ${1} b');
  });

  test('.Value prints the map entry', () => {
    expect(render('[{{ .Value }}]', sample)).toBe('[hunter2]');
  });

  test('nested map fields are followed', () => {
    expect(render('{{ .m.k }}', sample)).toBe('v');
  });

  test('a missing key prints <no value>', () => {
    expect(render('{{ .missing }}', sample)).toBe('<no value>');
  });

  test('a field of a missing key is also <no value>', () => {
    expect(render('{{ .missing.deeper }}', sample)).toBe('<no value>');
  });

  test('a nil value prints <no value> at top level but <nil> through print', () => {
    expect(render('{{ .z }}|{{ print .z }}|{{ print .missing }}', sample)).toBe('<no value>|<nil>|<nil>');
  });

  test('a map prints in sorted key order like fmt', () => {
    expect(render('{{ .m }}', sample)).toBe('map[b:w k:v]');
  });

  test('a list prints like fmt with <nil> for nil elements', () => {
    expect(render('{{ .list }}', sample)).toBe('[x 1 <nil>]');
  });

  test('floats print with Go\'s shortest %v formatting', () => {
    expect(render('{{ .f }} {{ 1e6 }} {{ 100000.0 }} {{ 0.00001 }}', sample)).toBe('1.5 1e+06 100000 1e-05');
  });

  test('a field of a string is an execution error naming the static type', () => {
    expect(renderError('{{ .a.b }}', sample)).toBe(
      'template: pipeline_template:1:5: executing "pipeline_template" at <.a.b>: can\'t evaluate field b in type interface {}',
    );
  });

  test('with map[string]string data the error names string', () => {
    const m = new StringMap([['a', 'abc']]);
    expect(renderError('{{ .a.b }}', m as unknown as Map<string, TemplateValue>)).toContain("can't evaluate field b in type string");
  });

  test('a field of nil is a nil pointer error', () => {
    expect(renderError('{{ .z.q }}', sample)).toContain('nil pointer evaluating interface {}.q');
  });

  test('execution errors carry line and byte column', () => {
    expect(renderError('héllo\n  {{ .a.b }}', sample)).toMatch(/^template: pipeline_template:2:7: executing/);
  });

  test('execution errors are TemplateErrors', () => {
    expect(() => render('{{ .a.b }}', sample)).toThrow(TemplateError);
  });
});

describe('executor: pipelines and variables', () => {
  test('the piped value is passed as the last argument', () => {
    expect(render('{{ "x" | printf "%s-%s" "y" }}', sample)).toBe('y-x');
  });

  test('pipelines chain through several functions', () => {
    expect(render('{{ .Value | ToUpper | printf "<%s>" }}', sample)).toBe('<HUNTER2>');
  });

  test('a declared variable is visible to later actions', () => {
    expect(render('{{ $x := .a }}{{ $x }}{{ $x }}', sample)).toBe('abcabc');
  });

  test('assignment changes an outer variable from inside if', () => {
    expect(render('{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}', sample)).toBe('2');
  });

  test('declaration inside if shadows only within the if', () => {
    expect(render('{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}', sample)).toBe('21');
  });

  test('$ is the data passed to Execute', () => {
    expect(render('{{ range .list }}{{ $.a }}{{ end }}', sample)).toBe('abcabcabc');
  });

  test('a parenthesised pipeline can be an argument and have fields', () => {
    expect(render('{{ (.m).k }}', sample)).toBe('v');
  });

  test('giving arguments to a non-function is an error', () => {
    expect(renderError('{{ .a 1 }}', sample)).toContain('a is not a method but has arguments');
  });

  test('a wrong argument type names both types', () => {
    expect(renderError('{{ 3 | ToUpper }}', sample)).toBe(
      'template: pipeline_template:1:7: executing "pipeline_template" at <ToUpper>: wrong type for value; expected string; got int',
    );
  });

  test('a missing value where a string is needed is "invalid value"', () => {
    expect(renderError('{{ ToUpper .missing }}', sample)).toContain('invalid value; expected string');
  });

  test('a constant of the wrong kind is reported at the constant', () => {
    expect(renderError('{{ ToUpper 3 }}', sample)).toContain('at <3>: expected string; found 3');
  });

  test('the number of arguments is checked', () => {
    expect(renderError('{{ ToUpper }}', sample)).toContain('wrong number of args for ToUpper: want 1 got 0');
  });
});

describe('executor: control structures', () => {
  test('if / else if / else pick the first true branch', () => {
    expect(render('{{ if .missing }}1{{ else if .a }}2{{ else }}3{{ end }}', sample)).toBe('2');
  });

  test('truthiness: empty string, 0, false, nil, empty list are false', () => {
    const d = data({ s: '', i: 0n, f: 0, b: false, n: null, l: [], m: new Map() });
    expect(render('{{if .s}}x{{end}}{{if .i}}x{{end}}{{if .f}}x{{end}}{{if .b}}x{{end}}{{if .n}}x{{end}}{{if .l}}x{{end}}{{if .m}}x{{end}}.', d)).toBe('.');
  });

  test('range over a list gives index and element', () => {
    expect(render('{{ range $i, $e := .list }}{{ $i }}={{ $e }};{{ end }}', sample)).toBe('0=x;1=1;2=<no value>;');
  });

  test('range over a map visits keys in sorted order', () => {
    expect(render('{{ range $k, $v := .m }}{{ $k }}{{ $v }}{{ end }}', sample)).toBe('bwkv');
  });

  test('range else runs for empty or missing collections', () => {
    expect(render('{{ range .missing }}x{{ else }}none{{ end }}', sample)).toBe('none');
  });

  test('break leaves the loop', () => {
    expect(render('{{ range .list }}{{ if eq . "x" }}{{ continue }}{{ end }}{{ break }}{{ end }}.', data({ list: ['x', 'y', 'z'] }))).toBe('.');
  });

  test('continue skips to the next element', () => {
    expect(render('{{ range .l }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ . }}{{ end }}', data({ l: ['a', 'b', 'c'] }))).toBe('ac');
  });

  test('range over an integer counts from 0 (Go 1.22+, as Alloy is built)', () => {
    expect(render('{{ range 3 }}{{ . }}{{ end }}', sample)).toBe('012');
  });

  test('range over an integer is refused in go1.19 mode', () => {
    const t = parseTemplate('t', '{{ range 3 }}{{ . }}{{ end }}', {}, { goVersion: '1.19' });
    expect(errorOf(() => t.execute(null))).toBe('template: t:1:9: executing "t" at <3>: range can\'t iterate over 3');
  });

  test('range over a string is an error', () => {
    expect(renderError('{{ range .a }}x{{ end }}', sample)).toContain("range can't iterate over abc");
  });

  test('with sets dot and has an else', () => {
    expect(render('{{ with .m }}{{ .k }}{{ end }}{{ with .missing }}x{{ else }}y{{ end }}', sample)).toBe('vy');
  });

  test('else with chains (Go 1.23+)', () => {
    expect(render('{{ with .missing }}1{{ else with .a }}{{ . }}{{ end }}', sample)).toBe('abc');
  });

  test('define and template call a named template with new dot', () => {
    expect(render('{{ define "T" }}<{{ . }}>{{ end }}{{ template "T" .a }}', sample)).toBe('<abc>');
  });

  test('block defines and runs a template in place', () => {
    expect(render('{{ block "B" .a }}[{{ . }}]{{ end }}', sample)).toBe('[abc]');
  });

  test('calling an undefined template is an execution error', () => {
    expect(renderError('{{ template "nope" }}', sample)).toContain('template "nope" not defined');
  });

  test('errors inside a defined template name it and the top-level location', () => {
    expect(renderError('{{ define "T" }}{{ .a.b }}{{ end }}{{ template "T" . }}', sample)).toBe(
      'template: pipeline_template:1:21: executing "T" at <.a.b>: can\'t evaluate field b in type interface {}',
    );
  });

  test('comments print nothing', () => {
    expect(render('a{{/* hidden */}}b', sample)).toBe('ab');
  });

  test('trim markers remove surrounding whitespace', () => {
    expect(render('a \n {{- .a -}} \n b', sample)).toBe('aabcb');
  });
});

describe('executor: bounds', () => {
  test('unbounded template recursion stops with TemplateLimitError, not a Go error', () => {
    const t = parseTemplate('t', '{{ define "r" }}x{{ template "r" . }}{{ end }}{{ template "r" . }}');
    expect(() => t.execute(null)).toThrow(TemplateLimitError);
  });

  test('output beyond the limit stops with TemplateLimitError', () => {
    const t = parseTemplate('t', '{{ range 1000 }}0123456789{{ end }}');
    expect(() => t.executeDetailed(null, { maxOutput: 100, maxDepth: 10, maxSteps: 1e6 })).toThrow(TemplateLimitError);
  });

  test('evaluation steps are bounded', () => {
    const t = parseTemplate('t', '{{ range 100000000 }}{{ end }}');
    expect(() => t.executeDetailed(null, { maxOutput: 100, maxDepth: 10, maxSteps: 1000 })).toThrow(TemplateLimitError);
  });
});
