// Credentials with a vendor prefix: the token announces what it is, so a shape check is enough
// and precision is near perfect. Formats are the vendors' public token formats.

import { isAlnum, isBase64Url, isDigit, isUpper, isWord } from '../chars.ts';
import { isPlaceholder } from '../placeholders.ts';
import { scanTokens, type TokenShape } from '../token-scanner.ts';
import type { Detector } from '../types.ts';

const upperOrDigit = (c: number): boolean => isUpper(c) || isDigit(c);
const alnumDash = (c: number): boolean => isAlnum(c) || c === 0x2d;
const gitlabBody = (c: number): boolean => isBase64Url(c) || c === 0x2e;
const webhookPath = (c: number): boolean => isBase64Url(c) || c === 0x2f || c === 0x2b;
/** The token without its prefix must not be a filler such as `XXXXXXXXXXXXXXXX`. */
const notFiller = (prefixLen: number) => (t: string): boolean => !isPlaceholder(t.slice(prefixLen));

// Shapes are module constants so that each one's prefix finder is built once.
const AWS_KEY_ID: TokenShape = {
  prefixes: ['AKIA', 'ASIA', 'AROA', 'AIDA', 'AGPA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'ABIA', 'ACCA'],
  body: upperOrDigit,
  glueBefore: isAlnum,
  glueAfter: isAlnum,
  min: 16,
  max: 16,
  accept: notFiller(4),
};
const GITHUB_CLASSIC: TokenShape = { prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], body: isAlnum, min: 36, max: 251, accept: notFiller(4) };
const GITHUB_FINE_GRAINED: TokenShape = { prefixes: ['github_pat_'], body: isWord, min: 82, max: 244, accept: notFiller(11) };
const GITLAB: TokenShape = {
  prefixes: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glsoat-', 'glimt-', 'glagent-', 'glcbt-', 'gloas-'],
  body: gitlabBody,
  min: 20,
  max: 255,
  glueBefore: isWord,
  trimEnd: (c) => c === 0x2e || c === 0x2d,
  accept: (t) => !isPlaceholder(t.slice(t.indexOf('-') + 1)),
};
const SLACK_TOKEN: TokenShape = {
  prefixes: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe-', 'xapp-'],
  body: alnumDash,
  min: 10,
  max: 250,
  trimEnd: (c) => c === 0x2d,
  accept: (t) => !isPlaceholder(t.slice(5)) && /[0-9]/.test(t.slice(5)),
};
const SLACK_WEBHOOK: TokenShape = {
  prefixes: ['hooks.slack.com/services/', 'hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
  body: webhookPath,
  min: 20,
  max: 255,
  spanIncludesPrefix: false,
  trimEnd: (c) => c === 0x2f,
  accept: (t) => !isPlaceholder(t.slice(t.lastIndexOf('/') + 1)),
};
const STRIPE: TokenShape = {
  prefixes: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
  body: isAlnum,
  min: 16,
  max: 247,
  accept: notFiller(8),
};
const GOOGLE_API_KEY: TokenShape = { prefixes: ['AIza'], body: isBase64Url, min: 35, max: 35, accept: notFiller(4) };

// Fake tokens for the examples are assembled from parts so that this source file itself does not
// trip secret scanners that read the repository.
const r36 = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

export const awsAccessKeyId: Detector = {
  info: {
    id: 'aws-access-key-id',
    title: 'AWS access key id',
    severity: 'critical',
    kind: 'credential',
    examples: ['aws_access_key_id=' + 'AKIA' + 'Z7QW3RT5YU8IOP2A', 'creds ' + 'ASIA' + 'Q2W3E4R5T6Y7U8I9 expired'],
    nearMisses: ['AKIA' + 'XXXXXXXXXXXXXXXX', 'AKIA' + 'Z7QW3RT5YU8IOP2', 'xAKIA' + 'Z7QW3RT5YU8IOP2A', 'AKIA' + 'Z7QW3RT5YU8IOP2Aq'],
  },
  scan: (text) =>
    scanTokens(text, AWS_KEY_ID),
};

export const githubToken: Detector = {
  info: {
    id: 'github-token',
    title: 'GitHub token',
    severity: 'critical',
    kind: 'credential',
    examples: ['GITHUB_TOKEN=' + 'ghp_' + r36, 'cloning with ' + 'gho_' + r36, 'pat=' + 'github_pat_' + '11ABCDEFG0a1b2c3d4e5f6_' + 'a'.repeat(10) + r36 + 'Zz9Yy8Xx7Ww6V'],
    nearMisses: ['ghp_' + 'short123', 'ghp_' + 'x'.repeat(36), 'ghx_' + r36],
  },
  scan: (text) => [
    ...scanTokens(text, GITHUB_CLASSIC),
    ...scanTokens(text, GITHUB_FINE_GRAINED),
  ],
};

export const gitlabToken: Detector = {
  info: {
    id: 'gitlab-token',
    title: 'GitLab token',
    severity: 'critical',
    kind: 'credential',
    examples: ['PRIVATE-TOKEN: ' + 'glpat-' + 'Xy7_kP2mQ9vR4tL8wZ3n', 'runner ' + 'glrt-' + 'Ab3dE6gH9jK2mN5pQ8sT'],
    nearMisses: ['glpat-' + 'REDACTED', 'glpat-' + 'short', 'glpat-' + 'x'.repeat(20)],
  },
  scan: (text) =>
    scanTokens(text, GITLAB),
};

export const slackToken: Detector = {
  info: {
    id: 'slack-token',
    title: 'Slack token',
    severity: 'critical',
    kind: 'credential',
    examples: ['token=' + 'xoxb-' + '2048-4096-' + 'Qw3rTy5uIo7pAs9dFg1hJk', 'slack ' + 'xoxp-' + '1234567890-' + 'abcdef123456'],
    nearMisses: ['xoxb-' + 'REDACTED', 'xoxz-' + '2048-4096-Qw3rTy5uIo7pAs9dFg1hJk', 'xoxb-' + '12'],
  },
  scan: (text) =>
    scanTokens(text, SLACK_TOKEN),
};

export const slackWebhook: Detector = {
  info: {
    id: 'slack-webhook-url',
    title: 'Slack incoming-webhook URL',
    severity: 'critical',
    kind: 'credential',
    examples: ['posting to https://' + 'hooks.slack.com/services/' + 'T0A1B2C3D/B4E5F6G7H/' + 'qW8eR9tY0uI1oP2aS3dF4gH5'],
    nearMisses: ['https://hooks.slack.com/services/REDACTED', 'https://api.slack.com/services/T0A1B2C3D/B4E5F6G7H/qW8eR9tY0uI1oP2aS3dF4gH5'],
  },
  scan: (text) =>
    scanTokens(text, SLACK_WEBHOOK),
};

export const stripeKey: Detector = {
  info: {
    id: 'stripe-key',
    title: 'Stripe secret or restricted key',
    severity: 'critical',
    kind: 'credential',
    examples: ['STRIPE_KEY=' + 'sk_live_' + '51HqZ2eKx9Lm3Np7Qr5St8Uv', 'key ' + 'rk_live_' + 'Ab12Cd34Ef56Gh78Ij90Kl', 'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc'],
    nearMisses: ['pk_live_' + '51HqZ2eKx9Lm3Np7Qr5St8Uv', 'sk_live_' + 'REDACTED', 'sk_live_' + 'abc'],
  },
  scan: (text) =>
    scanTokens(text, STRIPE),
};

export const googleApiKey: Detector = {
  info: {
    id: 'google-api-key',
    title: 'Google API key',
    severity: 'critical',
    kind: 'credential',
    examples: ['maps key=' + 'AIza' + 'SyD4f7Gh9Jk2Lm5Np8Qr1St4Uv7Wx0Yz3Ab'],
    nearMisses: ['AIza' + 'SyD4f7Gh9Jk2', 'AIza' + 'X'.repeat(35), 'AIza' + 'SyD4f7Gh9Jk2Lm5Np8Qr1St4Uv7Wx0Yz3AbCD'],
  },
  scan: (text) =>
    scanTokens(text, GOOGLE_API_KEY),
};

/**
 * The token shapes each detector above looks for, by detector id: what a screen must know to
 * tell that none of their prefixes is in a text (credential-screen.ts).
 */
export const VENDOR_TOKEN_SHAPES: Readonly<Record<string, readonly TokenShape[]>> = {
  'aws-access-key-id': [AWS_KEY_ID],
  'github-token': [GITHUB_CLASSIC, GITHUB_FINE_GRAINED],
  'gitlab-token': [GITLAB],
  'slack-token': [SLACK_TOKEN],
  'slack-webhook-url': [SLACK_WEBHOOK],
  'stripe-key': [STRIPE],
  'google-api-key': [GOOGLE_API_KEY],
};
