import { describe, expect, test } from 'vitest';
import { compileError, entry, simulate, stage } from '../helpers.ts';

describe('stage.sampling', () => {
  test('rate 1 keeps every entry', () => {
    const sim = simulate([stage('sampling', { rate: 1 })]);
    expect(Array.from({ length: 20 }, () => sim.process(entry('x'))[0]!.kind).every((k) => k === 'forward')).toBe(true);
  });

  test('rate 0 drops every entry with the sampling reason', () => {
    const out = simulate([stage('sampling', { rate: 0 })]).process(entry('x'));
    expect(out[0]!.kind === 'drop' && out[0]!.reason).toBe('sampling_stage');
  });

  test('entries dropped by a random draw are marked unknown', () => {
    const sim = simulate([stage('sampling', { rate: 0.5 })]);
    const outs = Array.from({ length: 50 }, () => sim.process(entry('x'))[0]!);
    const dropped = outs.filter((o) => o.kind === 'drop');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((o) => o.kind === 'drop' && o.entry.unknown.length === 1)).toBe(true);
  });

  test('the same seed gives the same decisions', () => {
    const run = () => {
      const sim = simulate([stage('sampling', { rate: 0.5 })], { samplingSeed: 7 });
      return Array.from({ length: 30 }, () => sim.process(entry('x'))[0]!.kind);
    };
    expect(run()).toEqual(run());
  });

  test('a rate above 1 is refused', () => {
    expect(compileError([stage('sampling', { rate: 1.5 })])).toBe(
      'sampling stage failed to parse rate,Sampling Rate must be between 0.0 and 1.0, received 1.500000',
    );
  });
});
