// Properties that must hold for every input, checked on generated inputs (fixed seeds).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lineAfter, stage } from '../helpers.ts';

/** A digit string of the given length whose last digit makes it pass the Luhn check. */
function withLuhnCheckDigit(body: number[]): string {
  let sum = 0;
  for (let i = body.length - 1, k = 0; i >= 0; i--, k++) {
    let d = body[i]!;
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body.join('') + String((10 - (sum % 10)) % 10);
}

const card = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 17 }).map(withLuhnCheckDigit);
const noDigits = fc.string({ maxLength: 12 }).map((s) => s.replace(/\p{Nd}/gu, '_'));

describe('properties', () => {
  test.prop([noDigits, card, noDigits], { seed: 4242, numRuns: 300 })(
    'stage.luhn leaves no Luhn-valid 13 to 18 digit run behind',
    (before, number, after) => {
      const out = lineAfter([stage('luhn')], before + number + after);
      expect(out).not.toContain(number);
    },
  );

  const patterns = ['(a)', '((a)b)', '(a*)', '(?P<x>\\w+)=(\\S*)', '(é|x)+', '()', '(?i)(pass)\\s*[:=]\\s*(\\S+)'];
  test.prop([fc.constantFrom(...patterns), fc.string({ unit: fc.constantFrom('a', 'b', 'x', 'é', '=', ' ', 'PASS', ':', '日') })], {
    seed: 7,
    numRuns: 300,
  })('stage.replace with the template {{ .Value }} gives the line back unchanged', (expression, line) => {
    expect(lineAfter([stage('replace', { expression, replace: '{{ .Value }}' })], line)).toBe(line);
  });
});
