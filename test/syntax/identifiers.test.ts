import { describe, expect, it } from 'vitest';
import { isValidIdentifier } from '../../src/syntax/identifiers.ts';

describe('isValidIdentifier', () => {
  it('accepts letters, digits after the first character and underscores', () => {
    expect(['a', '_x', 'scrub_secrets', 'été2'].map(isValidIdentifier)).toEqual([true, true, true, true]);
  });

  it('rejects keywords, leading digits, spaces, dashes and the empty string', () => {
    expect(['true', 'null', '1a', 'a b', 'a-b', ''].map(isValidIdentifier)).toEqual([false, false, false, false, false, false]);
  });
});
