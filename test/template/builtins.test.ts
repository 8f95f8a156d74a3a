import { describe, expect, test } from 'vitest';
import { data, render, renderError } from './support/run.ts';

const d = data({ a: 'abc', n: 42n, f: 2.5, z: null, l: ['x', 'y'], m: data({ k: 'v' }) });

describe('builtins', () => {
  test('and returns the first falsy argument or the last', () => {
    expect(render('{{ and 1 0 2 }}|{{ and 1 "x" }}', d)).toBe('0|x');
  });

  test('or returns the first truthy argument or the last', () => {
    expect(render('{{ or 0 "" .a }}|{{ or 0 "" }}', d)).toBe('abc|');
  });

  test('and short-circuits: later arguments are not evaluated', () => {
    expect(render('{{ and 0 (index .l 99) }}', d)).toBe('0');
  });

  test('or short-circuits: later arguments are not evaluated', () => {
    expect(render('{{ or 1 (index .l 99) }}', d)).toBe('1');
  });

  test('and with a piped value returns it when all arguments are true', () => {
    expect(render('{{ 0 | and 1 }}', d)).toBe('0');
  });

  test('not negates truthiness', () => {
    expect(render('{{ not .a }} {{ not .missing }} {{ not 0 }}', d)).toBe('false true true');
  });

  test('len counts bytes of strings and elements of lists and maps', () => {
    expect(render('{{ len "héllo" }} {{ len .l }} {{ len .m }}', d)).toBe('6 2 1');
  });

  test('len of a number is an error', () => {
    expect(renderError('{{ len .n }}', d)).toContain('error calling len: len of type int');
  });

  test('index reaches into lists, strings (bytes) and maps', () => {
    expect(render('{{ index .l 1 }} {{ index .a 0 }} {{ index .m "k" }}', d)).toBe('y 97 v');
  });

  test('index out of range is an error', () => {
    expect(renderError('{{ index .l 5 }}', d)).toContain('error calling index: index out of range: 5');
  });

  test('index of a missing key in map[string]interface{} is <no value>', () => {
    expect(render('{{ index .m "nope" }}', d)).toBe('<no value>');
  });

  test('slice cuts strings by bytes and lists by elements', () => {
    expect(render('{{ slice .a 1 }} {{ slice .a 0 2 }} {{ slice .l 1 2 }}', d, {})).toBe('bc ab [y]');
  });

  test('slice rejects reversed bounds', () => {
    expect(renderError('{{ slice .a 2 1 }}', d, {})).toContain('invalid slice index: 2 > 1');
  });

  test('print puts spaces only between non-string operands', () => {
    expect(render('{{ print 1 2 "a" "b" 3 }}', d)).toBe('1 2ab3');
  });

  test('println puts spaces everywhere and ends with a newline', () => {
    expect(render('{{ println 1 "a" }}', d)).toBe('1 a\n');
  });

  test('eq compares the first argument with each of the others', () => {
    expect(render('{{ eq .a "x" "abc" }} {{ eq 1 2 3 }}', d)).toBe('true false');
  });

  test('eq of different basic kinds is an error', () => {
    expect(renderError('{{ eq 1 1.0 }}', d)).toContain('error calling eq: incompatible types for comparison');
  });

  test('eq with nil compares nil-ness', () => {
    expect(render('{{ eq .z nil }}', d)).toBe('true');
  });

  test('lt/le/gt/ge/ne compare numbers and strings', () => {
    expect(render('{{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1.5 2.5 }} {{ ne "a" "b" }}', d)).toBe('true true true false true');
  });

  test('lt of booleans is an invalid comparison', () => {
    expect(renderError('{{ lt true false }}', d)).toContain('error calling lt: invalid type for comparison');
  });

  test('lt of an int and a string is incompatible', () => {
    expect(renderError('{{ lt 1 "a" }}', d)).toContain('error calling lt: incompatible types for comparison');
  });

  test('html escapes the five HTML specials with numeric quotes', () => {
    expect(render('{{ html "<a href=\\"x\\">&\'" }}', d)).toBe('&lt;a href=&#34;x&#34;&gt;&amp;&#39;');
  });

  test('js escapes quotes, angle brackets, ampersand and equals', () => {
    expect(render('{{ js "it\'s <b>=&" }}', d)).toBe("it\\'s \\u003Cb\\u003E\\u003D\\u0026");
  });

  test('urlquery escapes like url.QueryEscape', () => {
    expect(render('{{ urlquery "a b&c=d/é" }}', d)).toBe('a+b%26c%3Dd%2F%C3%A9');
  });

  test('html of a missing value escapes "<no value>"', () => {
    expect(render('{{ html .missing }}', d)).toBe('&lt;no value&gt;');
  });

  test('call of a non-function is an error', () => {
    expect(renderError('{{ call .a }}', d)).toContain('error calling call: non-function of type string');
  });
});
