import { describe, expect, test } from 'vitest';
import { compileError, runOne, stage } from '../helpers.ts';

describe('stage.tenant', () => {
  test('label sets __tenant_id__ from a stream label', () => {
    expect(runOne([stage('tenant', { label: 'namespace' })], 'x', { namespace: 'team-a' }).labels.get('__tenant_id__')).toBe('team-a');
  });

  test('source sets __tenant_id__ from an extracted value', () => {
    const s = [stage('regex', { expression: 'tenant=(?P<t>\\w+)' }), stage('tenant', { source: 't' })];
    expect(runOne(s, 'tenant=blue').labels.get('__tenant_id__')).toBe('blue');
  });

  test('value sets a constant tenant', () => {
    expect(runOne([stage('tenant', { value: 'fixed' })], 'x').labels.get('__tenant_id__')).toBe('fixed');
  });

  test('a missing label leaves the labels unchanged', () => {
    expect(runOne([stage('tenant', { label: 'namespace' })], 'x').labels.has('__tenant_id__')).toBe(false);
  });

  test('none of label, source, value is refused', () => {
    expect(compileError([stage('tenant')])).toBe('invalid stage config label, source or value config are required');
  });

  test('two of label, source, value are refused', () => {
    expect(compileError([stage('tenant', { label: 'a', value: 'b' })])).toBe(
      'invalid stage config label, source and value are mutually exclusive: you should set source, value or label but not all',
    );
  });
});
