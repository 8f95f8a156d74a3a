import { describe, expect, test } from 'vitest';
import { matchesLabels, matchesLine, parseSelector, SelectorError } from '../../../src/loki/logql/selector.ts';

const labels = (o: Record<string, string>) => new Map(Object.entries(o));

function parseError(s: string): SelectorError {
  try {
    parseSelector(s);
  } catch (e) {
    return e as SelectorError;
  }
  throw new Error('expected a parse error');
}

describe('LogQL selector for stage.match', () => {
  test('equality matcher compares the whole value', () => {
    const s = parseSelector('{app="web"}');
    expect(matchesLabels(s, labels({ app: 'web' }))).toBe(true);
    expect(matchesLabels(s, labels({ app: 'webx' }))).toBe(false);
  });

  test('regex matcher is anchored at both ends', () => {
    const s = parseSelector('{ns=~"prod"}');
    expect(matchesLabels(s, labels({ ns: 'prod' }))).toBe(true);
    expect(matchesLabels(s, labels({ ns: 'preprod' }))).toBe(false);
  });

  test('a missing label is matched as the empty string', () => {
    expect(matchesLabels(parseSelector('{ns=~".+"}'), labels({}))).toBe(false);
    expect(matchesLabels(parseSelector('{ns=~".*"}'), labels({}))).toBe(true);
    expect(matchesLabels(parseSelector('{ns!="x"}'), labels({}))).toBe(true);
  });

  test('regex matcher dot matches a newline in the value', () => {
    expect(matchesLabels(parseSelector('{v=~"a.b"}'), labels({ v: 'a\nb' }))).toBe(true);
  });

  test('negative regex matcher', () => {
    const s = parseSelector('{env!~"dev|test"}');
    expect(matchesLabels(s, labels({ env: 'prod' }))).toBe(true);
    expect(matchesLabels(s, labels({ env: 'dev' }))).toBe(false);
  });

  test('all matchers must hold', () => {
    const s = parseSelector('{a="1", b!="2"}');
    expect(matchesLabels(s, labels({ a: '1', b: '3' }))).toBe(true);
    expect(matchesLabels(s, labels({ a: '1', b: '2' }))).toBe(false);
  });

  test('chained line filters all apply', () => {
    const s = parseSelector('{a="1"} |= "error" != "debug" |~ "code=[0-9]+" !~ "ignore"');
    expect(matchesLine(s, 'error code=42')).toBe(true);
    expect(matchesLine(s, 'error debug code=42')).toBe(false);
    expect(matchesLine(s, 'error code=x')).toBe(false);
    expect(matchesLine(s, 'error code=1 ignore')).toBe(false);
  });

  test('line filter regex is unanchored', () => {
    expect(matchesLine(parseSelector('{a="1"} |~ "pass"'), 'my password')).toBe(true);
  });

  test('a raw string value is not a STRING to Alloy: the selector is refused', () => {
    expect(parseError('{path=~`/api/.*`}').message).toBe('parse error at line 1, col 8: syntax error: unexpected IDENTIFIER, expecting STRING');
  });

  test('escapes in quoted values are decoded', () => {
    const s = parseSelector('{q="a\\"b"}');
    expect(s.matchers[0]!.value).toBe('a"b');
  });

  test('an empty selector is a syntax error', () => {
    expect(parseError('{}').message).toMatch(/^parse error at line 1, col 2: syntax error: unexpected }/);
  });

  test('a missing closing brace is a syntax error at the end', () => {
    expect(parseError('{a="b"').message).toBe('parse error at line 1, col 7: syntax error: unexpected $end, expecting } or ,');
  });

  test('an unquoted value is a syntax error', () => {
    expect(parseError('{a=b}').message).toBe('parse error at line 1, col 4: syntax error: unexpected IDENTIFIER, expecting STRING');
  });

  test('a label matcher regex Go cannot compile is reported as such', () => {
    const e = parseError('{a=~"("}');
    expect(e.kind).toBe('matcher-regex');
    expect(e.message).toContain('error parsing regexp: missing closing )');
  });
});

describe('LogQL selector lexing', () => {
  test('an invalid escape in a quoted value is reported by the scanner', () => {
    expect(parseError('{a="\\q"}').message).toBe('parse error at line 1, col 4: invalid char escape');
  });

  test('an unterminated string is reported', () => {
    expect(parseError('{a="b}').message).toBe('parse error at line 1, col 4: literal not terminated');
  });

  test('comments are skipped', () => {
    expect(parseSelector('{a="b" /* note */}').matchers).toHaveLength(1);
  });
});

// Expected messages below are what Alloy's own internal/loki/logql parser printed for the same input.
describe('LogQL selector errors as Alloy prints them', () => {
  test('an error on a two-character operator reports line 0', () => {
    expect(parseError('!= "x"').message).toBe('parse error at line 0, col 1: syntax error: unexpected !=, expecting {');
  });

  test('empty input reports line 0, col 0', () => {
    expect(parseError('').message).toBe('parse error at line 0, col 0: syntax error: unexpected $end, expecting {');
  });

  test('tokens after the first syntax error are never scanned', () => {
    expect(parseError('."{').message).toBe('parse error at line 1, col 1: syntax error: unexpected ., expecting {');
  });

  test('a number is scanned as its own token', () => {
    expect(parseError('{1a="b"}').message).toBe('parse error at line 1, col 3: syntax error: unexpected IDENTIFIER, expecting = or != or =~ or !~');
  });
});
