import { describe, expect, test } from 'vitest';
import { toJSON } from '../../../src/template/funcs/json.ts';
import { fromTemplateValue } from '../../../src/template/values.ts';
import type { TemplateValue } from '../../../src/template/types.ts';

const j = (v: Parameters<typeof fromTemplateValue>[0], raw = false) => toJSON(fromTemplateValue(v), raw);

describe('encoding/json for template values', () => {
  test('maps are sorted by key', () => {
    expect(j(new Map<string, TemplateValue>([['b', 1n], ['a', 'x']]))).toBe('{"a":"x","b":1}');
  });

  test('HTML characters are escaped unless raw', () => {
    expect([j('<&>'), j('<&>', true)]).toEqual(['"\\u003c\\u0026\\u003e"', '"<&>"']);
  });

  test('floats use Go\'s JSON number format', () => {
    expect([j(1e21), j(1e20), j(1e-7), j(0.5)]).toEqual(['1e+21', '100000000000000000000', '1e-7', '0.5']);
  });

  test('invalid UTF-8 becomes \\ufffd', () => {
    expect(j('a\udcff')).toBe('"a\\ufffd"');
  });

  test('nil is null and NaN cannot be encoded', () => {
    expect([j(null), j(NaN)]).toEqual(['null', null]);
  });
});
