// `alloy-scrub fuzz`: arguments, exit codes, the json document, masking, replay. In-process (the
// real command module) except one test that runs the binary for its exit code and stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/fuzz.ts';
import { runCommand } from './commands/run-command.ts';
import { ROOT } from '../fuzz/load-runner.ts';

const SEED = 'samples/configs/seed-hardening.alloy';
const CORRECTED = 'samples/corrected/hardening-corrected.alloy';
const fuzz = (args: string[]) => runCommand(register, ['fuzz', ...args]);

interface JsonReport {
  leaks: { secret_type: string; context: string; line: string; secret: string; sink: string; output: string; seed: number; path: string }[];
  coverage: { secret_type: string; context: string; runs: number; leaked: number; unknown: number }[];
  over_redaction: { runs: number; changed: number };
  unknown: { entries: number; decided: boolean; reasons: string[] };
}

describe('alloy-scrub fuzz', () => {
  it('exits 1 and prints the json report when the seed config leaks', async () => {
    const r = await fuzz([SEED, '--seed', '11', '--runs', '20', '--secrets', 'aws-access-key-id,bearer-token', '--contexts', 'text,http-header', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.leaks.map((l) => `${l.secret_type}×${l.context}`).sort()).toEqual(['aws-access-key-id×http-header', 'aws-access-key-id×text', 'bearer-token×http-header', 'bearer-token×text']);
    expect(doc.leaks[0]).toMatchObject({ sink: 'loki.write.grafana_cloud', seed: 11 });
    expect(doc.coverage).toContainEqual(expect.objectContaining({ secret_type: 'aws-access-key-id', context: 'text', runs: 20, leaked: 20 }));
    expect(doc.over_redaction.runs).toBeGreaterThan(0);
  });

  it('exits 0 when no selected cell leaks', async () => {
    const r = await fuzz([CORRECTED, '--seed', '11', '--runs', '30', '--secrets', 'bearer-token,basic-auth', '--contexts', 'json,http-header', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonReport).leaks).toEqual([]);
  });

  it('masks secrets in the report unless --reveal', async () => {
    const args = [SEED, '--seed', '11', '--runs', '5', '--secrets', 'aws-access-key-id', '--contexts', 'text', '--format', 'json'];
    const masked = (JSON.parse((await fuzz(args)).stdout) as JsonReport).leaks[0]!;
    const revealed = (JSON.parse((await fuzz([...args, '--reveal'])).stdout) as JsonReport).leaks[0]!;
    expect(revealed.secret).toMatch(/^AKIA|^ASIA|^AROA|^AIDA/);
    expect(masked.secret).toContain('[sha256:');
    expect(masked.line).not.toContain(revealed.secret);
    expect(masked.output).not.toContain(revealed.secret);
  });

  it('prints each leak with the command that replays it, and the coverage matrix', async () => {
    const r = await fuzz([SEED, '--seed', '11', '--runs', '10', '--secrets', 'bearer-token', '--contexts', 'http-header']);
    expect(r.stdout).toContain('LEAK bearer-token in http-header');
    expect(r.stdout).toMatch(/replay {2}alloy-scrub fuzz samples\/configs\/seed-hardening.alloy --component loki.process.scrub_secrets --secrets bearer-token --contexts http-header --seed 11 --replay \d+(:\d+)*/);
    expect(r.stdout).toMatch(/bearer-token +0%/);
    expect(r.stdout).toContain('over-redaction:');
  });

  it('replays a leak from the printed seed and path', async () => {
    const found = JSON.parse((await fuzz([SEED, '--seed', '11', '--runs', '10', '--secrets', 'password', '--contexts', 'json', '--format', 'json', '--reveal'])).stdout) as JsonReport;
    const leak = found.leaks[0]!;
    const r = await fuzz([SEED, '--seed', '11', '--secrets', 'password', '--contexts', 'json', '--replay', leak.path, '--format', 'json', '--reveal']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ replay: { verdict: 'leaked', line: leak.line, path: leak.path } });
  });

  it('exits 1 and says so when entries pass through something unsimulated', async () => {
    const r = await fuzz(['test/fuzz/fixtures/unsimulated-sink.alloy', '--seed', '1', '--runs', '5', '--secrets', 'aws-access-key-id', '--contexts', 'text']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unknown: 5 entries passed through something alloy-scrub does not simulate');
    expect(r.stdout).toMatch(/aws-access-key-id +\?/);
  });

  it.each([
    [['--secrets', 'nonsense']],
    [['--contexts', 'json,yaml']],
    [['--runs', '0']],
    [['--seed', 'abc']],
    [['--min-fragment', '-1']],
    [['--replay', '3:1']],
    [['--seed', '1', '--replay', '3:1']],
    [['--secrets', 'password', '--contexts', 'text']],
  ])('exits 2 on the usage error %j', async (extra) => {
    const r = await fuzz([SEED, ...extra]);
    expect(r.code).toBe(2);
  });

  it('lists the secret types and contexts', async () => {
    const r = await fuzz(['--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('aws-access-key-id');
    expect(r.stdout).toContain('json-nested');
  });

  it('draws no progress bar when stderr is not a terminal', () => {
    const r = spawnSync(join(ROOT, 'bin/alloy-scrub'), ['fuzz', CORRECTED, '--seed', '2', '--runs', '5', '--secrets', 'bearer-token', '--contexts', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('fuzzing [');
    expect(r.stdout).toContain('no leak in 1 cell (seed 2');
  });
});
