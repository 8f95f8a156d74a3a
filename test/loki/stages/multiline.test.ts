import { describe, expect, test } from 'vitest';
import { compileError, entry, simulate, stage } from '../helpers.ts';

const lines = (outs: ReturnType<ReturnType<typeof simulate>['process']>) =>
  outs.map((o) => (o.kind === 'forward' ? o.entry.line : o.kind));

describe('stage.multiline', () => {
  test('continuation lines are held and joined to their first line', () => {
    const sim = simulate([stage('multiline', { firstline: '^\\d{4}-' })]);
    expect(lines(sim.process(entry('2024-01-01 panic: boom')))).toEqual(['held']);
    expect(lines(sim.process(entry('  at main.go:12')))).toEqual(['held']);
    expect(lines(sim.process(entry('2024-01-01 next')))).toEqual(['2024-01-01 panic: boom\n  at main.go:12', 'held']);
    expect(lines(sim.flush())).toEqual(['2024-01-01 next']);
  });

  test('a line before any first line passes through', () => {
    const sim = simulate([stage('multiline', { firstline: '^START' })]);
    expect(lines(sim.process(entry('orphan')))).toEqual(['orphan']);
  });

  test('max_lines closes a block', () => {
    const sim = simulate([stage('multiline', { firstline: '^S', max_lines: 2 })]);
    sim.process(entry('S1'));
    expect(lines(sim.process(entry('c1')))).toEqual(['S1\nc1']);
  });

  test('trailing newlines are trimmed by default', () => {
    const sim = simulate([stage('multiline', { firstline: '^S' })]);
    sim.process(entry('S1\r\n'));
    expect(lines(sim.flush())).toEqual(['S1']);
  });

  test('later stages see the joined block', () => {
    const sim = simulate([stage('multiline', { firstline: '^S' }), stage('replace', { expression: 'pw=(\\S+)', replace: 'X' })]);
    sim.process(entry('S start'));
    sim.process(entry(' pw=1'));
    expect(lines(sim.flush())).toEqual(['S start\n pw=X']);
  });

  test('an empty firstline is refused', () => {
    expect(compileError([stage('multiline', { firstline: '' })])).toBe(
      'invalid stage config multiline stage config must define `firstline` regular expression',
    );
  });
});
