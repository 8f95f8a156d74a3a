import { describe, expect, test } from 'vitest';
import { compileError, entry, simulate, stage } from '../helpers.ts';

const kinds = (stages: ReturnType<typeof stage>[], line: string, labels: Record<string, string> = {}, ts = 0n, nowNs?: bigint) =>
  simulate(stages, { nowNs }).process(entry(line, labels, ts)).map((o) => o.kind);

describe('stage.drop', () => {
  test('expression drops matching lines', () => {
    expect(kinds([stage('drop', { expression: 'healthz' })], 'GET /healthz')).toEqual(['drop']);
    expect(kinds([stage('drop', { expression: 'healthz' })], 'GET /api')).toEqual(['forward']);
  });

  test('the drop outcome carries the default reason', () => {
    const out = simulate([stage('drop', { expression: 'x' })]).process(entry('x'));
    expect(out[0]!.kind === 'drop' && out[0]!.reason).toBe('drop_stage');
  });

  test('source alone drops when every listed key is in extracted', () => {
    expect(kinds([stage('drop', { source: 'app,env' })], 'l', { app: 'a', env: 'e' })).toEqual(['drop']);
    expect(kinds([stage('drop', { source: 'app,env' })], 'l', { app: 'a' })).toEqual(['forward']);
  });

  test('value matches the whole source value literally', () => {
    expect(kinds([stage('drop', { source: 'level', value: 'de.ug' })], 'l', { level: 'debug' })).toEqual(['forward']);
    expect(kinds([stage('drop', { source: 'level', value: 'debug' })], 'l', { level: 'debug' })).toEqual(['drop']);
  });

  test('expression on several sources joins them with the separator', () => {
    expect(kinds([stage('drop', { source: 'a,b', expression: '^1;2$' })], 'l', { a: '1', b: '2' })).toEqual(['drop']);
    expect(kinds([stage('drop', { source: 'a,b', separator: '|', expression: '^1\\|2$' })], 'l', { a: '1', b: '2' })).toEqual(['drop']);
  });

  test('longer_than drops lines over the byte length', () => {
    expect(kinds([stage('drop', { longer_than: '8B' })], '123456789')).toEqual(['drop']);
    expect(kinds([stage('drop', { longer_than: '8B' })], '12345678')).toEqual(['forward']);
  });

  test('older_than compares the entry time with the configured now', () => {
    const now = 1_000_000_000_000n;
    expect(kinds([stage('drop', { older_than: '1s' })], 'l', {}, now - 2_000_000_000n, now)).toEqual(['drop']);
    expect(kinds([stage('drop', { older_than: '1s' })], 'l', {}, now, now)).toEqual(['forward']);
  });

  test('all criteria must hold', () => {
    expect(kinds([stage('drop', { expression: 'x', longer_than: '100B' })], 'x')).toEqual(['forward']);
  });

  test('an empty config is refused', () => {
    expect(compileError([stage('drop', { value: 'x' })])).toBe(
      'invalid stage config drop stage config must contain at least one of `source`, `expression`, `older_than` or `longer_than`',
    );
  });

  test('value together with expression is refused', () => {
    expect(compileError([stage('drop', { source: 's', value: 'x', expression: 'y' })])).toBe(
      'invalid stage config drop stage config error, `value` and `expression` cannot both be defined at the same time',
    );
  });

  test('a bad expression is refused with the drop stage wording', () => {
    expect(compileError([stage('drop', { expression: '[' })])).toBe(
      'invalid stage config drop stage regex compilation error: error parsing regexp: missing closing ]: `[`',
    );
  });
});
