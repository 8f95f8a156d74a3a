// Differential suite: Go's text/template (test/oracle/template, Go 1.19 from this machine) and
// src/template (run in its go1.19 mode) must produce the same output or the same error text for
// 10,000 fast-check–generated (template, data) pairs and for hand-picked edge cases.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { caseArb } from './support/generate.ts';
import { compareWithGo, type Case } from './support/oracle.ts';
import type { Tagged } from './support/tagged.ts';

const m = (entries: [string, Tagged][]): Tagged => ['m', entries];
const s = (x: string): Tagged => ['s', x];
const f = (x: number): Tagged => ['f', x];
const i = (x: number): Tagged => ['i', String(x)];
const sample = m([
  ['Value', s('hunter2')],
  ['a', s('abc')],
  ['f', f(1.5)],
  ['n', i(42)],
  ['z', ['n']],
  ['l', ['l', [s('x'), i(1), f(2.5), ['n'], ['b', true]]]],
  ['sl', ['sl', ['p', 'q']]],
  ['m', m([['k', s('v')], ['b', s('w')]])],
]);
const replaceData: Tagged = ['sm', [['Value', 'secret'], ['user', 'bob']]];

const edge: [string, Tagged][] = [
  ['plain text', sample],
  ['{{ .Value }}', sample],
  ['{{.}}', sample],
  ['{{ .missing }}|{{ print .missing }}|{{ printf "%v" .missing }}', sample],
  ['{{ .z }}|{{ print .z }}|{{ .z.q }}', sample],
  ['{{ .a.b }}', sample],
  ['{{ .a.b }}', replaceData],
  ['{{ index . "nope" }}|{{ index . "user" }}', replaceData],
  ['{{ index . "nope" }}', sample],
  ['{{ index .l 1 }} {{ index .l 9 }}', sample],
  ['{{ index .a 0 }}', sample],
  ['{{ slice .a 1 }} {{ slice .a 1 2 }} {{ slice .l 1 3 }}', sample],
  ['{{ slice .a 2 1 }}', sample],
  ['{{ len .a }} {{ len .l }} {{ len .m }} {{ len "héllo" }}', sample],
  ['{{ len .n }}', sample],
  ['{{ .Value | ToUpper | printf "%q" }}', replaceData],
  ['{{ ToUpper 3 }}', sample],
  ['{{ 3 | ToUpper }}', sample],
  ['{{ ToUpper }}', sample],
  ['{{ ToUpper .missing }}', sample],
  ['{{ ToUpper .z }}', sample],
  ['{{ ToUpper .f }}', sample],
  ['{{ Replace .Value "e" "E" -1 }} {{ Replace .Value "" "-" 2 }} {{ Replace .Value "e" "E" 1.5 }}', replaceData],
  ['{{ Trim "xxhixx" "x" }}|{{ TrimLeft "  a  " " " }}|{{ TrimRight "a..." "." }}|{{ TrimPrefix "pre-x" "pre-" }}|{{ TrimSuffix "x.log" ".log" }}|{{ TrimSpace "\\t a \\n" }}', sample],
  ['{{ Sha2Hash "salt" .Value }}', replaceData],
  ['{{ regexReplaceAll "(\\\\w+)@(\\\\w+)" "a@b c@d" "${2}_$1" }}', sample],
  ['{{ regexReplaceAllLiteral "\\\\d" "a1b22" "$1" }}', sample],
  ['{{ regexReplaceAll "(" "x" "y" }}', sample],
  ['{{ regexReplaceAll "a*" "baaac" "-" }}', sample],
  ['{{if .Value}}yes{{else}}no{{end}}{{if .missing}}yes{{else if .a}}elif{{else}}no{{end}}', sample],
  ['{{with .m}}{{.k}}{{end}}{{with .missing}}x{{else}}none{{end}}', sample],
  ['{{range .l}}[{{.}}]{{end}}', sample],
  ['{{range $i, $e := .l}}{{$i}}:{{$e}} {{end}}', sample],
  ['{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}', sample],
  ['{{range .missing}}x{{else}}empty{{end}}', sample],
  ['{{range .l}}{{if eq . 1}}{{break}}{{end}}{{.}}{{end}}', sample],
  ['{{range .l}}{{if not .}}{{continue}}{{end}}{{.}}{{end}}', sample],
  ['{{range .a}}x{{end}}', sample],
  ['{{break}}', sample],
  ['{{ $x := .a }}{{ $x }}{{ $x = "b" }}{{ $x }}{{ $ }}', replaceData],
  ['{{ $y }}', sample],
  ['{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}', sample],
  ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}', sample],
  ['{{define "T"}}<{{.}}>{{end}}{{template "T" .a}}{{template "T"}}', sample],
  ['{{block "B" .a}}[{{.}}]{{end}}', sample],
  ['{{template "nope"}}', sample],
  ['{{define "x"}}a{{end}}{{define "x"}}b{{end}}', sample],
  ['{{ and 1 0 "x" }} {{ or 0 "" .a }} {{ and }} {{ not .missing }}', sample],
  ['{{ or .missing.x 1 }} {{ and .z .missing.y }}', sample],
  ['{{ eq 1 1 2 }} {{ eq .a "abc" "x" }} {{ eq 1 1.0 }}', sample],
  ['{{ eq .l .l }}', sample],
  ['{{ eq .z nil }}', sample],
  ['{{ lt 1 2 }} {{ lt "a" "b" }} {{ lt 1.5 2.5 }} {{ le 2 2 }} {{ gt 3 2 }} {{ ge 1 2 }} {{ ne "a" "b" }}', sample],
  ['{{ lt true false }}', sample],
  ['{{ lt 1 "a" }}', sample],
  ['{{ print 1 2 "a" "b" 3 .z }}|{{ println 1 "a" }}|{{ print }}', sample],
  ['{{ printf "%d %s %v %q %x %X %05d %-10s| %.2f %t %%" 42 "str" .m "quo" "hex" 255 7 "left" 3.14159 true }}', sample],
  ['{{ printf "%v %v %v %v %v %v" 1e6 1e20 1e21 0.000001 0.0000001 123456789.0 }}', sample],
  ['{{ printf "%g %G %e %E %.3e %8.3f|%-8.3f|%+.1f" 1234.5678 1e-10 1234.5678 0.00012 99999.5 3.14159 2.5 -0.05 }}', sample],
  ['{{ printf "%.0f %.0f %.0f %.1f %.2f" 0.5 1.5 2.5 0.25 1.005 }}', sample],
  ['{{ printf "%d" "x" }} {{ printf "%s" 5 }} {{ printf "%d" }} {{ printf "%d %d" 1 }} {{ printf "x" 1 2 }}', sample],
  ['{{ printf "%!" }} {{ printf "%" }} {{ printf "%z" 1 }} {{ printf "%[2]d %[1]d" 1 2 }} {{ printf "%[3]d" 1 }}', sample],
  ['{{ printf "%*d|%-*d|%.*f" 5 1 4 2 2 3.14159 }}', sample],
  ['{{ printf "%c %U %#U %q %o %O %b %#x %#o" 65 9731 9731 66 8 8 5 255 8 }}', sample],
  ['{{ printf "%x % x %#x % X" "hi" "hi" "hi" "hey" }}', sample],
  ['{{ printf "%q %+q %#q" "héllo\\n" "héllo" "back`tick" }}', sample],
  ['{{ printf "%v|%s|%d" .l .sl .l }}', sample],
  ['{{ printf "%T %T %T %T %T %T" .a .n .f .l .m .z }}', sample],
  ['{{ printf "%#v %#v %#v %#v" .a .l .m .n }}', sample],
  ['{{ printf "%5t|%-7v|%07.2f|%+d|% d|%x" true "ab" -3.5 5 5 -255 }}', sample],
  ['{{ printf "%6.2s|%.1q|%05s" "abcdef" "xyz" "ab" }}', sample],
  ['{{ html "<a href=\\"x\\">&\'" }} {{ js "it\'s <b> \\\\ \\u2028 é" }} {{ urlquery "a b&c=d/é" }}', sample],
  ['{{ html .l }} {{ js 1 2 }} {{ urlquery .missing }}', sample],
  ['{{ "x" | printf "%s-%s" "y" }}', sample],
  ['{{ .a | len | printf "%d" }}', sample],
  ['{{ (.m).k }} {{ (index .l 0) }}', sample],
  ['{{ .m.k.deeper }}', sample],
  ['{{ .l.x }}', sample],
  ['{{ .Method 1 }}', sample],
  ['{{ .a 1 }}', sample],
  ['{{ $.a }} {{ $.m.k }}', sample],
  ['{{ 1 | 2 }}', sample],
  ['{{ nil }}', sample],
  ['{{ nil.x }}', sample],
  ['{{ "a".x }}', sample],
  ['{{ 0x10 }} {{ 1_000 }} {{ 0o17 }} {{ 0b101 }} {{ \'x\' }} {{ 1.5e3 }} {{ -0x10 }} {{ 017 }}', sample],
  ['{{ 08 }}', sample],
  ['{{ 99999999999999999999 }}', sample],
  ['{{ 18446744073709551615 }}', sample],
  ['{{ \'ab\' }}', sample],
  ['{{ "unterminated }}', sample],
  ['{{ `raw\nstring` }}', sample],
  ['{{ .a', sample],
  ['{{ .a }', sample],
  ['{{ # }}', sample],
  ['{{ .a }}}}', sample],
  ['a {{- .a -}} b {{- /* c */ -}} c', sample],
  ['a {{-.a}}', sample],
  ['{{/* unclosed }}', sample],
  ['{{/* c */ .a }}', sample],
  ['{{end}}', sample],
  ['{{else}}', sample],
  ['{{if .a}}x', sample],
  ['{{if}}{{end}}', sample],
  ['{{range $i, $j, $k := .l}}{{end}}', sample],
  ['{{ $x, $y := 1 }}', sample],
  ['{{ (1 }}', sample],
  ['{{ 1) }}', sample],
  ['line1\nline2 {{ .a.b }}', sample],
  ['héllo {{ .a.b }}', sample],
  ['{{ Foo }}', sample],
  ['{{ .a | Foo }}', sample],
  ['{{ printf "%v" (index .m "b") }}', sample],
  ['{{ with $x := .a }}{{ $x }}{{ end }}', sample],
  ['{{ range .m }}{{ . }}{{ end }}', sample],
  ['{{ range $i, $c := .sl }}{{ $i }}{{ $c }}{{ end }}', sample],
  ['{{ .Value }}', ['u']],
  ['{{ . }}|{{ .x }}', ['n']],
  ['{{ . }}', ['l', [s('a'), f(0.1)]]],
  ['{{ . }}', f(1e100)],
  ['{{ . }}', i(-7)],
  ['{{ printf "%v %.3v %10.4v|" . . . }}', f(Math.PI)],
  ['{{ printf "%v %v %v" . . . }}', f(-0)],
  ['{{ printf "%x %X %.2x %b" . . . . }}', f(3.75)],
];

