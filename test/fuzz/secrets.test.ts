// Every generated secret is recognised by the project's own detector for its type: the
// generators make valid-looking values and the detectors see them (each keeps the other honest).
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { detectSecrets } from '../../src/detect/index.ts';
import { SECRET_TYPES } from '../../src/fuzz/secrets/catalog.ts';
import { ibanCheckDigits, luhnCheckDigit, paymentCard, iban } from '../../src/fuzz/secrets/pii.ts';
import { ibanValid, luhnValid } from '../../src/detect/checksums.ts';
import { awsAccessKeyId, githubToken } from '../../src/fuzz/secrets/vendor-tokens.ts';
import { jwt } from '../../src/fuzz/secrets/structured.ts';

describe('each secret type is detected by its detector', () => {
  for (const type of SECRET_TYPES) {
    test.prop([type.arbitrary()], { numRuns: 200 })(`${type.id} is found by ${type.detector}`, (sample) => {
      const probe = type.probe(sample);
      const findings = detectSecrets(probe, { only: [type.detector] });
      // The finding must cover the sensitive part where the probe wrote it (raw or JSON-escaped).
      const written = [sample.secret, JSON.stringify(sample.secret).slice(1, -1)].find((f) => probe.includes(f))!;
      const at = probe.indexOf(written);
      expect(findings.some((f) => f.start <= at && at + written.length <= f.end)).toBe(true);
    });
  }
});

describe('secret shapes', () => {
  test.prop([paymentCard()])('card numbers pass the Luhn check once separators are removed', (s) => {
    expect(luhnValid(s.value.replace(/[ -]/g, ''))).toBe(true);
  });

  test.prop([iban()])('IBANs pass the mod-97 check once spaces are removed', (s) => {
    expect(ibanValid(s.value.replace(/ /g, ''))).toBe(true);
  });

  test.prop([awsAccessKeyId()])('AWS access key ids are a known prefix and 16 upper-case alphanumerics', (s) => {
    expect(s.value).toMatch(/^(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}$/);
  });

  test.prop([githubToken()])('GitHub tokens are ghp_-style with 36 alphanumerics or fine-grained github_pat_', (s) => {
    expect(s.value).toMatch(/^(?:gh[pos]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})$/);
  });

  test.prop([jwt()])('JWT headers decode to JSON naming an algorithm', (s) => {
    const header = JSON.parse(Buffer.from(s.value.split('.')[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    expect(typeof header.alg).toBe('string');
  });

  test('the Luhn check digit of 7992739871 is 3', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
  });

  test('the IBAN check digits of the German test account are 89', () => {
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
  });
});
