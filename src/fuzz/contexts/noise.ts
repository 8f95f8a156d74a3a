// The realistic text around a secret: log levels, messages, and harmless fields a service logs
// next to it. None of it holds a secret or PII (the clean-line property test checks that).
import fc, { type Arbitrary } from 'fast-check';

export const LEVELS = ['info', 'warn', 'error', 'debug'] as const;

export const MESSAGES = [
  'request completed',
  'connecting to database',
  'user login',
  'retrying upstream call',
  'config loaded',
  'token refresh scheduled',
  'password reset requested',
  'cache miss',
  'job finished in 42ms',
  'Bearer authentication is required',
];

/** Harmless key/value pairs (including keys that resemble secret keys but are not). */
export const FIELDS: [string, string][] = [
  ['user', 'ada'],
  ['status', '200'],
  ['method', 'POST'],
  ['path', '/api/v1/orders'],
  ['duration_ms', '37'],
  ['request_id', 'req-7f3a9c'],
  ['retry', 'false'],
  ['region', 'eu-west-1'],
  ['password_policy', 'strict'],
  ['token_count', '512'],
  ['component', 'auth'],
];

export const level: Arbitrary<string> = fc.constantFrom(...LEVELS);
export const message: Arbitrary<string> = fc.constantFrom(...MESSAGES);
/** Zero to three harmless fields, in some order. */
export const fields: Arbitrary<[string, string][]> = fc.subarray(FIELDS, { maxLength: 3 });

/**
 * The harmless fields other than the secret's own key: a second `user` next to an e-mail logged
 * under `user` would be read as the value of that key (JSON, logfmt and query parsers keep the last).
 */
export function fieldsBeside(extra: [string, string][], key: string): [string, string][] {
  return extra.filter(([k]) => k !== key);
}
export const TIMESTAMP = '2024-01-01T00:00:00.000000000Z';
