import { describe, expect, it } from 'vitest';
import { docSnippets, expectedErrors, PLACEHOLDER } from './corpus.ts';

describe('expectedErrors', () => {
  it('places a marker at the token before it', () => {
    const src = 'a = 1 + /* ERROR "expected expression" */ ]\n';
    expect([...expectedErrors(src)]).toEqual([[6, 'expected expression']]);
  });

  it('places a HERE marker just after the token before it', () => {
    const src = 'x = [\n  2/* ERROR HERE "missing \',\'" */\n]\n';
    expect([...expectedErrors(src)]).toEqual([[9, "missing ','"]]);
  });

  it('ignores terminators between the token and the marker', () => {
    const src = 'a = b.true /* ERROR "got BOOL" */\n';
    expect([...expectedErrors(src)]).toEqual([[6, 'got BOOL']]);
  });
});

describe('docSnippets', () => {
  it('extracts alloy fences with the line of the opening fence', () => {
    const md = 'text\n```alloy\na = 1\n```\n\n```yaml\nb: 2\n```\n  ```alloy\n  c {}\n  ```\n';
    expect(docSnippets(md)).toEqual([
      { line: 2, code: 'a = 1\n' },
      { line: 9, code: 'c {}\n' },
    ]);
  });
});

describe('PLACEHOLDER', () => {
  it('recognises angle-bracket placeholders and ellipses but not comparisons', () => {
    expect(['label = "<LABEL>"', 'x = [...]', 'a = b < c'].map((s) => PLACEHOLDER.test(s))).toEqual([true, true, false]);
  });
});
