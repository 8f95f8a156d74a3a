import { describe, expect, test } from 'vitest';
import { compileError, entry, simulate, stage } from '../helpers.ts';

describe('stage.limit', () => {
  test('with drop, entries beyond the burst are dropped and marked unknown', () => {
    const sim = simulate([stage('limit', { rate: 1, burst: 2, drop: true })]);
    const outs = [1, 2, 3].map(() => sim.process(entry('x'))[0]!);
    expect(outs.map((o) => o.kind)).toEqual(['forward', 'forward', 'drop']);
    expect(outs[2]!.kind === 'drop' && outs[2]!.entry.unknown.length).toBe(1);
  });

  test('without drop every entry is forwarded', () => {
    const sim = simulate([stage('limit', { rate: 1, burst: 1 })]);
    expect([1, 2, 3].map(() => sim.process(entry('x'))[0]!.kind)).toEqual(['forward', 'forward', 'forward']);
  });

  test('by_label_name keeps one bucket per label value', () => {
    const sim = simulate([stage('limit', { rate: 1, burst: 1, drop: true, by_label_name: 'app' })]);
    expect(sim.process(entry('x', { app: 'a' }))[0]!.kind).toBe('forward');
    expect(sim.process(entry('x', { app: 'b' }))[0]!.kind).toBe('forward');
    expect(sim.process(entry('x', { app: 'a' }))[0]!.kind).toBe('drop');
  });

  test('by_label_name without drop is refused', () => {
    expect(compileError([stage('limit', { rate: 1, burst: 1, by_label_name: 'app' })])).toBe(
      'invalid stage config when ratelimiting by label, drop must be true',
    );
  });
});
