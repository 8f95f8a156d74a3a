import { describe, expect, test } from 'vitest';
import { block } from '../helpers.ts';
import { compileError, runOne, stage } from '../helpers.ts';

const rule = (attrs: Record<string, string | string[]>) => block('rule', attrs);

describe('stage.truncate', () => {
  test('the line is cut to the limit including the suffix and recorded in extracted', () => {
    const e = runOne([stage('truncate', {}, [rule({ limit: '8B', suffix: '...' })])], '0123456789');
    expect(e.line).toBe('01234...');
    expect(e.extracted.get('truncated')).toBe('line');
  });

  test('a cut inside a multibyte character leaves an invalid byte as Go does', () => {
    const e = runOne([stage('truncate', {}, [rule({ limit: '2B' })])], 'aé');
    expect(e.line).toBe('a\uDCC3');
  });

  test('label rules cut only the named labels', () => {
    const e = runOne([stage('truncate', {}, [rule({ limit: '3B', source_type: 'label', sources: ['long'] })])], 'l', { long: 'abcdef', other: 'abcdef' });
    expect(e.labels.get('long')).toBe('abc');
    expect(e.labels.get('other')).toBe('abcdef');
  });

  test('a rule is required', () => {
    expect(compileError([stage('truncate')])).toBe('missing required block "rule"');
  });

  test('a suffix as long as the limit is refused', () => {
    expect(compileError([stage('truncate', {}, [rule({ limit: '3B', suffix: '...' })])])).toBe('suffix length cannot be greater than or equal to limit');
  });
});
