import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/regex/expand.ts';

// One match of a pattern with groups 1 = "first" and 2 = "last" (named so) over "ab cd".
const src = 'ab cd';
const match = [0, 5, 0, 2, 3, 5];
const names = ['', 'first', 'last'];
const expand = (t: string) => expandTemplate(t, src, match, names);

describe('Expand follows Go', () => {
  it('substitutes $1 and ${1}', () => {
    expect(expand('$2-${1}')).toBe('cd-ab');
  });

  it('substitutes $name and ${name}', () => {
    expect(expand('$last ${first}')).toBe('cd ab');
  });

  it('writes $$ as a dollar sign', () => {
    expect(expand('$$1')).toBe('$1');
  });

  it('reads $1x as the group named 1x, which is empty here', () => {
    expect(expand('[$1x]')).toBe('[]');
  });

  it('ends a braced reference at the brace', () => {
    expect(expand('${1}x')).toBe('abx');
  });

  it('keeps a $ that starts no valid reference', () => {
    expect(expand('$ ${ ${1 ${}')).toBe('$ ${ ${1 ${}');
  });

  it('expands $0 to the whole match', () => {
    expect(expand('<$0>')).toBe('<ab cd>');
  });

  it('expands references to groups that do not exist to nothing', () => {
    expect(expand('<$9><$nope>')).toBe('<><>');
  });

  it('does not read a number with a leading zero as a group number', () => {
    expect(expand('<$01>')).toBe('<>');
  });

  it('treats non-ASCII letters as part of a name', () => {
    expect(expand('<$1é>')).toBe('<>');
  });

  it('stops a name at a character that is not a letter, digit or underscore', () => {
    expect(expand('$1.$2')).toBe('ab.cd');
  });

  it('expands a group that did not participate to nothing', () => {
    expect(expandTemplate('<$1>', 'x', [0, 1, -1, -1], ['', ''])).toBe('<>');
  });

  it('uses the first participating group when a name labels several', () => {
    expect(expandTemplate('$n', 'b', [0, 1, -1, -1, 0, 1], ['', 'n', 'n'])).toBe('b');
  });
});
