import { describe, expect, test } from 'vitest';
import { block, compileError, runOne, stage } from '../helpers.ts';

describe('stage.metrics', () => {
  test('a valid counter leaves the entry unchanged', () => {
    const s = [stage('metrics', {}, [block('metric.counter', { name: 'lines', action: 'inc', match_all: true })])];
    expect(runOne(s, 'pw=1').line).toBe('pw=1');
  });

  test('a counter action other than inc/add is refused', () => {
    expect(compileError([stage('metrics', {}, [block('metric.counter', { name: 'x', action: 'set' })])])).toBe(
      "the 'action' counter field must be either 'inc' or 'add'",
    );
  });

  test('a max_idle_duration under a second is refused', () => {
    expect(compileError([stage('metrics', {}, [block('metric.gauge', { name: 'x', action: 'set', max_idle_duration: '500ms' })])])).toBe(
      'max_idle_duration must be greater or equal than 1s',
    );
  });

  test('a histogram needs buckets', () => {
    expect(compileError([stage('metrics', {}, [block('metric.histogram', { name: 'x' })])])).toBe('missing required attribute "buckets"');
  });
});
