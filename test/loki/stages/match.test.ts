import { describe, expect, test } from 'vitest';
import { compileError, entry, runOne, simulate, stage } from '../helpers.ts';

describe('stage.match', () => {
  test('matching entries go through the nested stages', () => {
    const s = [stage('match', { selector: '{app="api"}' }, [stage('replace', { expression: 'pw=(\\S+)', replace: 'X' })])];
    expect(runOne(s, 'pw=123', { app: 'api' }).line).toBe('pw=X');
  });

  test('entries that do not match pass untouched', () => {
    const s = [stage('match', { selector: '{app="api"}' }, [stage('replace', { expression: 'pw=(\\S+)', replace: 'X' })])];
    expect(runOne(s, 'pw=123', { app: 'web' }).line).toBe('pw=123');
  });

  test('line filters restrict which entries match', () => {
    const s = [stage('match', { selector: '{app="api"} |= "login"' }, [stage('replace', { expression: 'pw=(\\S+)', replace: 'X' })])];
    expect(runOne(s, 'pw=1', { app: 'api' }).line).toBe('pw=1');
    expect(runOne(s, 'login pw=1', { app: 'api' }).line).toBe('login pw=X');
  });

  test('action drop drops matching entries with the default reason', () => {
    const out = simulate([stage('match', { selector: '{app="api"}', action: 'drop' })]).process(entry('x', { app: 'api' }));
    expect(out).toHaveLength(1);
    expect(out[0]!.kind).toBe('drop');
    expect(out[0]!.kind === 'drop' && out[0]!.reason).toBe('match_stage');
  });

  test('drop_counter_reason names the drop', () => {
    const out = simulate([stage('match', { selector: '{a="1"}', action: 'drop', drop_counter_reason: 'noisy' })]).process(entry('x', { a: '1' }));
    expect(out[0]!.kind === 'drop' && out[0]!.reason).toBe('noisy');
  });

  test('the nested pipeline copies labels into extracted again', () => {
    const s = [
      stage('template', { source: 'app', template: 'changed' }),
      stage('match', { selector: '{app="api"}' }, [stage('output', { source: 'app' })]),
    ];
    expect(runOne(s, 'line', { app: 'api' }).line).toBe('api');
  });

  test('keep without nested stages is refused', () => {
    expect(compileError([stage('match', { selector: '{a="1"}' })])).toBe(
      "invalid stage config match stage requires at least one additional stage to be defined in '- stages'",
    );
  });

  test('drop with nested stages is refused', () => {
    expect(compileError([stage('match', { selector: '{a="1"}', action: 'drop' }, [stage('static_labels', { values: { x: 'y' } })])])).toBe(
      'invalid stage config match stage configured to drop entries cannot contains stages',
    );
  });

  test('an unknown action is refused', () => {
    expect(compileError([stage('match', { selector: '{a="1"}', action: 'maybe' }, [stage('tenant', { value: 't' })])])).toBe(
      "invalid stage config match stage action should be 'keep' or 'drop'",
    );
  });

  test('an empty selector string is refused', () => {
    expect(compileError([stage('match', { selector: '' }, [stage('tenant', { value: 't' })])])).toBe(
      'invalid stage config selector statement required for match stage',
    );
  });

  test('a selector syntax error is refused with the parser position', () => {
    expect(compileError([stage('match', { selector: '{a=b}' }, [stage('tenant', { value: 't' })])])).toBe(
      'invalid stage config invalid selector syntax for match stage: parse error at line 1, col 4: syntax error: unexpected IDENTIFIER, expecting STRING',
    );
  });

  test('a bad line filter regex is refused as a pipeline error', () => {
    expect(compileError([stage('match', { selector: '{a="b"} |~ "("' }, [stage('tenant', { value: 't' })])])).toBe(
      'invalid stage config error parsing pipeline: error parsing regexp: missing closing ): `(`',
    );
  });

  test('an invalid nested stage is refused with the nested reason', () => {
    expect(compileError([stage('match', { selector: '{a="b"}' }, [stage('replace', { expression: '' })])])).toContain(
      'match stage failed to create pipeline from config {…}: invalid stage config expression is required',
    );
  });
});
