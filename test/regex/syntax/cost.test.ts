import { describe, expect, it } from 'vitest';
import { automatonCost } from '../../../src/regex/syntax/cost.ts';
import { parseRegex } from '../../../src/regex/syntax/parser.ts';

const cost = (p: string) => automatonCost(parseRegex(p).root);

describe('automatonCost', () => {
  it('grows with the number of ranges in a class', () => {
    expect(cost('\\pL')).toBeGreaterThan(cost('[a-z]'));
  });

  it('multiplies by counted repetition', () => {
    expect(cost('[a-z]{100}')).toBeGreaterThan(99 * cost('[a-z]'));
  });

  it('keeps ordinary scrub rules small', () => {
    expect(cost('(?i)(password|secret|token)\\s*[:=]\\s*(\\S+)')).toBeLessThan(1000);
  });
});
