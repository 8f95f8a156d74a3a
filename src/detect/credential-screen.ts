// A cheap screen in front of the credential detectors, for callers that scan every log line and
// only need the credentials (loki.secretfilter's fail-closed check runs on each entry).
//
// Every credential scanner starts from a literal it finds with indexOf or a RegExp of literals:
// a token prefix, a key word, `://`, `Bearer`… The table below lists, per detector, literals of
// which at least one must be in a text for that detector to report anything. Letters are
// compared ASCII-case-insensitively, which covers both the scanners that fold the text
// (asciiLower) and those that look for the literal as written. A credential detector missing from
// the table switches the screen off (every text "may hold" a credential): fail closed.
//
// credentialFindings is detectSecrets(text) with only the credential findings kept. Running only
// the credential detectors gives the same findings because they come before every PII detector
// in the registry: overlaps are resolved in registry order, so a PII finding never displaces a
// credential. If the registry ever puts a PII detector first, the full scan is used instead.

import { KEY_ROOTS } from './assignments.ts';
import { VENDOR_TOKEN_SHAPES } from './detectors/vendor-tokens.ts';
import { DETECTORS, detectSecrets, type Finding } from './index.ts';

const prefixesOf = (id: string): string[] => (VENDOR_TOKEN_SHAPES[id] ?? []).flatMap((s) => s.prefixes);

/** Per credential detector: at least one of these occurs in any text it reports something in. */
const REQUIRED_LITERALS: Readonly<Record<string, readonly string[]>> = {
  'pem-private-key': ['-----BEGIN '],
  'aws-access-key-id': prefixesOf('aws-access-key-id'),
  'github-token': prefixesOf('github-token'),
  'gitlab-token': prefixesOf('gitlab-token'),
  'slack-webhook-url': prefixesOf('slack-webhook-url'),
  'slack-token': prefixesOf('slack-token'),
  'stripe-key': prefixesOf('stripe-key'),
  'google-api-key': prefixesOf('google-api-key'),
  jwt: ['eyJ'],
  // scanAssignments finds keys by the roots they end with.
  'aws-secret-access-key': KEY_ROOTS,
  'url-credentials': ['://', ':\\/\\/'],
  'basic-auth-header': ['basic'],
  'bearer-token': ['bearer'],
  // Assignments (key roots), `name: KEY, value: VALUE` pairs, and `mysql … -pX` / `docker login … -p X`.
  'secret-assignment': [...KEY_ROOTS, 'value', ' -p', '\t-p'],
};

const CREDENTIAL_IDS = DETECTORS.filter((d) => d.kind === 'credential').map((d) => d.id);

function asciiLowerLiteral(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function screenLiterals(): string[] | null {
  const all: string[] = [];
  for (const id of CREDENTIAL_IDS) {
    const lits = REQUIRED_LITERALS[id];
    if (lits === undefined || lits.length === 0 || lits.some((l) => l === '' || /[^\x00-\x7f]/.test(l))) return null;
    all.push(...lits.map(asciiLowerLiteral));
  }
  // A literal that contains another one adds nothing: the shorter one is found wherever it is.
  const distinct = [...new Set(all)];
  return distinct.filter((l) => !distinct.some((o) => o !== l && l.includes(o))).sort();
}

/**
 * Lower-case ASCII literals such that a text containing none of them (ASCII letters compared
 * case-insensitively) holds no credential any detector reports; null when there is no such
 * screen (a credential detector without an entry above).
 */
export const CREDENTIAL_LITERALS: readonly string[] | null = screenLiterals();

function letterClass(c: string): string {
  if (c >= 'a' && c <= 'z') return `[${c}${c.toUpperCase()}]`;
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/\t/g, '\\t');
}

// An alternation of fixed strings (no quantifiers, no flags): linear in the text, and only ever
// used to skip the detectors, never to report anything.
const SCREEN = CREDENTIAL_LITERALS === null ? null : new RegExp(CREDENTIAL_LITERALS.map((l) => [...l].map(letterClass).join('')).join('|'));

/** False only when no credential detector can report anything in `text`. */
export function mayHoldCredential(text: string): boolean {
  return SCREEN === null || SCREEN.test(text);
}

function credentialsFirst(): boolean {
  let seenPii = false;
  for (const d of DETECTORS) {
    if (d.kind !== 'credential') seenPii = true;
    else if (seenPii) return false;
  }
  return true;
}

const CREDENTIALS_FIRST = credentialsFirst();

/** detectSecrets(text) restricted to credential findings, without running the PII detectors. */
export function credentialFindings(text: string): Finding[] {
  if (!mayHoldCredential(text)) return [];
  if (CREDENTIALS_FIRST) return detectSecrets(text, { only: CREDENTIAL_IDS });
  return detectSecrets(text).filter((f) => f.kind === 'credential');
}
