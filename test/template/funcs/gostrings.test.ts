import { describe, expect, test } from 'vitest';
import { replace, split, title, toLower, toUpper, trim, trimSpace } from '../../../src/template/funcs/gostrings.ts';

describe('Go strings functions', () => {
  test('ToUpper of a non-ASCII string replaces invalid bytes with U+FFFD', () => {
    expect(toUpper('é\udcff')).toBe('É\ufffd');
  });

  test('ToLower maps İ to i as Go\'s simple mapping does', () => {
    expect(toLower('İ')).toBe('i');
  });

  test('ToUpper maps ᾳ to ᾼ (simple mapping) not ΑΙ', () => {
    expect(toUpper('ᾳ')).toBe('ᾼ');
  });

  test('TrimSpace trims U+0085 and NBSP but not U+FEFF', () => {
    expect(trimSpace('\u0085\u00a0x\ufeff')).toBe('x\ufeff');
  });

  test('Trim with an empty cutset returns the string', () => {
    expect(trim('xax', '')).toBe('xax');
  });

  test('Replace with a count stops after n replacements', () => {
    expect(replace('aaaa', 'a', 'b', 3)).toBe('bbba');
  });

  test('Split on the empty separator splits into runes', () => {
    expect(split('aé', '')).toEqual(['a', 'é']);
  });

  test('Title upper-cases letters that follow separators', () => {
    expect(title("hello o'neil x-ray")).toBe("Hello O'Neil X-Ray");
  });
});
