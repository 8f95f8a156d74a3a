import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { analyseRegex, mayMatch } from '../../src/regex/analyse.ts';
import { literalScreen } from '../../src/regex/literal-screen.ts';
import { encodeLine } from '../../src/loki/line-codec.ts';
import { inputArb, patternArb } from './support/generate.ts';

function screenOf(pattern: string) {
  return literalScreen(analyseRegex(pattern).requiredLiterals);
}

/** Patterns Go accepts whose analysis gives required literals. */
const screenedCase = fc
  .tuple(patternArb, inputArb, inputArb)
  .map(([p, a, b]) => {
    try {
      return { pattern: p.pattern, input: a + b, req: analyseRegex(p.pattern).requiredLiterals };
    } catch {
      return null;
    }
  })
  .filter((c): c is NonNullable<typeof c> => c !== null && c.req !== null);

describe('literalScreen', () => {
  test.prop([screenedCase], { numRuns: 2000 })('answers on strings exactly as mayMatch does', ({ req, input }) => {
    const screen = literalScreen(req);
    if (screen === null) return; // no screen: the regexp is always asked
    expect(screen.mayMatchString(input)).toBe(mayMatch(req, input));
  });

  test.prop([screenedCase], { numRuns: 2000 })('on bytes, never says no where mayMatch says yes', ({ req, input }) => {
    const screen = literalScreen(req);
    if (screen === null) return;
    if (mayMatch(req, input)) expect(screen.mayMatchBytes(encodeLine(input))).toBe(true);
  });

  it('finds a (?i) s-literal spelled with LONG S U+017F', () => {
    const screen = screenOf('(?i)secret=(\\w+)')!;
    expect(screen.mayMatchString('\u017Fecret=1')).toBe(true);
    expect(screen.mayMatchBytes(Buffer.from('\u017Fecret=1'))).toBe(true);
  });

  it('finds a (?i) k-literal spelled with the KELVIN SIGN U+212A', () => {
    const screen = screenOf('(?i)api_key: (\\S+)')!;
    expect(screen.mayMatchString('api_\u212Aey: x')).toBe(true);
    expect(screen.mayMatchBytes(Buffer.from('api_\u212Aey: x'))).toBe(true);
  });

  it('rejects a line without any literal of a case-insensitive rule', () => {
    expect(screenOf('(?i)(password|token)=(\\S+)')!.mayMatchString('GET /api/v1/users 200')).toBe(false);
  });

  it('does not fold a case-sensitive literal', () => {
    expect(screenOf('AKIA([A-Z0-9]{16})')!.mayMatchBytes(Buffer.from('akia0123456789abcdef'))).toBe(false);
  });

  it('builds no screen for a literal containing U+FFFD, which an invalid byte also matches', () => {
    expect(screenOf('x\\x{FFFD}y(z)')).toBeNull();
  });

  it('builds no screen when the analyser proves no literal', () => {
    expect(screenOf('([0-9]+)')).toBeNull();
  });
});
