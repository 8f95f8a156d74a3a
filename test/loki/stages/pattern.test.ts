import { describe, expect, test } from 'vitest';
import { matchPattern, parsePattern } from '../../../src/loki/stages/pattern.ts';
import { compileError, runOne, stage } from '../helpers.ts';

const match = (p: string, line: string) => matchPattern(parsePattern(p), line);

describe('stage.pattern', () => {
  test('captures take the text up to the next literal', () => {
    const e = runOne([stage('pattern', { pattern: '<ip> - <user> [<_>] "<method> <path> <_>"' })], '10.0.0.1 - bob [01/Jan] "GET /login HTTP/1.1"');
    expect(e.extracted.get('ip')).toBe('10.0.0.1');
    expect(e.extracted.get('user')).toBe('bob');
    expect(e.extracted.get('method')).toBe('GET');
    expect(e.extracted.get('path')).toBe('/login');
  });

  test('a leading literal must be at the start of the line', () => {
    expect(match('user=<u>', 'x user=bob')).toBeUndefined();
    expect(match('user=<u>', 'user=bob')).toEqual(['bob']);
  });

  test('a capture whose literal is missing takes the rest and stops', () => {
    expect(match('<a> | <b>', 'no separator here')).toEqual(['no separator here']);
  });

  test('text after a final literal is ignored', () => {
    expect(match('<a>;', 'x;tail')).toEqual(['x']);
  });

  test('non-ASCII literals match (Loki v3.7.5 lexes UTF-8 characters)', () => {
    expect(match('é=<v>', 'é=1')).toEqual(['1']);
  });

  test('labels_from_groups sets labels too', () => {
    expect(runOne([stage('pattern', { pattern: 'app=<app> ', labels_from_groups: true })], 'app=web ok').labels.get('app')).toBe('web');
  });

  test('a pattern without a named capture is refused', () => {
    expect(compileError([stage('pattern', { pattern: 'x <_> y' })])).toBe('invalid stage config failed to parse pattern: at least one capture is required');
  });

  test('two captures in a row are refused', () => {
    expect(compileError([stage('pattern', { pattern: 'x<a><b>' })])).toBe(
      "invalid stage config failed to parse pattern: found consecutive capture '<a><b>': invalid expression",
    );
  });
});
