// End-to-end tests of `alloy-scrub bench` (what it reports, not how fast: no timing assertions).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = process.env.ALLOY_SCRUB_BIN ?? join(ROOT, 'bin/alloy-scrub');

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(BIN, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

describe('alloy-scrub bench', () => {
  it('reports one cost entry per stage of the seed rules, with the screen hit rate of each', async () => {
    const r = await cli(['bench', 'bench/rules/seed.alloy', '--lines', '300', '--format', 'json', '--engine', 're2js']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.stages.map((s: { name: string }) => s.name)).toEqual(['stage.replace', 'stage.replace', 'stage.replace']);
    for (const s of report.stages) expect(s.screenHitRate).toBeGreaterThanOrEqual(0);
  });

  it('counts the lines and bytes of the given input', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-cmd-')), 'in.log');
    writeFileSync(file, 'password=x\nplain line\nthird\n');
    const r = await cli(['bench', 'bench/rules/seed.alloy', '--input', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect([report.withPrefilters.lines, report.withPrefilters.bytes]).toEqual([3, 28]);
  });

  it('names the engine it used', async () => {
    const r = await cli(['bench', 'bench/rules/seed.alloy', '--lines', '50', '--format', 'json', '--engine', 're2js']);
    expect(JSON.parse(r.stdout).engine).toBe('re2js');
  });

  it('refuses an engine that does not exist, with exit code 2', async () => {
    const r = await cli(['bench', 'bench/rules/seed.alloy', '--engine', 'pcre']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--engine pcre');
  });

  it('writes no progress bar when stderr is not a terminal', async () => {
    const r = await cli(['bench', 'bench/rules/seed.alloy', '--lines', '50']);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  });

  it('benchmarks loki.secretfilter without per-stage figures', async () => {
    const r = await cli(['bench', 'bench/rules/secretfilter-default.alloy', '--component', 'loki.secretfilter.default', '--lines', '100', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stages).toBeNull();
  });
});
