// `alloy-scrub bench --workers`: what it reports about a run on worker threads (not how fast).
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/bench.ts';
import { runCommand } from './commands/run-command.ts';

const bench = (args: string[]) => runCommand(register, ['bench', ...args]);

describe('alloy-scrub bench --workers', () => {
  it('reports the run on 2 worker threads next to the single-thread figures', async () => {
    const r = await bench(['bench/rules/seed.alloy', '--lines', '2000', '--workers', '2', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.parallel).toMatchObject({ workers: 2, lines: 2000, bytes: report.withPrefilters.bytes, outputBytes: report.withPrefilters.outputBytes, prefilters: true });
  });

  it('shows the worker row in the pretty report', async () => {
    const r = await bench(['bench/rules/seed.alloy', '--lines', '500', '--workers', '2']);
    expect(r.stdout).toMatch(/^ {2}2 worker threads +[\d.]+ MB\/s/m);
  });

  it('measures one thread only with --workers 1', async () => {
    const r = await bench(['bench/rules/seed.alloy', '--lines', '500', '--workers', '1', '--format', 'json']);
    expect(JSON.parse(r.stdout).parallel).toBeNull();
  });

  it('measures a pipeline that joins lines on one thread only, and says why', async () => {
    const r = await bench(['test/parallel/fixtures/multiline.alloy', '--lines', '200', '--workers', '2', '--format', 'json']);
    expect(JSON.parse(r.stdout).parallel).toBeNull();
    expect(r.stderr).toContain('running on one thread, because stage.multiline');
  });
});
