import { describe, expect, test } from 'vitest';
import { runOne, stage } from '../helpers.ts';

describe('stage.structured_metadata', () => {
  test('a stream label named in values is moved out of the labels', () => {
    const e = runOne([stage('structured_metadata', { values: { trace_id: null } })], 'l', { trace_id: 'abc', app: 'x' });
    expect(e.structuredMetadata.get('trace_id')).toBe('abc');
    expect(e.labels.has('trace_id')).toBe(false);
  });

  test('extracted values are copied by mapping', () => {
    const s = [stage('regex', { expression: 'req=(?P<rid>\\w+)' }), stage('structured_metadata', { values: { request: 'rid' } })];
    expect(runOne(s, 'req=42').structuredMetadata.get('request')).toBe('42');
  });

  test('structured_metadata_drop removes entries', () => {
    const s = [stage('structured_metadata', { values: { a: null } }), stage('structured_metadata_drop', { values: ['a'] })];
    expect(runOne(s, 'l', { a: '1' }).structuredMetadata.size).toBe(0);
  });
});