/** Strings as logs deliver them: any Unicode, Go's special cases, and invalid UTF-8 bytes. */
const goString = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
      fc.constantFrom('a', 'B', ' ', '\t', '\n', '\u00a0', '\u0085', 'ß', 'İ', 'ı', 'ǅ', 'Σ', 'ﬀ', 'ᾳ', '\u2028', '\u3000', '\ufeff', '%', '"', '\\', '<', '&', '=', "'", '\x7f', '\x00', '\ufffd', 'é'),
      fc.integer({ min: 0x80, max: 0xff }).map((b) => String.fromCharCode(0xdc00 + b)),
    ),
    { maxLength: 8 },
  )
  .map((xs) => xs.join(''));

const STRING_TEMPLATE =
  '{{ ToUpper .s }}|{{ ToLower .s }}|{{ TrimSpace .s }}|{{ printf "%q|%+q|%x|%5.2s|%-4q|%#q" .s .s .s .s .s .s }}|{{ len .s }}|' +
  '{{ Trim .s "aB é" }}|{{ html .s }}|{{ js .s }}|{{ urlquery .s }}|{{ Replace .s "" "-" 3 }}|{{ TrimLeft .s " a" }}|' +
  '{{ TrimRight .s "\\u00a0a" }}|{{ slice .s 1 }}|{{ lt .s "é" }}|{{ printf "%U %#U %c %q" (index .s 0) (index .s 0) (index .s 0) (index .s 0) }}';

