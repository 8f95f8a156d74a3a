import { afterEach, describe, expect, it } from 'vitest';
import { MAX_INPUT_UNITS, setWasmModuleForTesting, wasmIsDead } from '../../../src/regex/backends/re2-wasm.ts';
import { availableEngines, compileRegex } from '../../../src/regex/index.ts';

const hasWasm = availableEngines().includes('re2-wasm');

afterEach(() => setWasmModuleForTesting(undefined)); // back to the real module

describe.runIf(hasWasm)('re2-wasm traps are neutralised', () => {
  it('iterates a pattern that matches empty over a long line without hanging', () => {
    const line = 'ab'.repeat(5000);
    expect(compileRegex('x*', { engine: 're2-wasm' }).findAllStringIndex(line, -1)).toHaveLength(line.length + 1);
  });

  it('reports string indices, not code points, after astral characters', () => {
    expect(compileRegex('b+', { engine: 're2-wasm' }).findAllStringIndex('😀😀bb😀b', -1)).toEqual([
      [4, 6],
      [8, 9],
    ]);
  });

  it('survives more distinct compiles than its heap holds without deletion', () => {
    const results: boolean[] = [];
    for (let i = 0; i < 1600; i++) {
      results.push(compileRegex(`wasm-many-${i}-(\\d+)`, { engine: 're2-wasm' }).matchString(`x wasm-many-${i}-42`));
    }
    expect([results.every(Boolean), wasmIsDead()]).toEqual([true, false]);
  });

  it('searches inputs above the wasm input bound correctly', () => {
    const big = 'a'.repeat(MAX_INPUT_UNITS + 10) + 'secret=1';
    expect(compileRegex('secret=(\\d)', { engine: 're2-wasm' }).findStringSubmatchIndex(big)).toEqual([
      MAX_INPUT_UNITS + 10,
      MAX_INPUT_UNITS + 18,
      MAX_INPUT_UNITS + 17,
      MAX_INPUT_UNITS + 18,
    ]);
  });

  it('gives correct answers after the module aborts, and stops using it', () => {
    let calls = 0;
    class AbortingModule {
      ok() {
        return true;
      }
      error() {
        return '';
      }
      match(): never {
        calls++;
        throw new Error('RuntimeError: abort(OOM)');
      }
      delete() {}
    }
    setWasmModuleForTesting(AbortingModule);
    const re = compileRegex('ab+c-abort', { engine: 're2-wasm' });
    const first = re.findAllStringIndex('xabbc-abort abc-abort', -1);
    const second = re.findAllStringIndex('abc-abort', -1);
    expect([first, second, calls, wasmIsDead()]).toEqual([[[1, 11], [12, 21]], [[0, 9]], 1, true]);
  });

  it('falls back to re2js when C++ RE2 refuses a pattern Go accepts', () => {
    class RefusingModule {
      ok() {
        return false;
      }
      error() {
        return 'pattern too large - compile failed';
      }
      match(): never {
        throw new Error('unreachable');
      }
      delete() {}
    }
    setWasmModuleForTesting(RefusingModule);
    const re = compileRegex('refused-(x)', { engine: 're2-wasm' });
    expect([re.engine, re.findStringSubmatchIndex('a refused-x')]).toEqual(['re2js', [2, 11, 10, 11]]);
  });
});

describe.runIf(hasWasm)('re2-wasm declines patterns too big for its heap', () => {
  it('runs a huge repetition of a large class on re2js and keeps the module alive', () => {
    const re = compileRegex('\\pL{1000}', { engine: 're2-wasm' });
    expect([re.engine, re.matchString('é'.repeat(1000)), wasmIsDead()]).toEqual(['re2js', true, false]);
  });
});
