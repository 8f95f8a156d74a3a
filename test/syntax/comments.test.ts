import { describe, expect, it } from 'vitest';
import { groupComments } from '../../src/syntax/comments.ts';
import { parseFile } from '../../src/syntax/parse.ts';
import { scanAll } from '../../src/syntax/scanner.ts';

function texts(src: string): string[][] {
  return groupComments(scanAll(src).tokens).map((g) => g.comments.map((c) => c.text));
}

describe('groupComments', () => {
  it('splits groups at a blank line', () => {
    expect(texts('// a\n// b\n\n// c\n')).toEqual([['// a', '// b'], ['// c']]);
  });

  it('splits groups at code between comments', () => {
    expect(texts('// a\nx = 1\n// b\n')).toEqual([['// a'], ['// b']]);
  });

  it('lets a comment after a multi-line block comment join its group', () => {
    expect(texts('/* a\nb */\n// c\n')).toEqual([['/* a\nb */', '// c']]);
  });

  it('groups exactly as the parser does', () => {
    const src = 'a = 1 // x\n// y\n\n/* z */ b = 2\n';
    expect(texts(src)).toEqual(parseFile(src, 'f').file.comments.map((g) => g.comments.map((c) => c.text)));
  });
});
