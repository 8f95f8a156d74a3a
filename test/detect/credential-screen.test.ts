// The credential screen: literals without which no credential detector reports anything, and
// credentialFindings, which must equal the credential findings of detectSecrets on any text.

import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CREDENTIAL_LITERALS, credentialFindings, mayHoldCredential } from '../../src/detect/credential-screen.ts';
import { DETECTORS, detectSecrets } from '../../src/detect/index.ts';

const credentialOnly = (text: string) => detectSecrets(text).filter((f) => f.kind === 'credential');
const CREDENTIAL_DETECTORS = DETECTORS.filter((d) => d.kind === 'credential');
const EXAMPLES = CREDENTIAL_DETECTORS.flatMap((d) => [...d.examples, ...d.nearMisses]);

const token = fc.stringMatching(/^[A-Za-z0-9+/_.~-]{4,40}$/);
const blank = fc.constantFrom(' ', '\t', '  ', '');
/** A word that names a secret, in any case, maybe cut by the separators key normalisation drops. */
const secretWord = fc
  .tuple(fc.constantFrom('password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credentials', 'secretaccesskey', 'awssecret'), fc.array(fc.nat(), { maxLength: 2 }), fc.constantFrom('-', '_', '.'), fc.boolean())
  .map(([w, cuts, sep, upper]) => {
    let out = upper ? w.toUpperCase() : w;
    for (const c of cuts) {
      const i = 1 + (c % (out.length - 1));
      out = out.slice(0, i) + sep + out.slice(i);
    }
    return out;
  });
const jwtPart = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
/** Shapes the detectors read beyond token prefixes: schemes, JWTs, flags, name/value pairs. */
const structured = fc.oneof(
  fc.tuple(fc.constantFrom('Bearer', 'bearer', 'BASIC', 'Basic'), blank, fc.oneof(token, token.map((t) => btoa(`u:${t}`)))).map((p) => p.join('')),
  fc.tuple(fc.shuffledSubarray(['alg', 'typ', 'kid'], { minLength: 1 }), token).map(([keys, t]) => `${jwtPart(Object.fromEntries(keys.map((k) => [k, 'HS256'])))}.${jwtPart({ sub: t })}.${t}`),
  fc.tuple(fc.constantFrom('mysql -h db', 'mariadb', 'docker login -u ci', 'helm registry login'), fc.constantFrom(' ', '\t'), fc.constantFrom('-p', '-p '), token).map((p) => p.join('')),
  fc.tuple(secretWord, fc.constantFrom(', value: ', '","value":"', ', value='), token).map(([k, sep, v]) => `{name: ${k}${sep}${v}}`),
  fc.tuple(secretWord, fc.constantFrom('=', ': ', ':=', '=>', '":"', ' '), token).map(([k, sep, v]) => `--${k}${sep}${v}`),
  fc.tuple(fc.constantFrom('postgres', 'redis', 'https'), fc.constantFrom('://', ':\\/\\/'), token, token).map(([s, m, u, p]) => `${s}${m}${u}:${p}@host`),
);

/** Pieces of text that make credentials, almost-credentials and the literals in every case. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXAMPLES) },
  { weight: 3, arbitrary: structured },
  { weight: 2, arbitrary: fc.constantFrom(...(CREDENTIAL_LITERALS ?? [])).chain((l) => fc.constantFrom(l, l.toUpperCase(), l[0]!.toUpperCase() + l.slice(1))) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom('=', ': ', '"', "'", ' ', '\t', '\\"', '{', '}', ',', '@', '/', '://', '\u212A', '\u0130', '\udc80', '...') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9+/_-]{8,48}$/) },
);

/** A text of pieces, then one character deleted or its case flipped (to break literals apart). */
const text = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.nat(), fc.constantFrom('keep', 'delete', 'flip'))
  .map(([ps, at, edit]) => {
    const t = ps.join('');
    if (edit === 'keep' || t.length === 0) return t;
    const i = at % t.length;
    const c = t[i]!;
    const flipped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
    return t.slice(0, i) + (edit === 'delete' ? '' : flipped) + t.slice(i + 1);
  });

describe('credential screen', () => {
  it('has literals for every credential detector (else it screens nothing)', () => {
    expect(CREDENTIAL_LITERALS).not.toBeNull();
  });

  it.each(CREDENTIAL_DETECTORS.flatMap((d) => d.examples.map((e) => [d.id, e] as const)))('lets through the %s example %j', (_id, example) => {
    expect(mayHoldCredential(example)).toBe(true);
  });

  it('screens out a log line with none of the literals', () => {
    expect(mayHoldCredential('level=info msg="request served" path=/api/v1/users status=200 duration=12ms')).toBe(false);
  });

  it('compares letters ASCII-case-insensitively', () => {
    expect(mayHoldCredential('X-API-KEY: abcdef123456')).toBe(true);
    expect(mayHoldCredential('Authorization: BEARER abcdef123456')).toBe(true);
  });

  it('does not fold non-ASCII letters onto ASCII ones, as the detectors do not', () => {
    // KELVIN SIGN: strings.ToLower makes it 'k', but the detectors' ASCII folding keeps it.
    expect(mayHoldCredential('\u212Aey')).toBe(false);
  });

  test.prop([text], { numRuns: 3000 })('says "no credential" only where detectSecrets finds none', (t) => {
    if (!mayHoldCredential(t)) expect(credentialOnly(t)).toEqual([]);
  });

  test.prop([text], { numRuns: 3000 })('finds exactly the credential findings of detectSecrets', (t) => {
    expect(credentialFindings(t)).toEqual(credentialOnly(t));
  });
});