const FLOAT_TEMPLATE =
  '{{ printf "%v|%e|%.3e|%f|%.0f|%.10f|%g|%.3g|%G|%x|%8.2f|%+.1e|%#g|%#.3x|%#v|%b|%.1f|% .2f|%08.3f|%-9.2e|%X|%.0e|%#.0f|%6.3v" ' +
  '. . . . . . . . . . . . . . . . . . . . . . . . }}|{{ . }}';
const INT_TEMPLATE =
  '{{ printf "%d|%x|%X|%o|%O|%b|%c|%q|%U|%#U|%08d|%+d|%#x|%#o|%v|% d|%-6d|%.3d|%6.4x|%#v|%+q|%x %X" ' +
  '. . . . . . . . . . . . . . . . . . . . . . . }}|{{ . }}';

describe('template vs Go text/template', () => {
  test('float64 and int verbs agree with Go on 3,000 doubles and 2,000 int64s', async () => {
    const floats = fc.sample(
      fc.oneof(
        fc.double(),
        fc.double({ min: -1e6, max: 1e6 }),
        fc.integer().map((n) => n / 8),
        fc.constantFrom(0.5, 1.5, 2.5, -0.5, 0.125, 1e21, 1e20, 123456.5, 5e-324, 1.7976931348623157e308, -0, 0.1, 0.3),
      ),
      { numRuns: 3000, seed: 5 },
    );
    const ints = fc.sample(fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: -300n, max: 0x11000n })), {
      numRuns: 2000,
      seed: 5,
    });
    const cases: Case[] = [
      ...floats.map((x): Case => ({ template: FLOAT_TEMPLATE, data: f(x), funcs: false })),
      ...ints.map((x): Case => ({ template: INT_TEMPLATE, data: ['i', String(x)], funcs: false })),
    ];
    const { disagreements } = await compareWithGo(cases);
    expect(disagreements.slice(0, 3)).toEqual([]);
  });

  test('string functions and verbs agree with Go on 3,000 random Unicode strings with invalid bytes', async () => {
    const strs = fc.sample(goString, { numRuns: 3000, seed: 7 });
    const cases: Case[] = strs.map((s) => ({ template: STRING_TEMPLATE, data: m([['s', ['s', s]]]), funcs: true }));
    const { disagreements } = await compareWithGo(cases);
    expect(disagreements.slice(0, 3)).toEqual([]);
  });

  test('hand-picked edge cases agree with Go', async () => {
    const cases: Case[] = edge.map(([template, data]) => ({ template, data, funcs: true }));
    const { disagreements } = await compareWithGo(cases);
    expect(disagreements).toEqual([]);
  });

  test('10,000 generated (template, data) pairs agree with Go', async () => {
    const cases = fc.sample(caseArb, { numRuns: 10_000, seed: 20261123 });
    const { disagreements } = await compareWithGo(cases);
    expect(disagreements.slice(0, 3)).toEqual([]);
    expect(disagreements.length).toBe(0);
  });
});
