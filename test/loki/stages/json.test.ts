import { describe, expect, test } from 'vitest';
import { compileError, entry, runOne, simulate, stage } from '../helpers.ts';

describe('stage.json', () => {
  test('expressions extract fields by path', () => {
    const e = runOne([stage('json', { expressions: { user: 'ctx.user', first: 'items[0]', level: '' } })], '{"level":"warn","ctx":{"user":"ann"},"items":[7,8]}');
    expect(e.extracted.get('user')).toBe('ann');
    expect(e.extracted.get('first')).toBe(7);
    expect(e.extracted.get('level')).toBe('warn');
  });

  test('objects and arrays are stored as JSON text with HTML-safe escaping', () => {
    const e = runOne([stage('json', { expressions: { body: '' } })], '{"body":{"a":"<b>","n":[1,2.5]}}');
    expect(e.extracted.get('body')).toBe('{"a":"\\u003cb\\u003e","n":[1,2.5]}');
  });

  test('a missing path stores null', () => {
    const e = runOne([stage('json', { expressions: { nope: 'x.y' } })], '{"a":1}');
    expect(e.extracted.has('nope')).toBe(true);
    expect(e.extracted.get('nope')).toBe(null);
  });

  test('regex extracts matching top-level keys', () => {
    const e = runOne([stage('json', { regex: '^pass' })], '{"password":"p","user":"u"}');
    expect(e.extracted.get('password')).toBe('p');
    expect(e.extracted.has('user')).toBe(false);
  });

  test('a line that is not a JSON object is left alone', () => {
    const e = runOne([stage('json', { expressions: { a: '' } })], 'not json');
    expect(e.extracted.has('a')).toBe(false);
  });

  test('drop_malformed drops a line that is not JSON', () => {
    const out = simulate([stage('json', { expressions: { a: '' }, drop_malformed: true })]).process(entry('[1,2]'));
    expect(out.map((o) => o.kind)).toEqual(['drop']);
  });

  test('source parses an extracted value', () => {
    const s = [stage('regex', { expression: 'payload=(?P<p>\\{.*\\})' }), stage('json', { source: 'p', expressions: { k: '' } })];
    expect(runOne(s, 'payload={"k":"v"}').extracted.get('k')).toBe('v');
  });

  test('projections and filters are evaluated', () => {
    const line = '{"items":[{"name":"a","secret":true},{"name":"b","secret":false}]}';
    const e = runOne([stage('json', { expressions: { names: 'items[*].name', hidden: 'items[?secret].name | [0]' } })], line);
    expect(e.extracted.get('names')).toBe('["a","b"]');
    expect(e.extracted.get('hidden')).toBe('a');
    expect(e.unknown).toHaveLength(0);
  });

  // Results below are what go-jmespath v1.1.1 (Alloy's) gives for the same expressions.
  test('a quoted key with a dash is a field; unquoted it is a subtraction of two missing fields: null', () => {
    const line = '{"user-agent":"curl"}';
    expect(runOne([stage('json', { expressions: { ua: '"user-agent"' } })], line).extracted.get('ua')).toBe('curl');
    const e = runOne([stage('json', { expressions: { 'user-agent': '' } })], line);
    expect(e.extracted.has('user-agent')).toBe(true);
    expect(e.extracted.get('user-agent')).toBe(null);
  });

  test('a function given the wrong type is a search error and the name is skipped', () => {
    expect(runOne([stage('json', { expressions: { n: 'length(x)' } })], '{"x":1}').extracted.has('n')).toBe(false);
  });

  test('on a null document @ is the nil map, encoded as "null"', () => {
    expect(runOne([stage('json', { expressions: { all: '@' } })], 'null').extracted.get('all')).toBe('null');
  });

  test('a __proto__ key is plain data', () => {
    const e = runOne([stage('json', { expressions: { p: '"__proto__".x', q: 'length(keys(@))' } })], '{"__proto__":{"x":"y"}}');
    expect(e.extracted.get('p')).toBe('y');
    expect(e.extracted.get('q')).toBe(1);
  });

  test('an expression that does not compile is refused', () => {
    expect(compileError([stage('json', { expressions: { a: 'a.[' } })])).toMatch(/^invalid stage config could not compile JMES expression: /);
  });

  test('neither expressions nor regex is refused', () => {
    expect(compileError([stage('json')])).toBe('invalid stage config JMES expressions or regex is required');
  });
});

describe('stage.json limits', () => {
  test('nesting deeper than Go allows (10000) is malformed', () => {
    const deep = '{"a":' + '['.repeat(10000) + ']'.repeat(10000) + '}';
    const out = simulate([stage('json', { expressions: { a: '' }, drop_malformed: true })]).process(entry(deep));
    expect(out.map((o) => o.kind)).toEqual(['drop']);
  });

  test('nesting Go accepts but the simulation cannot follow marks the entry unknown, not malformed', () => {
    const deep = '{"a":' + '['.repeat(9990) + ']'.repeat(9990) + '}';
    const out = simulate([stage('json', { expressions: { a: '' }, drop_malformed: true })]).process(entry(deep));
    expect(out.map((o) => o.kind)).toEqual(['forward']);
  });
});

describe('stage.json re-encoding (json-iterator)', () => {
  // Expected strings are what json-iterator v1.1.12 (Alloy's) printed for the same input.
  test('small and large floats keep a two-digit exponent', () => {
    const e = runOne([stage('json', { expressions: { a: '' } })], '{"a":[1e-7,1e21,-3.1016599587054693e-8,0.000001,-0]}');
    expect(e.extracted.get('a')).toBe('[1e-07,1e+21,-3.1016599587054693e-08,0.000001,-0]');
  });

  test('control characters, HTML characters and U+2028 are escaped', () => {
    const e = runOne([stage('json', { expressions: { a: '' } })], '{"a":["\\u0001<&>\\u2028\\n"]}');
    expect(e.extracted.get('a')).toBe('["\\u0001\\u003c\\u0026\\u003e\\u2028\\n"]');
  });
});

describe('stage.json to_string', () => {
  // Expected text is what go-jmespath v1.1.1 printed (encoding/json: sorted keys, HTML escaped).
  test('to_string of an object encodes like Go encoding/json', () => {
    const e = runOne([stage('json', { expressions: { s: 'to_string(o)' } })], '{"o":{"z":1,"a":"<é>","m":[1e-7,2.5,{"y":null,"b":true}]}}');
    expect(e.extracted.get('s')).toBe('{"a":"\\u003cé\\u003e","m":[1e-7,2.5,{"b":true,"y":null}],"z":1}');
  });
});
