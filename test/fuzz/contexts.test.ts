// Contexts write the secret where they say, with the escaping they record, and structured
// contexts stay parseable.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CONTEXTS } from '../../src/fuzz/contexts/catalog.ts';
import { docker } from '../../src/fuzz/contexts/envelopes.ts';
import { json, jsonNested } from '../../src/fuzz/contexts/structured.ts';
import { logfmt } from '../../src/fuzz/contexts/key-value.ts';
import { SECRET_TYPES, secretType } from '../../src/fuzz/secrets/catalog.ts';
import { selectCells } from '../../src/fuzz/engine.ts';

const cellArb = fc.constantFrom(...selectCells()).chain((c) => c.context.arbitrary(c.type));
const password = secretType('password')!;
const anyType = fc.constantFrom(...SECRET_TYPES);

describe('contexts', () => {
  test.prop([cellArb], { numRuns: 500 })('the line holds each secret in the spelling its context records', (entry) => {
    for (const p of entry.secrets) expect(p.current.some((c) => entry.line.includes(c))).toBe(true);
  });

  test.prop([cellArb], { numRuns: 300 })('the raw secret is always among the forms checked', (entry) => {
    for (const p of entry.secrets) expect(p.forms[0]).toBe(p.sample.secret);
  });

  test.prop([anyType.chain((t) => json.arbitrary(t))])('json lines parse as JSON and carry the value under a key', (entry) => {
    const obj = JSON.parse(entry.line) as Record<string, string>;
    expect(Object.values(obj)).toContain(entry.secrets[0]!.sample.value);
  });

  // The e-mail type is logged under `user`, which is also one of the harmless noise fields.
  const email = secretType('email')!;
  test.prop([json.arbitrary(email)], { numRuns: 300 })('json lines never repeat the secret key with a harmless value', (entry) => {
    const keys = [...entry.line.matchAll(/"([^"]+)"\s*:/g)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.prop([logfmt.arbitrary(email)], { numRuns: 300 })('logfmt lines never repeat the secret key with a harmless value', (entry) => {
    const keys = [...entry.line.matchAll(/(?:^| )([A-Za-z_]+)=/g)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.prop([anyType.chain((t) => jsonNested.arbitrary(t))])('nested JSON parses twice and carries the raw value inside', (entry) => {
    const outer = JSON.parse(entry.line) as Record<string, unknown>;
    const inner = Object.values(outer).find((v) => typeof v === 'string' && v.startsWith('{')) as string;
    expect(Object.values(JSON.parse(inner) as Record<string, string>)).toContain(entry.secrets[0]!.sample.value);
  });

  test.prop([docker.arbitrary(password)])('docker envelopes are JSON whose log field ends in a newline', (entry) => {
    const rec = JSON.parse(entry.line) as { log: string; stream: string };
    expect(rec.log.endsWith('\n')).toBe(true);
    expect(['stdout', 'stderr']).toContain(rec.stream);
  });

  test('free text only carries self-evident secrets', () => {
    const text = CONTEXTS.find((c) => c.id === 'text')!;
    expect(text.accepts(password)).toBe(false);
    expect(text.accepts(secretType('aws-access-key-id')!)).toBe(true);
  });
});
