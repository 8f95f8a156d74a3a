import { describe, expect, test } from 'vitest';
import { decodeLogfmt } from '../../../src/loki/stages/logfmt.ts';
import { compileError, runOne, stage } from '../helpers.ts';

describe('stage.logfmt', () => {
  test('mapping extracts keys under their mapped names', () => {
    const e = runOne([stage('logfmt', { mapping: { lvl: 'level', msg: '' } })], 'level=info msg="hello world" x=1');
    expect(e.extracted.get('lvl')).toBe('info');
    expect(e.extracted.get('msg')).toBe('hello world');
    expect(e.extracted.has('x')).toBe(false);
  });

  test('regex extracts every matching key', () => {
    const e = runOne([stage('logfmt', { regex: '^(user|pass)$' })], 'user=a pass=b other=c');
    expect(e.extracted.get('user')).toBe('a');
    expect(e.extracted.get('pass')).toBe('b');
  });

  test('escaped quoted values are unquoted', () => {
    expect(decodeLogfmt('k="a \\"b\\" c"')).toEqual([['k', 'a "b" c']]);
  });

  test('a bare key has an empty value', () => {
    expect(decodeLogfmt('flag k=v')).toEqual([['flag', ''], ['k', 'v']]);
  });

  test('a syntax error stops decoding but keeps what came before', () => {
    expect(decodeLogfmt('a=1 b=x=y c=3')).toEqual([['a', '1']]);
  });

  test('neither mapping nor regex is refused', () => {
    expect(compileError([stage('logfmt')])).toBe('invalid stage config logfmt mapping or regex is required');
  });
});
