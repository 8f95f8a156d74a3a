import { describe, expect, test } from 'vitest';
import { compileError, runOne, stage } from '../helpers.ts';

describe('stage.regex', () => {
  test('named groups of the first match go into extracted', () => {
    const e = runOne([stage('regex', { expression: 'user=(?P<user>\\w+)' })], 'user=ann user=bob');
    expect(e.extracted.get('user')).toBe('ann');
  });

  test('the line is never changed', () => {
    expect(runOne([stage('regex', { expression: '(?P<x>secret)' })], 'a secret').line).toBe('a secret');
  });

  test('a named group that did not participate stores the empty string', () => {
    const e = runOne([stage('regex', { expression: '(?P<a>x)|(?P<b>y)' })], 'y');
    expect(e.extracted.get('a')).toBe('');
    expect(e.extracted.get('b')).toBe('y');
  });

  test('labels_from_groups also sets labels', () => {
    const e = runOne([stage('regex', { expression: 'app=(?P<app>\\w+)', labels_from_groups: true })], 'app=web');
    expect(e.labels.get('app')).toBe('web');
  });

  test('source reads an extracted value', () => {
    const e = runOne([stage('regex', { expression: '(?P<first>\\w)', source: 'name' })], 'line', { name: 'zed' });
    expect(e.extracted.get('first')).toBe('z');
  });

  test('an empty source is refused', () => {
    expect(compileError([stage('regex', { expression: '(?P<a>x)', source: '' })])).toBe('invalid stage config empty source');
  });
});
