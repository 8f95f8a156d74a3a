import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../../src/regex/index.ts';

// Go factors a common leading character out of adjacent alternatives and compares literals
// without their (?i) flag, so a later alternative takes the first one's case sensitivity.
describe("Go's alternation factoring quirk", () => {
  it('makes (?i)s after S(?i:x) match only a capital S', () => {
    expect(compileRegex('S(?i:x)|(?i)s').findAllStringIndex('s S', -1)).toEqual([[2, 3]]);
  });

  it('makes a case-sensitive S after (?i)s(?-i:x) match a lower-case s too', () => {
    expect(compileRegex('(?i)s(?-i:x)|Sy').findAllStringIndex('sy', -1)).toEqual([[0, 2]]);
  });

  it('applies to fixed repeats of a character', () => {
    expect(compileRegex('S{2}x|(?i)s{2}').matchString('ss')).toBe(false);
  });

  it('leaves alternatives with different leading text alone', () => {
    expect(compileRegex('Ax|(?i)s').matchString('s')).toBe(true);
  });

  it('leaves single-character alternatives alone (Go merges those into a class correctly)', () => {
    expect(compileRegex('S|(?i)s').matchString('s')).toBe(true);
  });
});
