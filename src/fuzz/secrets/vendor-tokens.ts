// Credentials in the vendors' published token formats: the prefix says what they are.
import fc, { type Arbitrary } from 'fast-check';
import { ALNUM, BASE64, BASE64URL, DIGITS, UPPER_DIGITS, body } from './chars.ts';
import type { SecretSample } from './types.ts';

function prefixed(type: string, prefixes: string[], bodyArb: Arbitrary<string>): Arbitrary<SecretSample> {
  return fc.tuple(fc.constantFrom(...prefixes), bodyArb).map(([p, b]) => ({ type, value: p + b, secret: b }));
}

export function awsAccessKeyId(): Arbitrary<SecretSample> {
  // The prefix of an access key id is not secret, but the key id as a whole is the identifier
  // scrub rules are written for: it counts whole.
  return fc.tuple(fc.constantFrom('AKIA', 'ASIA', 'AROA', 'AIDA'), body(UPPER_DIGITS, 16)).map(([p, b]) => ({ type: 'aws-access-key-id', value: p + b, secret: p + b }));
}

export function awsSecretAccessKey(): Arbitrary<SecretSample> {
  // 40 characters of base64 with at least one digit, upper and lower-case letter (what the
  // detector requires of an unprefixed AWS secret).
  return fc
    .tuple(body(BASE64, 37), fc.constantFrom('a1B', 'Q7z', 'k9X'))
    .map(([b, mix]) => b.slice(0, 20) + mix + b.slice(20))
    .map((v) => ({ type: 'aws-secret-access-key', value: v, secret: v }));
}

export function githubToken(): Arbitrary<SecretSample> {
  const classic = prefixed('github-token', ['ghp_', 'gho_', 'ghs_'], body(ALNUM, 36));
  const fineGrained = fc
    .tuple(body(ALNUM, 22), body(ALNUM, 59))
    .map(([a, b]) => ({ type: 'github-token', value: `github_pat_${a}_${b}`, secret: `${a}_${b}` }));
  return fc.oneof({ weight: 3, arbitrary: classic }, { weight: 1, arbitrary: fineGrained });
}

export function gitlabToken(): Arbitrary<SecretSample> {
  return prefixed('gitlab-token', ['glpat-'], body(ALNUM + '_', 20));
}

export function slackToken(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom('xoxb-', 'xoxp-', 'xoxa-'), body(DIGITS, 11), body(DIGITS, 12), body(ALNUM, 24))
    .map(([p, a, b, c]) => {
      const secret = `${a}-${b}-${c}`;
      return { type: 'slack-token', value: p + secret, secret };
    });
}

export function stripeKey(): Arbitrary<SecretSample> {
  return prefixed('stripe-key', ['sk_live_', 'rk_live_'], fc.oneof(body(ALNUM, 24), body(ALNUM, 99)));
}

export function googleApiKey(): Arbitrary<SecretSample> {
  return prefixed('google-api-key', ['AIza'], body(BASE64URL, 35));
}
