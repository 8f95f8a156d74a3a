// Secrets named by their key: `password=…`, `"client_secret":"…"`, `X-Api-Key: …`, `--token …`,
// and the AWS secret access key, which has no prefix of its own and is only recognisable by the
// key in front of it (40 characters of base64).

import { scanAssignments, scanNameValuePairs, type Assignment } from '../assignments.ts';
import { isPlaceholder } from '../placeholders.ts';
import type { Detector, Span } from '../types.ts';

/** Normalised key endings (lower case, `-_.` removed) that name a secret. */
const SECRET_KEY_SUFFIXES = [
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'secretkey', 'token', 'apikey', 'accesskey', 'privatekey',
  'credential', 'credentials', 'authkey', 'masterkey', 'encryptionkey', 'signingkey', 'sharedkey', 'accountkey',
];

/** Keys that end like a secret but hold something else. */
const NOT_SECRET_KEYS = ['pagetoken', 'nexttoken', 'continuationtoken', 'synctoken', 'cursortoken', 'paginationtoken', 'publickey', 'keytoken'];

/** Plain words that follow `password:` in prose ("password: incorrect"), not passwords. */
const STATUS_WORDS = new Set([
  'invalid', 'incorrect', 'expired', 'required', 'missing', 'changed', 'reset', 'updated', 'wrong', 'mismatch', 'accepted',
  'rejected', 'denied', 'ok', 'set', 'provided', 'present', 'protected', 'valid', 'verified', 'refreshed', 'revoked', 'rotated',
  'generated', 'issued', 'received', 'sent', 'stored', 'saved', 'loaded', 'found', 'supplied', 'configured', 'enabled', 'disabled',
]);

/** Words in a key that make the whole `key: value` a redaction marker (`<ALLOY-REDACTED-SECRET:…>`). */
const MARKER_KEY_WORDS = ['redacted', 'masked', 'filtered', 'scrubbed'];

function namesSecret(key: string, normalizedKey: string): boolean {
  if (MARKER_KEY_WORDS.some((w) => normalizedKey.includes(w))) return false;
  // The shell's PWD/OLDPWD hold the working directory (`sudo: … ; PWD=/home/admin ; …`).
  if (key === 'PWD' || key === 'OLDPWD') return false;
  // `pass` alone or as the last word (`DB_PASS`, `redisPass`), never inside a word (`bypass`).
  if (normalizedKey === 'pass' || /(?:[-_.][Pp][Aa][Ss][Ss]|[a-z]Pass)$/.test(key)) return true;
  if (NOT_SECRET_KEYS.some((k) => normalizedKey.endsWith(k))) return false;
  return SECRET_KEY_SUFFIXES.some((s) => normalizedKey.endsWith(s));
}

function isAwsSecretKeyName(k: string): boolean {
  return k.endsWith('secretaccesskey') || (k.includes('aws') && (k.endsWith('secret') || k.endsWith('secretkey')));
}

function isAwsSecretValue(v: string): boolean {
  return v.length === 40 && /^[A-Za-z0-9/+]{40}$/.test(v) && /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v);
}

