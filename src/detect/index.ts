// Credential and PII detectors: the eyes that scan every output of a test run for suspected
// leaks. Public API: detectSecrets, DETECTORS, maskSecret, maskText.
//
// When two detectors report overlapping spans, the more specific one wins (a GitHub token under
// a `token=` key is reported once, as a GitHub token; `pass@db.example.com` inside a connection
// string is a password, not an email). Every scanner is linear in the text.

import { awsAccessKeyId, githubToken, gitlabToken, googleApiKey, slackToken, slackWebhook, stripeKey } from './detectors/vendor-tokens.ts';
import { basicAuthHeader, bearerToken } from './detectors/http-auth.ts';
import { email } from './detectors/email.ts';
import { iban } from './detectors/iban.ts';
import { ipv4, ipv6 } from './detectors/ip.ts';
import { jwt } from './detectors/jwt.ts';
import { paymentCard } from './detectors/payment-card.ts';
import { pemPrivateKey } from './detectors/pem.ts';
import { phone } from './detectors/phone.ts';
import { awsSecretAccessKey, secretAssignment } from './detectors/secret-assignments.ts';
import { urlCredentials } from './detectors/url-credentials.ts';
import { usSsn } from './detectors/us-ssn.ts';
import type { Detector, DetectorInfo, Finding } from './types.ts';

export type { Detector, DetectorInfo, Finding, FindingKind, Severity } from './types.ts';
export { maskSecret, maskText } from './mask.ts';
export { isPlaceholder } from './placeholders.ts';

/** Detectors in order of specificity: earlier ones win overlaps. */
const REGISTRY: readonly Detector[] = [
  pemPrivateKey,
  awsAccessKeyId,
  githubToken,
  gitlabToken,
  slackWebhook,
  slackToken,
  stripeKey,
  googleApiKey,
  jwt,
  awsSecretAccessKey,
  urlCredentials,
  basicAuthHeader,
  bearerToken,
  secretAssignment,
  iban,
  paymentCard,
  usSsn,
  email,
  phone,
  ipv6,
  ipv4,
];

export const DETECTORS: readonly DetectorInfo[] = REGISTRY.map((d) => d.info);

export interface DetectOptions {
  /** Run only these detector ids. */
  only?: string[];
}

/**
 * A value followed by `...` or `…` is the visible prefix of a percentage mask (gitleaks and
 * loki.secretfilter keep the first N% of a secret and append "..."): the scrub rule's output,
 * not a leak of the whole secret.
 */
function isTruncatedByMask(text: string, start: number, end: number): boolean {
  // The value may have swallowed the first dots of the "..." (JWT parts, token68 end in '.').
  // Or the mask may start after a separator the scanner trimmed off (`xapp-1-A01-...`).
  let dots = 0;
  while (dots < 2 && end - dots > start && text.charCodeAt(end - dots - 1) === 0x2e) dots++;
  let after = end;
  while (after < end + 2 && (text.charCodeAt(after) === 0x2d || text.charCodeAt(after) === 0x5f)) after++;
  return text.startsWith('...', end - dots) || text.startsWith('...', after) || text.startsWith('…', after);
}

/** Findings in text order; overlapping findings resolved in favour of the more specific detector. */
export function detectSecrets(text: string, opts: DetectOptions = {}): Finding[] {
  const only = opts.only ? new Set(opts.only) : undefined;
  // Kept findings are disjoint and sorted by start, so their ends are sorted too: one binary
  // search finds the only neighbour a new span could overlap.
  const kept: Finding[] = [];
  for (const d of REGISTRY) {
    if (only && !only.has(d.info.id)) continue;
    for (const s of d.scan(text)) {
      if (s.end <= s.start || isTruncatedByMask(text, s.start, s.end)) continue;
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (kept[mid]!.end <= s.start) lo = mid + 1;
        else hi = mid;
      }
      if (lo < kept.length && kept[lo]!.start < s.end) continue;
      kept.splice(lo, 0, {
        detector: d.info.id,
        severity: d.info.severity,
        kind: d.info.kind,
        start: s.start,
        end: s.end,
        value: text.slice(s.start, s.end),
      });
    }
  }
  return kept;
}
