import { afterEach, describe, expect, it } from 'vitest';
import { setNativeModuleForTesting } from '../../../src/regex/backends/re2-native.ts';
import { availableEngines, compileRegex } from '../../../src/regex/index.ts';

afterEach(() => setNativeModuleForTesting(undefined)); // load the real addon again, if present

describe('the native re2 addon is optional', () => {
  it('is not offered when it does not load', () => {
    setNativeModuleForTesting(null);
    expect(availableEngines()).not.toContain('re2');
  });

  it('falls back to re2js when asked for while absent', () => {
    setNativeModuleForTesting(null);
    const re = compileRegex('native-absent-(\\d)', { engine: 're2' });
    expect([re.engine, re.findStringSubmatchIndex('x native-absent-7')]).toEqual(['re2js', [2, 17, 16, 17]]);
  });
});

describe.runIf(availableEngines().includes('re2'))('native re2 offsets', () => {
  it('converts byte offsets to string indices for multi-byte and astral text', () => {
    expect(compileRegex('(é+)(😀)', { engine: 're2' }).findStringSubmatchIndex('aéé😀')).toEqual([1, 5, 1, 3, 3, 5]);
  });

  it('never reports a \\B match inside a multi-byte character', () => {
    expect(compileRegex('\\B', { engine: 're2' }).findAllStringIndex('é😀', -1)).toEqual([
      [0, 0],
      [1, 1],
      [3, 3],
    ]);
  });
});
