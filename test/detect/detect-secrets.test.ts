// Behaviour of detectSecrets as a whole: spans, overlap resolution, the `only` option, and
// properties that must hold on any input.

import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { detectSecrets } from '../../src/detect/index.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGIT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const chars = (alphabet: string, n: number) => fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(''));
/** Context around a secret: anything that does not glue onto it. */
const context = fc.string({ maxLength: 30 }).map((s) => s.replace(/[A-Za-z0-9_]/g, ' '));

describe('detectSecrets', () => {
  test('reports the value, not the key, of a password assignment', () => {
    const text = '{"user":"ada","password":"hunter2!x"}';
    const [f] = detectSecrets(text);
    expect(f).toMatchObject({ detector: 'secret-assignment', value: 'hunter2!x', severity: 'high', kind: 'credential' });
    expect(text.slice(f!.start, f!.end)).toBe('hunter2!x');
  });

  test('reports a GitHub token under a token= key once, as a GitHub token', () => {
    const tok = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    expect(detectSecrets(`token=${tok}`).map((f) => f.detector)).toEqual(['github-token']);
  });

  test('reports the password of a connection string, not an email address', () => {
    expect(detectSecrets('postgres://app:pass@db.example.com/x').map((f) => [f.detector, f.value])).toEqual([['url-credentials', 'pass']]);
  });

  test('runs only the detectors named in `only`', () => {
    const text = 'mail ada@example.org from 203.0.113.5';
    expect(detectSecrets(text, { only: ['ipv4'] }).map((f) => f.detector)).toEqual(['ipv4']);
  });

  test('returns findings in text order', () => {
    const text = 'ip=203.0.113.5 mail=ada@example.org ip=198.51.100.7';
    expect(detectSecrets(text).map((f) => f.start)).toEqual([...detectSecrets(text).map((f) => f.start)].sort((a, b) => a - b));
  });

  test.prop([fc.string({ maxLength: 300 })])('never throws, and every finding is a disjoint span holding its value', (text) => {
    const found = detectSecrets(text);
    let lastEnd = 0;
    for (const f of found) {
      expect(f.start).toBeGreaterThanOrEqual(lastEnd);
      expect(f.end).toBeGreaterThan(f.start);
      expect(text.slice(f.start, f.end)).toBe(f.value);
      lastEnd = f.end;
    }
  });

  test.prop([context, chars(UPPER_DIGIT, 16), context])('finds any AKIA key id between non-word context', (pre, body, post) => {
    // Bodies with a run of four X are masks (`AKIAXXXX…`), deliberately not reported.
    fc.pre(new Set(body).size > 2 && !/XXXX/.test(body));
    const key = 'AKIA' + body;
    expect(detectSecrets(pre + key + post).some((f) => f.detector === 'aws-access-key-id' && f.value === key)).toBe(true);
  });

  test.prop([context, fc.constantFrom('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'), chars(ALNUM, 36), context])(
    'finds any classic GitHub token between non-word context',
    (pre, prefix, body, post) => {
      fc.pre(new Set(body).size > 2 && !/xxxx/i.test(body));
      expect(detectSecrets(pre + prefix + body + post).some((f) => f.detector === 'github-token' && f.value === prefix + body)).toBe(true);
    },
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 })])('finds any Luhn-valid 16-digit Visa number', (digits) => {
    const body = '4' + digits.join('');
    // Complete with the Luhn check digit.
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    const pan = body + String((10 - (sum % 10)) % 10);
    expect(detectSecrets(`card=${pan} ok`).map((f) => [f.detector, f.value])).toContainEqual(['payment-card', pan]);
  });

  test.prop([fc.ipV4()])('finds every IPv4 address outside 0/8, 127/8 and 255/8 whose last octet is not 0', (ip) => {
    fc.pre(!/^(?:0|127|255)\./.test(ip) && !ip.endsWith('.0'));
    expect(detectSecrets(`client=${ip} ok`).map((f) => f.value)).toContain(ip);
  });
});
