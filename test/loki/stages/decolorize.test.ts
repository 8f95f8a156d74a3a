import { describe, expect, test } from 'vitest';
import { lineAfter, stage } from '../helpers.ts';

describe('stage.decolorize', () => {
  test('ANSI colour sequences are removed', () => {
    expect(lineAfter([stage('decolorize')], '\u001b[31mERROR\u001b[0m disk full')).toBe('ERROR disk full');
  });

  test('a line without escapes is unchanged', () => {
    expect(lineAfter([stage('decolorize')], 'plain [31m text')).toBe('plain [31m text');
  });
});
