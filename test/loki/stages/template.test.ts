import { describe, expect, test } from 'vitest';
import { compileError, runOne, stage } from '../helpers.ts';

describe('stage.template', () => {
  test('a plain-text template stores its text under source', () => {
    expect(runOne([stage('template', { source: 'tag', template: 'fixed' })], 'l').extracted.get('tag')).toBe('fixed');
  });

  test('an empty result deletes the key', () => {
    expect(runOne([stage('template', { source: 'app', template: '' })], 'l', { app: 'x' }).extracted.has('app')).toBe(false);
  });

  test('an empty source is refused at decode time', () => {
    expect(compileError([stage('template', { source: '', template: 'x' })])).toBe('template source value is required');
  });
});
