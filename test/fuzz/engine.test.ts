// The fuzz run: deterministic under a seed, shrinks each cell's leak to a replayable path, counts
// unknown entries apart from redacted ones.
import { describe, expect, it } from 'vitest';
import { fuzzLogPath, replay, selectCells } from '../../src/fuzz/engine.ts';
import { cellSeed } from '../../src/fuzz/seed.ts';
import type { LogPathRunner } from '../../src/loki/graph.ts';
import { loadRunner } from './load-runner.ts';

const SEED_CONFIG = 'samples/configs/seed-hardening.alloy';
const COMPONENT = 'loki.process.scrub_secrets';
const small = { runs: 30, secrets: ['password', 'github-token'], contexts: ['json', 'logfmt'], cleanRuns: 40 };

describe('fuzzLogPath', () => {
  it('gives the same report for the same seed', () => {
    const a = fuzzLogPath(loadRunner(SEED_CONFIG, COMPONENT), { ...small, seed: 5 });
    const b = fuzzLogPath(loadRunner(SEED_CONFIG, COMPONENT), { ...small, seed: 5 });
    expect(b).toEqual(a);
  });

  it('generates different entries for different seeds', () => {
    const a = fuzzLogPath(loadRunner(SEED_CONFIG, COMPONENT), { ...small, seed: 5 });
    const b = fuzzLogPath(loadRunner(SEED_CONFIG, COMPONENT), { ...small, seed: 6 });
    expect(b.leaks.map((l) => l.line)).not.toEqual(a.leaks.map((l) => l.line));
  });

  it('reports at most one leak per secret type × context', () => {
    const r = fuzzLogPath(loadRunner(SEED_CONFIG, COMPONENT), { ...small, seed: 5 });
    const cells = r.leaks.map((l) => `${l.secretType}×${l.context}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('replays a reported leak from its seed, cell and path to the same shrunk line', () => {
    const runner = loadRunner(SEED_CONFIG, COMPONENT);
    const leak = fuzzLogPath(runner, { ...small, seed: 5 }).leaks[0]!;
    const again = replay(runner, { seed: leak.seed, secretType: leak.secretType, context: leak.context, path: leak.path });
    expect(again.entry.line).toBe(leak.line);
    expect(again.verdict.kind).toBe('leaked');
  });

  it('counts entries through an unsimulated component as unknown, not redacted', () => {
    const r = fuzzLogPath(loadRunner('test/fuzz/fixtures/unsimulated-sink.alloy', 'loki.process.scrub'), { seed: 1, runs: 10, secrets: ['aws-access-key-id'], contexts: ['text'], cleanRuns: 5 });
    expect(r.coverage).toEqual([{ secretType: 'aws-access-key-id', context: 'text', runs: 10, leaked: 0, unknown: 10, dropped: 0 }]);
    expect(r.leaks).toEqual([]);
    expect(r.unknownReasons.join('\n')).toContain('otelcol.receiver.loki');
  });

  it('measures over-redaction on clean lines', () => {
    const r = fuzzLogPath(loadRunner('test/fuzz/fixtures/greedy-bearer.alloy', COMPONENT), { seed: 3, runs: 1, secrets: ['jwt'], contexts: ['text'], cleanRuns: 300 });
    // The greedy Bearer rule also rewrites "Bearer authentication is required".
    expect(r.overRedaction.runs).toBe(300);
    expect(r.overRedaction.changed).toBeGreaterThan(0);
    expect(r.overRedaction.examples.join('\n')).toContain('Bearer authentication');
  });
});

describe('fuzzLogPath on a failing runner', () => {
  it('surfaces an exception instead of reporting partial coverage', () => {
    const broken: LogPathRunner = {
      startId: 'loki.process.x',
      paths: [],
      process: () => {
        throw new Error('boom');
      },
      flush: () => [],
    };
    expect(() => fuzzLogPath(broken, { seed: 1, runs: 3, secrets: ['jwt'], contexts: ['text'] })).toThrow('boom');
  });
});

describe('cells and seeds', () => {
  it('leaves out cells whose context cannot carry the type', () => {
    expect(selectCells(['password'], ['text'])).toEqual([]);
  });

  it("derives a cell's seed from the run seed and the cell alone", () => {
    expect(cellSeed(1, 'password', 'json')).toBe(cellSeed(1, 'password', 'json'));
    expect(cellSeed(1, 'password', 'json')).not.toBe(cellSeed(1, 'password', 'logfmt'));
  });
});
