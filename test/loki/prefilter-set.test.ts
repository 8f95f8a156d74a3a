import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { decodeLine } from '../../src/loki/line-codec.ts';
import { screenReplaceStagesWithSet } from '../../src/loki/replace-set.ts';
import { compileStages } from '../../src/loki/stages/index.ts';
import { setStagePrefilters } from '../../src/loki/stages/prefilter-switch.ts';
import { defaultContext, type CompiledStage } from '../../src/loki/stages/stage.ts';
import { newEntry } from '../../src/loki/types.ts';
import { availableEngines, getDefaultEngine, setDefaultEngine } from '../../src/regex/index.ts';

const nativeHere = availableEngines().includes('re2');
const REALISTIC = readFileSync(new URL('../../bench/rules/realistic.alloy', import.meta.url), 'utf8');
const blocks = loadConfig(REALISTIC, 'realistic.alloy', { env: {} }).components.get('loki.process.scrub_realistic')!.blocks;

function runStages(stages: readonly CompiledStage[], line: string): string {
  let entry = newEntry(line, [], 0n);
  for (const s of stages) {
    const [out] = s.process(entry);
    if (out?.kind !== 'forward') throw new Error('stage.replace always forwards');
    entry = out.entry;
  }
  return entry.line;
}

const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'password=', 'PA\u017F\u017FWORD: ', 'api_\u212Aey=', 'abcdefghijklmnop1234', ' Bearer ', 'basic ', 'AKIA', 'ABCDEFGHIJKLMNOP',
      'ghp_', '0123456789abcdefghijABCDEFGHIJ012345', 'eyJ', 'abc.def', '.', '@', 'a@b.co', '10.0.0.1', '256.1.1.1', '4111111111111111',
      '123-45-6789', 'DE89 3704 0044 0532 0130 00', '+49 170 1234 5678', 'postgres://u:p@h', '-----BEGIN RSA PRIVATE KEY-----',
      '"token": "x"', ' ', '\t', 'é', '😀', '\uDC80', '\uDCFF', '\uFFFD', 'K', 'ſ',
    ),
  },
);
const lineArb = fc.array(fragment, { maxLength: 14 }).map((parts) => decodeLine(Buffer.from(parts.join('').replace(/\n/g, ' '), 'utf8')));

describe.runIf(nativeHere)('screenReplaceStagesWithSet (native re2 present)', () => {
  let engineBefore = getDefaultEngine();
  let plain: CompiledStage[];
  let screened: CompiledStage[];
  beforeAll(() => {
    engineBefore = getDefaultEngine();
    setDefaultEngine('re2');
    const restore = setStagePrefilters(false);
    plain = compileStages(blocks, defaultContext());
    restore();
    screened = screenReplaceStagesWithSet(blocks, compileStages(blocks, defaultContext()));
  });
  afterAll(() => setDefaultEngine(engineBefore));

  it('wraps the stages of the realistic rule set', () => {
    expect(screened.some((s, i) => s !== plain[i])).toBe(true);
  });

  test.prop([lineArb], { numRuns: 1500 })('gives the same line as the stages without any prefilter', (line) => {
    expect(runStages(screened, line)).toBe(runStages(plain, line));
  });
});

describe('screenReplaceStagesWithSet without the native engine as default', () => {
  it('leaves the stages as they are', () => {
    const before = getDefaultEngine();
    setDefaultEngine('re2js');
    try {
      const stages = compileStages(blocks, defaultContext());
      expect(screenReplaceStagesWithSet(blocks, stages)).toBe(stages);
    } finally {
      setDefaultEngine(before);
    }
  });
});