/** The value of an assignment if it is worth reporting, else undefined. */
function secretValue(text: string, a: Assignment): string | undefined {
  const v = text.slice(a.valueStart, a.valueEnd);
  if (v.length < 4 || isPlaceholder(v)) return undefined;
  const first = v.charCodeAt(0);
  // `"password": {` / `[` start structures; `http(s)://…` values are URL detectors' business.
  if (!a.quoted && (first === 0x7b || first === 0x5b)) return undefined;
  if (/^https?:\/\//i.test(v)) return undefined;
  const lower = v.toLowerCase();
  if (STATUS_WORDS.has(lower)) return undefined;
  // `password: something` with a bare lower-case word is prose far more often than a password.
  // Same for `--password style flags` (a flag followed by a word of prose).
  if ((a.separator === ':' || a.separator === ' ') && !a.quoted && /^[a-z]+$/.test(v)) return undefined;
  return v;
}

// Passwords given to well-known command lines with a short flag, where a generic `-p` would be
// anything (a port, a path). Linear: each match starts at a command name and scans at most 200
// characters lazily before the flag.
const SHORT_FLAG_PASSWORDS = [
  // mysql-family clients take the password glued to -p (`-pS3cret`); `-p` alone prompts.
  /\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n]{0,200}?[ \t]-p([^\s'"]{1,256})/g,
  // registry logins: `docker login -u ci -p S3cret registry`.
  /\b(?:docker|podman|buildah|skopeo|helm|oras|nerdctl)(?:[ \t]+registry)?[ \t]+login\b[^\n]{0,200}?[ \t]-p[ \t]+([^\s'"]{1,256})/g,
];

function scanShortFlagPasswords(text: string, spans: Span[]): void {
  for (const re of SHORT_FLAG_PASSWORDS) {
    for (const m of text.matchAll(re)) {
      const v = m[1]!;
      if (isPlaceholder(v) || v.startsWith('$')) continue;
      const end = m.index + m[0].length;
      spans.push({ start: end - v.length, end });
    }
  }
}

export function scanSecretAssignments(text: string): Span[] {
  const spans: Span[] = [];
  scanShortFlagPasswords(text, spans);
  for (const a of [...scanAssignments(text), ...scanNameValuePairs(text)]) {
    if (!namesSecret(a.key, a.normalizedKey)) continue;
    if (secretValue(text, a) === undefined) continue;
    spans.push({ start: a.valueStart, end: a.valueEnd });
  }
  return spans;
}

export function scanAwsSecretKeys(text: string): Span[] {
  const spans: Span[] = [];
  for (const a of scanAssignments(text)) {
    if (!isAwsSecretKeyName(a.normalizedKey)) continue;
    const v = text.slice(a.valueStart, a.valueEnd);
    if (!isAwsSecretValue(v) || isPlaceholder(v)) continue;
    spans.push({ start: a.valueStart, end: a.valueEnd });
  }
  return spans;
}

export const awsSecretAccessKey: Detector = {
  info: {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key (named by its key)',
    severity: 'critical',
    kind: 'credential',
    examples: ['aws_secret_access_key = ' + 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYz1XAMPLEKE', '{"SecretAccessKey":"' + 'Qx9vT2mLp4Rz8Kw1Yb6N' + 'c3Hd7Fj0Gs5Ae2Uo9Ii4' + '"}'],
    nearMisses: ['aws_secret_access_key=REDACTED', 'aws_secret_access_key=' + 'x'.repeat(40), 'aws_region=' + 'Qx9vT2mLp4Rz8Kw1Yb6Nc3Hd7Fj0Gs5Ae2Uo9Ii4'],
  },
  scan: scanAwsSecretKeys,
};

export const secretAssignment: Detector = {
  info: {
    id: 'secret-assignment',
    title: 'Secret named by its key (password=, "token":, X-Api-Key:, --secret …)',
    severity: 'high',
    kind: 'credential',
    examples: [
      '{"user":"ada","password":"hunter2!x"}',
      'level=info db_password=Tr0ub4dor&3 msg=connected',
      'msg="login" password="correct horse"',
      'client_secret: 9s8d7f6g5h4j',
      'GET /api?access_token=abc123def456&page=2',
      'X-Api-Key: 7f3a9c2e1b4d',
      'exec app --password=S3cr3t! --verbose',
      'exec app --token 0a9b8c7d6e5f',
      'mysql -h db -uroot -pS3cr3tPw app',
      'docker login -u ci -p 9sd8f7g6h5 registry.example.com',
      '{"msg":"{\\"apiKey\\":\\"k-99x88y77z\\"}"}',
    ],
    nearMisses: [
      '{"password":"REDACTED"}',
      'password=***',
      'token=<redacted>',
      'secret: [MASKED]',
      'password=xxxx',
      'password=$DB_PASSWORD',
      'api_key=${API_KEY}',
      'password_hash=' + 'a'.repeat(20) + 'b'.repeat(20) + 'c'.repeat(24),
      'error: password: incorrect',
      'next_page_token=abc123def456',
      'password_policy=strict',
      'max_tokens=4096 tokens_used=12',
      'password=null',
      'sudo: admin : PWD=/home/admin ; USER=root',
      'mysql -h db -p app',
      'ssh -p 2222 host',
    ],
  },
  scan: scanSecretAssignments,
};
