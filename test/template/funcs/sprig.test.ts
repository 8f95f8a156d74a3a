import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareWithGo, type Case } from '../support/oracle.ts';
import { alloyTemplateFuncs, parseTemplate, TemplateError, TemplateUnsupportedError } from '../../../src/template/index.ts';
import { data, errorOf, render, renderError } from '../support/run.ts';

const d = data({ Value: 'Hello World', csv: 'a,b,c', empty: '', l: ['b', 'a', 'b'], m: data({ k: 'v' }) });

describe('sprig functions', () => {
  test('upper, lower, title, trim', () => {
    expect(render('{{ upper "ab" }} {{ lower "AB" }} {{ title "hello wide world" }} [{{ trim "  x " }}]', d)).toBe('AB ab Hello Wide World [x]');
  });

  test('trimAll, trimPrefix and trimSuffix take the cutset or affix first', () => {
    expect(render('{{ "$$x$$" | trimAll "$" }} {{ "pre-x" | trimPrefix "pre-" }} {{ "x.log" | trimSuffix ".log" }}', d)).toBe('x x x');
  });

  test('replace takes old, new, then the source', () => {
    expect(render('{{ .Value | replace "o" "0" }}', d)).toBe('Hell0 W0rld');
  });

  test('repeat takes the count first', () => {
    expect(render('{{ "ab" | repeat 3 }}', d)).toBe('ababab');
  });

  test('substr cuts bytes with sprig\'s bounds rules', () => {
    expect(render('{{ substr 0 5 .Value }}|{{ substr 6 -1 .Value }}|{{ substr -1 2 .Value }}', d)).toBe('Hello|World|He');
  });

  test('substr past the end is the runtime panic text', () => {
    expect(renderError('{{ substr 20 30 "abc" }}', d)).toContain('error calling substr: runtime error: slice bounds out of range [20:3]');
  });

  test('trunc keeps the first n bytes, or the last -n', () => {
    expect(render('{{ trunc 5 .Value }}|{{ trunc -5 .Value }}', d)).toBe('Hello|World');
  });

  test('contains, hasPrefix, hasSuffix take the needle first', () => {
    expect(render('{{ .Value | contains "lo W" }} {{ .Value | hasPrefix "He" }} {{ .Value | hasSuffix "x" }}', d)).toBe('true true false');
  });

  test('quote and squote', () => {
    expect(render('{{ quote "a\\"b" 1 }} {{ squote "x" }}', d)).toBe('"a\\"b" "1" \'x\'');
  });

  test('default replaces empty values only', () => {
    expect(render('{{ .missing | default "d" }} {{ .empty | default "d" }} {{ .Value | default "d" }} {{ 0 | default 5 }}', d)).toBe('d d Hello World 5');
  });

  test('empty and coalesce', () => {
    expect(render('{{ empty .empty }} {{ empty .Value }} {{ coalesce .missing .empty "c" }}', d)).toBe('true false c');
  });

  test('sha1sum and sha256sum of "abc"', () => {
    expect(render('{{ sha1sum "abc" }} {{ sha256sum "abc" }}', d)).toBe(
      'a9993e364706816aba3e25717850c26c9cd0d89d ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  test('b64enc and b64dec', () => {
    expect(render('{{ b64enc "hello" }} {{ b64dec "aGVsbG8=" }}', d)).toBe('aGVsbG8= hello');
  });

  test('b64dec of bad input returns the decoder error text', () => {
    expect(render('{{ b64dec "a$" }}', d)).toBe('illegal base64 data at input byte 1');
  });

  test('toString formats with %v', () => {
    expect(render('{{ toString 1.5 }} {{ toString .l }}', d)).toBe('1.5 [b a b]');
  });

  test('toJson marshals like encoding/json, HTML-escaped', () => {
    expect(render('{{ toJson .m }} {{ toJson "<x>" }} {{ toJson .l }}', d)).toBe('{"k":"v"} "\\u003cx\\u003e" ["b","a","b"]');
  });

  test('split returns a map of _N keys; splitList a list', () => {
    expect(render('{{ (split "," .csv)._1 }} {{ splitList "," .csv }}', d)).toBe('b [a b c]');
  });

  test('join joins any list with a separator', () => {
    expect(render('{{ join "-" .l }} {{ splitList "," .csv | join "+" }}', d)).toBe('b-a-b a+b+c');
  });

  test('list builds a list of its arguments', () => {
    expect(render('{{ list 1 "a" 2.5 }}', d)).toBe('[1 a 2.5]');
  });

  test('first, last, rest, initial, reverse, uniq, sortAlpha', () => {
    expect(render('{{ first .l }} {{ last .l }} {{ rest .l }} {{ initial .l }} {{ reverse .l }} {{ uniq .l }} {{ sortAlpha .l }}', d)).toBe(
      'b b [a b] [b a] [b a b] [b a] [a b b]',
    );
  });

  test('first of a string panics with sprig\'s message', () => {
    expect(renderError('{{ first "abc" }}', d)).toContain('error calling first: Cannot find first on type string');
  });

  test("sprig's slice replaces the builtin slice in Alloy's map", () => {
    expect(render('{{ slice .l 1 }}', d)).toBe('[a b]');
  });

  test('regexMatch, regexFind, regexFindAll, regexSplit', () => {
    expect(render('{{ regexMatch "^H" .Value }} {{ regexFind "o\\\\w*" .Value }} {{ regexFindAll "o" .Value -1 }} {{ regexSplit "," .csv -1 }}', d)).toBe(
      'true o [o o] [a b c]',
    );
  });

  test('regexMatch of an invalid pattern is false', () => {
    expect(render('{{ regexMatch "(" "x" }}', d)).toBe('false');
  });

  test('mustRegexFind returns the compile error', () => {
    expect(renderError('{{ mustRegexFind "(" "x" }}', d)).toContain('error calling mustRegexFind: error parsing regexp: missing closing ): `(`');
  });

  test('regexQuoteMeta escapes metacharacters', () => {
    expect(render('{{ regexQuoteMeta "a.b*c" }}', d)).toBe('a\\.b\\*c');
  });

  test('nospace, initials, abbrev, indent, nindent, cat', () => {
    expect(render('{{ nospace "a b\\tc" }}|{{ initials "First Try" }}|{{ abbrev 5 "hello world" }}|{{ indent 2 "a\\nb" }}|{{ cat "a" 1 .missing "b" }}', d)).toBe(
      'abc|FT|he...|  a\n  b|a 1 b',
    );
  });

  test('add, sub, mul, div, mod on int64', () => {
    expect(render('{{ add 1 2 "3" }} {{ sub 5 7 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 2 }} {{ add1 1.9 }}', d)).toBe('6 -2 24 3 1 2');
  });

  test('dict, get and hasKey', () => {
    expect(render('{{ $d := dict "a" 1 "b" }}{{ get $d "a" }} [{{ get $d "b" }}] {{ hasKey $d "c" }}', d)).toBe('1 [] false');
  });

  test('until builds [0 … n-1]', () => {
    expect(render('{{ until 3 }} {{ untilStep 5 0 -2 }}', d)).toBe('[0 1 2] [5 3 1]');
  });

  test('base, dir, ext, clean follow Go\'s path package', () => {
    expect(render('{{ base "/a/b.txt" }} {{ dir "/a/b.txt" }} {{ ext "/a/b.txt" }} {{ clean "a//b/../c/." }}', d)).toBe('b.txt /a .txt a/c');
  });

  test('fail aborts execution with the given message', () => {
    expect(renderError('{{ fail "boom" }}', d)).toContain('error calling fail: boom');
  });

  test('every sprig name parses, even when not simulated', () => {
    const names = ['genCA', 'semver', 'date', 'now', 'snakecase', 'urlParse', 'bcrypt', 'toPrettyJson'];
    expect(names.filter((n) => !(n in alloyTemplateFuncs()))).toEqual([]);
  });

  test('a function that is not simulated throws TemplateUnsupportedError, not a Go error', () => {
    const e = (() => {
      try {
        render('{{ snakecase "HelloWorld" }}', d);
      } catch (err) {
        return err;
      }
    })();
    expect(e instanceof TemplateUnsupportedError && !(e instanceof TemplateError)).toBe(true);
  });

  test('unsupported functions are listed at parse time', () => {
    expect(parseTemplate('t', '{{ if .x }}{{ snakecase .x }}{{ end }}', alloyTemplateFuncs()).unsupportedFuncs).toEqual(['snakecase']);
  });
});

describe('non-deterministic sprig functions', () => {
  test('uuidv4 runs with a placeholder and is reported', () => {
    const t = parseTemplate('t', '{{ uuidv4 }}', alloyTemplateFuncs());
    expect(t.executeDetailed(null).nondeterministic).toEqual(['uuidv4']);
  });

  test('non-deterministic functions are listed at parse time', () => {
    expect(parseTemplate('t', '{{ if false }}{{ env "HOME" }}{{ randAlphaNum 5 }}{{ end }}', alloyTemplateFuncs()).nondeterministicFuncs).toEqual([
      'env',
      'randAlphaNum',
    ]);
  });

  test('a non-deterministic function that did not run is not reported by executeDetailed', () => {
    const t = parseTemplate('t', '{{ if false }}{{ uuidv4 }}{{ end }}x', alloyTemplateFuncs());
    expect(t.executeDetailed(null)).toEqual({ output: 'x', nondeterministic: [] });
  });

  test('keys of a map with several keys is reported (Go map order is random)', () => {
    const t = parseTemplate('t', '{{ keys . | sortAlpha }}', alloyTemplateFuncs());
    expect(t.executeDetailed(data({ b: '1', a: '2' }))).toEqual({ output: '[a b]', nondeterministic: ['keys'] });
  });

  test('now is not simulated (time) and says so', () => {
    expect(errorOf(() => render('{{ now }}', d))).toBe('template function now is not simulated by alloy-scrub');
  });
});

describe('environment functions with a known environment', () => {
  test('env reads the given environment and is then deterministic', () => {
    const t = parseTemplate('t', '{{ env "HOME" }}|{{ env "NOPE" }}', alloyTemplateFuncs({ env: { HOME: '/root' } }));
    expect([t.execute(null), t.nondeterministicFuncs]).toEqual(['/root|', []]);
  });

  test('expandenv agrees with Go\'s os.Expand on 2,000 strings of $, braces and names', async () => {
    const strs = fc.sample(fc.array(fc.constantFrom('$', '{', '}', 'A', 'B', 'C', '1', '*', '-', 'x', '_'), { maxLength: 10 }).map((a) => a.join('')), {
      numRuns: 2000,
      seed: 3,
    });
    const cases: Case[] = strs.map((s) => ({ template: '{{ expandenv .s }}', data: ['m', [['s', ['s', s]]]], funcs: false, sprig: true }));
    const { disagreements } = await compareWithGo(cases);
    expect(disagreements.slice(0, 3)).toEqual([]);
  });

  test('expandenv expands $NAME and ${NAME} like os.ExpandEnv', () => {
    const f = alloyTemplateFuncs({ env: { A: 'x', B: 'y' } });
    expect(parseTemplate('t', '{{ expandenv "$A-${B}-$C-${}-$" }}', f).execute(null)).toBe('x-y---$');
  });
});
