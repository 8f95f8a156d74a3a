import { describe, expect, it } from 'vitest';
import { ESCAPE } from '../../src/syntax/tabwriter.ts';
import { trimTrailingWhitespace } from '../../src/syntax/trimmer.ts';

describe('trimTrailingWhitespace', () => {
  it('drops blanks and tabs before a line end and at the end of the text', () => {
    expect(trimTrailingWhitespace('a \t\nb  ')).toBe('a\nb');
  });

  it('keeps blanks between words', () => {
    expect(trimTrailingWhitespace('a  =\t1\n')).toBe('a  =\t1\n');
  });

  it('copies escaped text verbatim, trailing blanks included, and drops the markers', () => {
    expect(trimTrailingWhitespace(`x ${ESCAPE}/* a  \n b */${ESCAPE}  \n`)).toBe('x /* a  \n b */\n');
  });
});
