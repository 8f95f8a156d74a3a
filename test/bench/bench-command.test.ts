// End-to-end tests of `alloy-scrub bench` (what it reports, not how fast: no timing assertions).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCliText } from '../support/cli.ts';

const cli = (args: string[]) => runCliText(args);


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
