import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { ExpositionError, formatSeries, parseExposition, type SampleLine } from '../../src/relabel/exposition.ts';

function sample(text: string): SampleLine {
  const [l] = parseExposition(text);
  if (l?.kind !== 'sample') throw new Error('not a sample');
  return l;
}

describe('parseExposition', () => {
  test('puts the metric name in __name__', () => {
    expect(Object.fromEntries(sample('up{job="api"} 1').labels)).toEqual({ __name__: 'up', job: 'api' });
  });

  test('reads a series without labels', () => {
    expect([...sample('process_start_time_seconds 1.7e9').labels]).toEqual([['__name__', 'process_start_time_seconds']]);
  });

  test('decodes the \\\\, \\" and \\n escapes in label values', () => {
    expect(sample('m{a="x\\\\y\\"z\\nw"} 1').labels.get('a')).toBe('x\\y"z\nw');
  });

  test('keeps the backslash of any other escape', () => {
    expect(sample('m{a="c:\\temp"} 1').labels.get('a')).toBe('c:\\temp');
  });

  test('reads the value and the timestamp', () => {
    expect(sample('m{a="1"} 3.5 1700000000000')).toMatchObject({ value: '3.5', timestamp: '1700000000000' });
  });

  test('accepts NaN and signed infinities as values', () => {
    expect(['NaN', '+Inf', '-Inf'].map((v) => sample(`m ${v}`).value)).toEqual(['NaN', '+Inf', '-Inf']);
  });

  test('accepts a trailing comma inside the braces', () => {
    expect(sample('m{a="1",} 1').labels.get('a')).toBe('1');
  });

  test('reads quoted UTF-8 metric and label names', () => {
    expect(Object.fromEntries(sample('{"http.requests", "user.id"="7"} 1').labels)).toEqual({ __name__: 'http.requests', 'user.id': '7' });
  });

  test('keeps an OpenMetrics exemplar', () => {
    expect(sample('m_bucket{le="1"} 2 # {trace_id="abc"} 0.5').exemplar).toBe('{trace_id="abc"} 0.5');
  });

  test('passes HELP, TYPE, EOF and blank lines through as comments', () => {
    const lines = parseExposition('# HELP m help\n# TYPE m counter\n\nm 1\n# EOF\n');
    expect(lines.map((l) => l.kind)).toEqual(['comment', 'comment', 'comment', 'sample', 'comment']);
  });

  test('rejects a duplicate label name with its position', () => {
    expect(() => parseExposition('ok 1\nm{a="1",a="2"} 1')).toThrow(expect.objectContaining({ line: 2, message: 'duplicate label name "a"' }));
  });

  test('rejects a value that is not a number', () => {
    expect(() => parseExposition('m{a="1"} one')).toThrow(ExpositionError);
  });

  test('rejects an unterminated label value', () => {
    expect(() => parseExposition('m{a="1} 1')).toThrow(/unterminated/);
  });
});

describe('formatSeries', () => {
  test('writes the name, sorted labels as given, the value and the timestamp', () => {
    expect(formatSeries(new Map([['__name__', 'm'], ['a', '1']]), '2', '3')).toBe('m{a="1"} 2 3');
  });

  test('writes a series whose __name__ was removed with braces only', () => {
    expect(formatSeries(new Map([['a', '1']]), '2')).toBe('{a="1"} 2');
  });

  test('quotes names outside the legacy character set', () => {
    expect(formatSeries(new Map([['__name__', 'a.b'], ['c-d', 'x']]), '1')).toBe('{"a.b","c-d"="x"} 1');
  });

  const labelName = fc.oneof(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,5}$/), fc.string({ minLength: 1, maxLength: 5 }));
  test.prop([fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,6}$/), fc.dictionary(labelName, fc.string({ maxLength: 6 }), { maxKeys: 4 })])(
    'parsing a written series gives the same labels back',
    (name, obj) => {
      const labels = new Map([['__name__', name], ...Object.entries(obj).filter(([k]) => k !== '__name__')]);
      expect(sample(formatSeries(labels, '1')).labels).toEqual(labels);
    },
  );
});
