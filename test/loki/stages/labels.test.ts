import { describe, expect, test } from 'vitest';
import { compileError, labelsOf, runOne, stage } from '../helpers.ts';

describe('label stages', () => {
  test('labels sets labels from extracted values, null source meaning same name', () => {
    const s = [stage('regex', { expression: '(?P<lvl>\\w+):' }), stage('labels', { values: { level: 'lvl', lvl: null } })];
    expect(labelsOf(runOne(s, 'warn: x'))).toEqual({ level: 'warn', lvl: 'warn' });
  });

  test('labels skips a missing extracted key', () => {
    expect(labelsOf(runOne([stage('labels', { values: { nope: '' } })], 'x'))).toEqual({});
  });

  test('static_labels adds constants and ignores empty values', () => {
    expect(labelsOf(runOne([stage('static_labels', { values: { env: 'prod', gone: '' } })], 'x', { gone: 'kept' }))).toEqual({ env: 'prod', gone: 'kept' });
  });

  test('label_drop removes the named labels', () => {
    expect(labelsOf(runOne([stage('label_drop', { values: ['user_id'] })], 'x', { user_id: '7', app: 'a' }))).toEqual({ app: 'a' });
  });

  test('label_keep removes every other label', () => {
    expect(labelsOf(runOne([stage('label_keep', { values: ['app'] })], 'x', { user_id: '7', app: 'a' }))).toEqual({ app: 'a' });
  });

  test('an empty label_drop is refused', () => {
    expect(compileError([stage('label_drop', { values: [] })])).toBe('invalid stage config labeldrop stage config cannot be empty');
  });

  test('an invalid labels source_type is refused', () => {
    expect(compileError([stage('labels', { values: { a: '' }, source_type: 'line' })])).toBe(
      "invalid stage config invalid labels source_type: line. Can only be 'extracted' or 'structured_metadata'",
    );
  });

  test('output replaces the line with an extracted value', () => {
    expect(runOne([stage('output', { source: 'app' })], 'secret line', { app: 'web' }).line).toBe('web');
  });

  test('output with a missing key leaves the line', () => {
    expect(runOne([stage('output', { source: 'msg' })], 'secret line').line).toBe('secret line');
  });
});
