// End-to-end tests of `alloy-scrub lint`: formats and exit codes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCliText } from '../support/cli.ts';

const cli = (args: string[]) => runCliText(args);
const SEED = 'samples/configs/seed-hardening.alloy';
const CLEAN = 'test/lint/fixtures/hardening-clean.alloy';
const INFO_ONLY = 'test/lint/fixtures/info-only.alloy';


describe('alloy-scrub lint', () => {
  it('exits 1 when a finding reaches the default threshold (warning)', async () => {
    expect((await cli(['lint', SEED])).code).toBe(1);
  });

  it('exits 0 on a clean configuration', async () => {
    const r = await cli(['lint', CLEAN]);
    expect([r.code, r.stdout.trim()]).toEqual([0, 'no findings']);
  });

  it('exits 0 when findings are below --fail-on', async () => {
    expect((await cli(['lint', INFO_ONLY, '--fail-on', 'warning'])).code).toBe(0);
  });

  it('exits 1 with --fail-on info when only info findings exist', async () => {
    expect((await cli(['lint', INFO_ONLY, '--fail-on', 'info'])).code).toBe(1);
  });

  it('exits 2 for an unknown format', async () => {
    expect((await cli(['lint', SEED, '--format', 'xml'])).code).toBe(2);
  });

  it('exits 2 for a file that cannot be read', async () => {
    expect((await cli(['lint', 'no/such/file.alloy'])).code).toBe(2);
  });

  it('prints JSON findings for several files', async () => {
    const r = await cli(['lint', SEED, CLEAN, '--format', 'json']);
    const files = new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file));
    expect([...files]).toEqual([SEED]);
  });

  it('prints SARIF 2.1.0', async () => {
    const r = await cli(['lint', SEED, '--format', 'sarif']);
    expect(JSON.parse(r.stdout).version).toBe('2.1.0');
  });

  it('prints pretty findings with positions', async () => {
    const r = await cli(['lint', SEED]);
    const lines = readFileSync(join(ROOT, SEED), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('expression = `(?:AKIA|ASIA|AROA)')) + 1;
    expect(r.stdout).toContain(`${SEED}:${line}:5: error [replace-no-capture-group]`);
  });

  it('reports a syntax error as a finding and exits 1', async () => {
    const r = await cli(['lint', 'test/lint/fixtures/syntax-error.alloy', '--format', 'json']);
    expect([r.code, JSON.parse(r.stdout).findings[0].rule]).toEqual([1, 'syntax-error']);
  });
});
