// Lines without any secret or PII, written in the same contexts as the secrets, with keys and
// words that resemble secret keys (`password_policy`, `token_count`, "Bearer authentication is
// required"). A pipeline that changes them over-redacts.
import fc, { type Arbitrary } from 'fast-check';
import type { FuzzEntry } from './contexts/entry.ts';
import { keyValue, logfmt } from './contexts/key-value.ts';
import { commandLine } from './contexts/process.ts';
import { json } from './contexts/structured.ts';
import { urlQuery } from './contexts/http.ts';
import { freeText } from './contexts/text.ts';
import type { SecretType } from './secrets/types.ts';

const CLEAN_VALUES = ['ada', '200', 'eu-west-1', 'strict', '512', 'req-7f3a9c', '/api/v1/orders', 'checkout-service', 'v2.14.0'];

/** A pseudo secret type whose values are harmless: the contexts render it like any other. */
export const CLEAN: SecretType = {
  id: 'clean',
  title: 'no secret',
  kind: 'pii',
  detector: '',
  selfEvident: true,
  keys: ['user', 'status', 'region', 'password_policy', 'token_count', 'request_id', 'path', 'service'],
  arbitrary: () => fc.constantFrom(...CLEAN_VALUES).map((v) => ({ type: 'clean', value: v, secret: v })),
  probe: (s) => s.value,
};

export function cleanLine(): Arbitrary<FuzzEntry> {
  return fc.oneof(...[json, logfmt, keyValue, urlQuery, commandLine, freeText].map((c) => c.arbitrary(CLEAN))).map((e) => ({ ...e, type: 'clean', secrets: [] }));
}
