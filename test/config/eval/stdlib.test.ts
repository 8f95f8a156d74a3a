import { describe, expect, it } from 'vitest';
import { evalError, evalExpr, show } from './helpers.ts';

describe('environment and constants', () => {
  it('reads env() from the given environment', () => {
    expect(evalExpr('env("TOKEN")', { env: { TOKEN: 'abc' } })).toBe('abc');
  });
  it('reads a missing variable as an empty string, as os.Getenv', () => {
    expect(evalExpr('sys.env("NOPE")', { env: {} })).toBe('');
  });
  it('makes constants.hostname unknown unless supplied', () => {
    expect(show(evalExpr('constants.hostname'))).toMatchObject({ unknown: expect.stringContaining('constants.hostname') });
  });
  it('uses a supplied constants.hostname', () => {
    expect(evalExpr('constants.hostname', { constants: { hostname: 'node-1' } })).toBe('node-1');
  });
});

describe('string functions', () => {
  it('formats with Go verbs', () => {
    expect(evalExpr('string.format("%s:%d/%05.1f", "a", 42, 3.14159)')).toBe('a:42/003.1');
  });
  it('reports a wrong verb in-band as Go fmt does', () => {
    expect(evalExpr('string.format("%d", "x")')).toBe('%!d(string=x)');
  });
  it('reports missing arguments in-band as Go fmt does', () => {
    expect(evalExpr('string.format("%s-%s", "x")')).toBe('x-%!s(MISSING)');
  });
  it('prints arrays and objects the way Go prints []interface{} and maps', () => {
    expect(evalExpr('string.format("%v %v", [1, "a"], {b = 2, a = true})')).toBe('[1 a] map[a:true b:2]');
  });
  it('keeps the deprecated format alias', () => {
    expect(evalExpr('format("%q", "x")')).toBe('"x"');
  });
  it('joins a list with a separator', () => {
    expect(evalExpr('string.join(["a", "b", "c"], ",")')).toBe('a,b,c');
  });
  it('converts numbers to strings when a string is expected', () => {
    expect(evalExpr('string.join([1, 2.5], "-")')).toBe('1-2.5');
  });
  it('lowercases rune by rune without context-dependent mappings', () => {
    expect(evalExpr('string.to_lower("ÀΣB")')).toBe('àσb');
  });
  it('uppercases without expanding ß', () => {
    expect(evalExpr('string.to_upper("straße")')).toBe('STRAßE');
  });
  it('trims a cutset from both ends', () => {
    expect(evalExpr('string.trim("--a-b--", "-")')).toBe('a-b');
  });
  it('trims a prefix once', () => {
    expect(evalExpr('string.trim_prefix("prefix-prefix-x", "prefix-")')).toBe('prefix-x');
  });
  it('trims a suffix once', () => {
    expect(evalExpr('string.trim_suffix("a.log.log", ".log")')).toBe('a.log');
  });
  it('trims Go whitespace but not a byte order mark', () => {
    expect(evalExpr('string.trim_space("\\t x \\n\\ufeff")')).toBe('x \n\ufeff');
  });
  it('replaces every occurrence', () => {
    expect(evalExpr('string.replace("a.b.c", ".", "/")')).toBe('a/b/c');
  });
  it('inserts at every rune boundary when replacing the empty string', () => {
    expect(evalExpr('string.replace("ab", "", "-")')).toBe('-a-b-');
  });
  it('splits on a separator', () => {
    expect(evalExpr('string.split("a,b,,c", ",")')).toEqual(['a', 'b', '', 'c']);
  });
  it('splits into runes with an empty separator', () => {
    expect(evalExpr('string.split("a😀", "")')).toEqual(['a', '😀']);
  });
  it('reads null as an empty string argument, as Go decodes null to the zero value', () => {
    expect(evalExpr('string.to_upper(null)')).toBe('');
  });
  it('refuses a bool where a string is expected', () => {
    expect(evalError('string.to_upper(true)').message).toBe('true should be string, got bool');
  });
  it('refuses a wrong argument count naming the function', () => {
    expect(evalError('string.to_upper("a", "b")').message).toBe('string.to_upper expected 1 args, got 2');
  });
});

