// Values that stand in for a secret rather than being one. A scrub rule's own output (REDACTED,
// ***, a hash, `$SECRET_NAME`, the gitleaks-style `ab12...`, our own mask) must never be
// reported as a leak, or every correctly scrubbed test would fail. Anything not recognised here
// is treated as a possible secret: when in doubt the detectors report.

import { distinctChars } from './chars.ts';

/** Words that mark a value as scrubbed wherever they appear in it. */
const SCRUB_WORDS = ['redacted', 'masked', 'filtered', 'scrubbed', 'sanitized', 'sanitised', 'censored', 'obfuscated', 'omitted', 'removed', 'hidden', 'elided', 'placeholder'];

/** Whole values (case-insensitive) that are not secrets: empty-ish literals and template fillers. */
const NON_VALUES = new Set([
  'none', 'null', 'nil', 'undefined', 'true', 'false', 'empty', 'n/a', 'na', 'unset', 'notset', 'not-set',
  'yes', 'no', 'on', 'off', 'secret', 'password', 'passwd', 'token', 'changeme', 'change-me', 'change_me',
  'example', 'dummy', 'test', 'sample', 'default', 'string', 'value', 'required', 'optional', 'xxx',
]);

/** Leading words of template fillers: `your-api-key`, `<your token>`, `insert_token_here`. */
const FILLER_PREFIXES = ['your_', 'your-', 'yourown', 'insert_', 'insert-', 'enter_', 'enter-', 'my_', 'my-'];

/** Hash and password-hash formats a scrub rule may legitimately leave behind. */
const HASH_PREFIX = /^(?:\{(?:SHA|SSHA|SHA256|SSHA256|SHA512|SSHA512|MD5|SMD5|CRYPT)\}|\$(?:2[abxy]?|argon2(?:id|i|d)|1|5|6|y|7|pbkdf2(?:-sha\d+)?|scrypt)\$|(?:md5|sha1|sha224|sha256|sha384|sha512|sha3-256|sha3-512|blake2b|blake3|hash|hmac)[:=])/i;

/** Lengths of bare hex digests (sha1, sha224, sha256, sha384, sha512). MD5's 32 is left out on
 * purpose: 32 hex characters is also the shape of many API keys. */
const DIGEST_HEX_LENGTHS = new Set([40, 56, 64, 96, 128]);

function isAllHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))) return false;
  }
  return s.length > 0;
}

/**
 * True when `value` carries a redaction marker: a scrub word (REDACTED, MASKED…), a mask (***,
 * xxxx, …, a trailing "..."), a wrapped marker (<redacted>, [MASKED]) or a reference
 * (${VAR}, $SECRET_NAME). Narrower than isPlaceholder: usable on parts of a value (an email's
 * local part) where short or repetitive text is legitimate.
 */
export function isRedactionMarker(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  const lower = v.toLowerCase();
  for (const w of SCRUB_WORDS) if (lower.includes(w)) return true;
  if (/\*{2,}|•{2,}|#{3,}|x{4,}|X{4,}|…|\.\.\.$/.test(v)) return true;
  if (/^(?:<[^<>]*>|\[[^[\]]*\]|\{\{.*\}\}|\$\{[^}]*\}|\(\([^)]*\)\)|%\([A-Za-z_]\w*\)[sd]|%[sdvqx]|%[A-Za-z_]\w*%)$/.test(v)) return true;
  if (/^\$[A-Za-z_][A-Za-z0-9_]*$|^\$env:\w+$/i.test(v)) return true;
  return false;
}

/** True when `value` is a redaction marker, a reference to a secret, a hash, or a filler. */
export function isPlaceholder(value: string): boolean {
  if (isRedactionMarker(value)) return true;
  const v = value.trim();
  const lower = v.toLowerCase();
  if (NON_VALUES.has(lower)) return true;
  for (const p of FILLER_PREFIXES) if (lower.startsWith(p)) return true;
  if (lower.endsWith('_here') || lower.endsWith('-here')) return true;
  // Low diversity: `xxxxxxxx`, `00000000`, `abababab` fillers.
  if (v.length >= 4 && distinctChars(lower) <= 2) return true;
  // `env:DB_PASSWORD`, `vault:secret/data/x#pw`, `secretRef:…`.
  if (/^(?:env|vault|secret|secretref|file|ssm|arn):/i.test(v)) return true;
  if (HASH_PREFIX.test(v)) return true;
  if (DIGEST_HEX_LENGTHS.has(v.length) && isAllHex(v)) return true;
  return false;
}
