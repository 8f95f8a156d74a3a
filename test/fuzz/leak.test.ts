// The leak property's pieces: which fragments are looked for, and where in a sink record.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { escaped, placed } from '../../src/fuzz/contexts/entry.ts';
import { jsonEscape } from '../../src/fuzz/contexts/encoders.ts';
import { leakIn, needles } from '../../src/fuzz/leak.ts';
import type { PathOutput } from '../../src/loki/graph.ts';
import { newEntry } from '../../src/loki/types.ts';

const sample = (secret: string) => placed({ type: 'password', value: secret, secret });
const sinkRecord = (line: string, labels: [string, string][] = [], metadata: [string, string][] = []): PathOutput => {
  const entry = newEntry(line, labels);
  for (const [k, v] of metadata) entry.structuredMetadata.set(k, v);
  return { sink: 'loki.write.out', sinkKind: 'write', entry };
};

describe('needles', () => {
  it('looks for every window of min-fragment characters', () => {
    expect(needles([sample('abcdefghij')], 8)).toEqual(['abcdefgh', 'bcdefghi', 'cdefghij']);
  });

  it('looks for a secret shorter than min-fragment whole', () => {
    expect(needles([sample('s3cr')], 8)).toEqual(['s3cr']);
  });

  it('looks for the escaped spelling as well as the raw one', () => {
    const list = needles(escaped([sample('a"b')], jsonEscape), 8);
    expect(list).toEqual(['a"b', 'a\\"b']);
  });

  test.prop([fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 12 }), fc.string(), fc.string()])(
    'a line that holds the secret always holds a needle',
    (secret, n, before, after) => {
      const list = needles([sample(secret)], n);
      expect(list.some((x) => `${before}${secret}${after}`.includes(x))).toBe(true);
    },
  );
});

describe('leakIn', () => {
  it('finds a surviving fragment in the line', () => {
    expect(leakIn(sinkRecord('pw=REDACTEDcdefghij'), ['cdefghij'])?.where).toBe('line');
  });

  it('finds a secret copied into a label value', () => {
    expect(leakIn(sinkRecord('pw=REDACTED', [['tok', 'abcdefghij']]), ['abcdefgh'])?.where).toBe('label tok');
  });

  it('finds a secret in structured metadata', () => {
    expect(leakIn(sinkRecord('pw=REDACTED', [], [['auth', 'xxabcdefghxx']]), ['abcdefgh'])?.where).toBe('structured metadata auth');
  });

  it('reports nothing when no needle survived', () => {
    expect(leakIn(sinkRecord('pw=REDACTED', [['app', 'api']]), ['abcdefgh'])).toBeUndefined();
  });
});
