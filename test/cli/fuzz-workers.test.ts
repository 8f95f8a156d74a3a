// `alloy-scrub fuzz --workers`: cells spread over worker threads give the single-thread report.
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/fuzz.ts';
import { runCommand } from './commands/run-command.ts';

const SEED = 'samples/configs/seed-hardening.alloy';
const MULTILINE = 'test/parallel/fixtures/multiline.alloy';
const fuzz = (args: string[]) => runCommand(register, ['fuzz', ...args]);
const SELECTION = ['--seed', '5', '--runs', '12', '--secrets', 'aws-access-key-id,bearer-token,password,email', '--contexts', 'text,json,logfmt,http-header'];

describe('alloy-scrub fuzz --workers', () => {
  it('prints the same json report with 2 workers as with 1, for the same seed', async () => {
    const one = await fuzz([SEED, ...SELECTION, '--format', 'json', '--workers', '1']);
    const two = await fuzz([SEED, ...SELECTION, '--format', 'json', '--workers', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).leaks.length).toBeGreaterThan(0);
  });

  it('prints the same pretty report with 2 workers as with 1', async () => {
    const one = await fuzz([SEED, ...SELECTION, '--workers', '1']);
    const two = await fuzz([SEED, ...SELECTION, '--workers', '2']);
    expect(two.stdout).toBe(one.stdout);
  });

  it('fuzzes a pipeline that joins lines on one thread, and says why', async () => {
    const r = await fuzz([MULTILINE, '--seed', '1', '--runs', '3', '--secrets', 'password', '--contexts', 'json', '--workers', '2']);
    expect(r.stderr).toContain('alloy-scrub: note: --workers 2: running on one thread, because stage.multiline at');
  });

  it('refuses a number of workers that is not a positive integer or auto', async () => {
    const r = await fuzz([SEED, '--workers', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers must be "auto" or an integer from 1 to 64');
  });
});
