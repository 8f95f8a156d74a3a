import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { availableEngines, compileRegex } from '../../../src/regex/index.ts';
import { inputArb, patternArb, templateArb } from '../support/generate.ts';

// Backends against each other (no Go needed, and fast-check shrinks a failure to a small case).
const engines = availableEngines();

function answers(engine: (typeof engines)[number], pattern: string, input: string, template: string): unknown {
  let re;
  try {
    re = compileRegex(pattern, { engine });
  } catch (e) {
    return { error: (e as Error).message };
  }
  return {
    all: re.findAllStringSubmatchIndex(input, -1),
    replaced: re.replaceAllString(input, template),
  };
}

test.prop([patternArb, inputArb, templateArb], { numRuns: 200 })(
  'every backend finds the same matches and replacements as re2js',
  (pattern, input, template) => {
    const reference = answers('re2js', pattern.pattern, input, template);
    for (const engine of engines) expect(answers(engine, pattern.pattern, input, template)).toEqual(reference);
  },
);
