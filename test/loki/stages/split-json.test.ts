import { describe, expect, test } from 'vitest';
import { entry, simulate, stage } from '../helpers.ts';

const lines = (stages: ReturnType<typeof stage>[], text: string, labels: Record<string, string> = {}) =>
  simulate(stages).process(entry(text, labels)).map((o) => (o.kind === 'forward' ? o.entry.line : o.kind));

describe('stage.split_json', () => {
  test('each array element becomes an entry with its exact JSON text', () => {
    expect(lines([stage('split_json')], ' [ {"a": 1} , "s\\u0041" ,3]')).toEqual(['{"a": 1}', '"s\\u0041"', '3']);
  });

  test('later stages run on every element', () => {
    const s = [stage('split_json'), stage('replace', { expression: 'pw=(\\w+)', replace: 'X' })];
    expect(lines(s, '["pw=1","pw=2"]')).toEqual(['"pw=X"', '"pw=X"']);
  });

  test('a line that is not an array passes through', () => {
    expect(lines([stage('split_json')], '{"a":[1,2]}')).toEqual(['{"a":[1,2]}']);
  });

  test('an empty array produces no entry', () => {
    expect(lines([stage('split_json')], '[]')).toEqual(['drop']);
  });

  test('source splits an extracted value', () => {
    expect(lines([stage('split_json', { source: 'batch' })], 'line', { batch: '[1,2]' })).toEqual(['1', '2']);
  });
});