describe('arrays, encodings and coalesce', () => {
  it('concatenates arrays', () => {
    expect(show(evalExpr('array.concat([1], [], ["a"])'))).toEqual(['int:1', 'a']);
  });
  it('keeps the deprecated concat alias', () => {
    expect(show(evalExpr('concat([true], [false])'))).toEqual([true, false]);
  });
  it('refuses a non-array argument to concat', () => {
    expect(evalError('array.concat([1], 2)').message).toBe('2 should be array, got number');
  });
  it('decodes JSON numbers as floats, as Go decodes into any', () => {
    expect(show(evalExpr('encoding.from_json("{\\"a\\": [1, \\"x\\", null]}")'))).toEqual({ a: ['float:1', 'x', null] });
  });
  it('keeps the deprecated json_decode alias', () => {
    expect(evalExpr('json_decode("true")')).toBe(true);
  });
  it('reports invalid JSON as an error of the call', () => {
    expect(evalError('encoding.from_json("{")').message).toBe('encoding.from_json unexpected end of JSON input');
  });
  it('decodes YAML integers as ints', () => {
    expect(show(evalExpr('encoding.from_yaml("a: 1\\nb: [x, 2.5]")'))).toEqual({ a: 'int:1', b: ['x', 'float:2.5'] });
  });
  it('encodes objects to JSON with sorted keys and HTML escaping', () => {
    expect(evalExpr('encoding.to_json({b = "<x>", a = 1})')).toBe('{"a":1,"b":"\\u003cx\\u003e"}');
  });
  it('decodes base64', () => {
    expect(evalExpr('encoding.from_base64("aGk=")')).toBe('hi');
  });
  it('escapes for URL queries with + for spaces', () => {
    expect(evalExpr('encoding.url_encode("a b&c")')).toBe('a+b%26c');
  });
  it('returns the first non-empty argument of coalesce', () => {
    expect(evalExpr('coalesce("", null, [], "x", "y")')).toBe('x');
  });
  it('returns the last argument of coalesce when all are empty', () => {
    expect(show(evalExpr('coalesce("", 0)'))).toBe('int:0');
  });
  it('returns the string inside nonsensitive', () => {
    expect(evalExpr('convert.nonsensitive("s")')).toBe('s');
  });
  it('joins paths like filepath.Join', () => {
    expect(evalExpr('file.path_join("/etc/", "../alloy", "m.alloy")')).toBe('/alloy/m.alloy');
  });
  it('makes json_path unknown because it is not simulated', () => {
    expect(show(evalExpr('json_path("{}", ".a")'))).toMatchObject({ unknown: expect.stringContaining('json_path') });
  });
  it('makes an unknown stdlib member an unknown value rather than a crash', () => {
    expect(show(evalExpr('string.reverse("ab")'))).toMatchObject({ unknown: expect.stringContaining('string.reverse') });
  });
});

describe('case mapping against Go', () => {
  it('uppercases Greek letters with ypogegrammeni to one rune, as Go\'s simple mapping does', () => {
    expect(evalExpr('string.to_upper("ᾳ")')).toBe('ᾼ');
  });
  it('lowercases dotted capital I to plain i, as Go does', () => {
    expect(evalExpr('string.to_lower("İ")')).toBe('i');
  });
});

describe('bounds', () => {
  it('makes a replacement that would exceed the size bound unknown instead of building it', () => {
    expect(show(evalExpr('string.replace(string.format("%01000000d", 0), "0", string.format("%0100d", 0))'))).toMatchObject({ unknown: expect.stringContaining('larger than alloy-scrub simulates') });
  });
  it('makes a format result past the size bound unknown', () => {
    const many = Array.from({ length: 20 }, () => '%01000000d').join('');
    expect(show(evalExpr(`string.format("${many}", ${Array.from({ length: 20 }, () => '0').join(', ')})`))).toMatchObject({ unknown: expect.any(String) });
  });
});

describe('encoding.from_yaml as yaml.v3 decodes', () => {
  it('reads a leading-zero integer as octal', () => {
    expect(show(evalExpr('encoding.from_yaml("mode: 0755")'))).toEqual({ mode: 'int:493' });
  });
  it('reads 0b integers as binary', () => {
    expect(show(evalExpr('encoding.from_yaml("n: 0b101")'))).toEqual({ n: 'int:5' });
  });
  it('removes underscores from integers', () => {
    expect(show(evalExpr('encoding.from_yaml("n: 1_000")'))).toEqual({ n: 'int:1000' });
  });
  it('keeps yes as a string', () => {
    expect(show(evalExpr('encoding.from_yaml("v: yes")'))).toEqual({ v: 'yes' });
  });
  it('makes a mapping with non-string keys unknown', () => {
    expect(show(evalExpr('encoding.from_yaml("1: a")'))).toMatchObject({ unknown: expect.stringContaining('non-string keys') });
  });
  it('makes a timestamp unknown', () => {
    expect(show(evalExpr('encoding.from_yaml("t: 2024-01-02")'))).toMatchObject({ t: { unknown: expect.stringContaining('timestamps') } });
  });
  it('reports invalid YAML as an error of the call', () => {
    expect(evalError('encoding.from_yaml("a: [")').message).toMatch(/^encoding\.from_yaml yaml: /);
  });
});
