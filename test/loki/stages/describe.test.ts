import { describe, expect, test } from 'vitest';
import { describeLokiProcess } from '../../../src/loki/process.ts';
import { processComponent, stage, unknownValue } from '../helpers.ts';

describe('describeLokiProcess', () => {
  test('a replace rule without capture group is described as changing nothing', () => {
    const [d] = describeLokiProcess(processComponent([stage('replace', { expression: 'AKIA[A-Z0-9]{16}', replace: 'X' })]));
    expect(d!.name).toBe('stage.replace');
    expect(d!.position).toBe('1');
    expect(d!.regexes[0]!.analysis!.numSubexp).toBe(0);
    expect(d!.notes.some((n) => n.includes('changes nothing'))).toBe(true);
  });

  test('a ${1} replace is flagged as literal', () => {
    const [d] = describeLokiProcess(processComponent([stage('replace', { expression: '(a)', replace: '${1}=X' })]));
    expect(d!.notes.some((n) => n.includes('printed literally'))).toBe(true);
  });

  test('defaults are resolved as Alloy resolves them', () => {
    const [d] = describeLokiProcess(processComponent([stage('luhn')]));
    expect(d!.arguments).toMatchObject({ replacement: '**REDACTED**', min_length: 13 });
  });

  test('nested match stages are described with dotted positions', () => {
    const [d] = describeLokiProcess(processComponent([stage('match', { selector: '{a="b"}' }, [stage('tenant', { value: 't' })])]));
    expect(d!.stages![0]!.position).toBe('1.1');
    expect(d!.arguments['action']).toBe('keep');
  });

  test('an unsupported stage is described as not simulated', () => {
    const [d] = describeLokiProcess(processComponent([stage('geoip', { db: 'x', source: 'ip' })]));
    expect(d!.simulated).toBe(false);
  });

  test('an unknown argument is shown as unknown', () => {
    const [d] = describeLokiProcess(processComponent([stage('replace', { expression: unknownValue('local.file.x.content') })]));
    expect(d!.arguments['expression']).toEqual({ unknown: 'local.file.x.content' });
  });

  test('a regex Go rejects is described with Go reason', () => {
    const [d] = describeLokiProcess(processComponent([stage('regex', { expression: '(?=x)' })]));
    expect(d!.regexes[0]!.error).toContain('invalid or unsupported Perl syntax');
  });
});

describe('describeStage defaults', () => {
  test('multiline defaults are filled in', () => {
    const [d] = describeLokiProcess(processComponent([stage('multiline', { firstline: '^x' })]));
    expect(d!.arguments).toMatchObject({ firstline: '^x', max_lines: 128, max_wait_time: '3s', trim_newlines: true });
  });

  test('an empty drop reason falls back to drop_stage', () => {
    const [d] = describeLokiProcess(processComponent([stage('drop', { expression: 'x', drop_counter_reason: '' })]));
    expect(d!.arguments['drop_counter_reason']).toBe('drop_stage');
  });
});

describe('describeStage selector', () => {
  test('a match stage shows its parsed selector', () => {
    const [d] = describeLokiProcess(processComponent([stage('match', { selector: '{ns=~"prod-.*"} |= "login"' }, [stage('tenant', { value: 't' })])]));
    expect(d!.selector).toEqual({ matchers: [{ name: 'ns', op: '=~', value: 'prod-.*' }], filters: [{ op: '|=', value: 'login' }] });
    expect(d!.regexes[0]!.attribute).toBe('selector ns=~');
  });
});
