// What the fuzzer must show on the seed's hardening config (whose rules are broken) and on the
// corrected config (whose rules hold for what it claims to cover). Default runs, no hints: every
// secret type in every context.
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzLogPath, type FuzzReport } from '../../src/fuzz/engine.ts';
import { loadRunner } from './load-runner.ts';

const COMPONENT = 'loki.process.scrub_secrets';
const leaked = (r: FuzzReport, type: string, context: string) => r.coverage.find((c) => c.secretType === type && c.context === context)!.leaked;

describe('fuzzing samples/configs/seed-hardening.alloy with default runs', () => {
  let report: FuzzReport;
  beforeAll(() => {
    report = fuzzLogPath(loadRunner('samples/configs/seed-hardening.alloy', COMPONENT), { seed: 20241101 });
  });

  it('finds passwords in JSON form leaking', () => {
    const leak = report.leaks.find((l) => l.secretType === 'password' && l.context === 'json')!;
    expect(leak.line).toMatch(/^\{.*"[A-Za-z_-]*(?:pass|PASS|pwd)[A-Za-z_-]*"\s*:\s*"/);
    expect(leak.output).toContain(leak.secret);
  });

  it('finds Authorization: Bearer tokens leaking', () => {
    const leak = report.leaks.find((l) => l.secretType === 'bearer-token' && l.context === 'http-header')!;
    expect(leak.line).toMatch(/Authorization: [Bb][Ee][Aa][Rr][Ee][Rr] /);
    expect(leak.output).toContain(leak.secret);
  });

  it('finds AWS access key ids passing unredacted in every context', () => {
    const cells = report.coverage.filter((c) => c.secretType === 'aws-access-key-id');
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(c.leaked).toBe(c.runs);
  });

  it('decides every entry (nothing on the path is unsimulated)', () => {
    expect(report.coverage.every((c) => c.unknown === 0)).toBe(true);
  });
});

// The corrected config claims: passwords/secrets/api keys/tokens in quoted and unquoted key-value
// form, Authorization Bearer/Basic, AWS access key ids, connection strings. The fuzzer finds that
// the claim holds for these types and contexts; beyond them it finds real gaps (`redis://:pw@`
// connection strings, `DB_PASS` keys, values cut at `,&}{`, escaped JSON in JSON).
const CORRECTED_SECRETS = ['api-key', 'github-token', 'gitlab-token', 'slack-token', 'bearer-token', 'basic-auth'];
const CORRECTED_CONTEXTS = ['json', 'logfmt', 'logfmt-quoted', 'key-value', 'http-header', 'stack-trace'];

describe('fuzzing samples/corrected/hardening-corrected.alloy on what it covers', () => {
  let report: FuzzReport;
  beforeAll(() => {
    report = fuzzLogPath(loadRunner('samples/corrected/hardening-corrected.alloy', COMPONENT), { seed: 20241101, secrets: CORRECTED_SECRETS, contexts: CORRECTED_CONTEXTS });
  });

  it('finds no leak for API keys, tokens and Authorization credentials in key-value forms and headers', () => {
    expect(report.leaks).toEqual([]);
    expect(report.coverage).toHaveLength(CORRECTED_SECRETS.length * CORRECTED_CONTEXTS.length);
  });

  it('finds no leak of AWS access key ids of any documented prefix in free text', () => {
    const r = fuzzLogPath(loadRunner('samples/corrected/hardening-corrected.alloy', COMPONENT), { seed: 20241101, secrets: ['aws-access-key-id'], contexts: ['text'] });
    expect(r.leaks).toEqual([]);
  });

  it('still finds passwords escaped inside a JSON string, which the corrected rules do not parse', () => {
    const r = fuzzLogPath(loadRunner('samples/corrected/hardening-corrected.alloy', COMPONENT), { seed: 20241101, secrets: ['password'], contexts: ['json-nested'] });
    expect(leaked(r, 'password', 'json-nested')).toBeGreaterThan(0);
  });
});
