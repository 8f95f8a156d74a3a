import { describe, expect, it } from 'vitest';
import { ESCAPE, TabWriter } from '../../src/syntax/tabwriter.ts';

function run(text: string): string {
  const tw = new TabWriter();
  tw.write(text);
  return tw.finish();
}

describe('TabWriter', () => {
  it('pads a column to the widest cell plus one space', () => {
    expect(run('a\v= 1\nlong\v= 2\n')).toBe('a    = 1\nlong = 2\n');
  });

  it('ends an alignment block at a line without cells', () => {
    expect(run('a\v= 1\nplain\nlong\v= 2\n')).toBe('a = 1\nplain\nlong = 2\n');
  });

  it('ends an alignment block at a form feed', () => {
    expect(run('a\v= 1\flong\v= 2\n')).toBe('a = 1\nlong = 2\n');
  });

  it('turns leading empty tab cells into tab indentation', () => {
    expect(run('\ta\v= 1\n\tbb\v= 2\n')).toBe('\ta  = 1\n\tbb = 2\n');
  });

  it('counts escaped text by its characters, without the escape markers', () => {
    expect(run(`${ESCAPE}é${ESCAPE}\v= 1\nab\v= 2\n`)).toBe(`${ESCAPE}é${ESCAPE}  = 1\nab = 2\n`);
  });

  it('does not split escaped text at tabs or newlines', () => {
    expect(run(`x ${ESCAPE}a\tb\nc${ESCAPE}\n`)).toBe(`x ${ESCAPE}a\tb\nc${ESCAPE}\n`);
  });
});
