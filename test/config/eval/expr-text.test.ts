import { describe, expect, it } from 'vitest';
import { exprText } from '../../../src/config/eval/expr-text.ts';
import { parseExpression } from '../../../src/syntax/parse.ts';

function text(src: string): string {
  return exprText(parseExpression(src).expr);
}

describe('exprText', () => {
  it('keeps string literals as written', () => {
    expect(text('`a\\b`')).toBe('`a\\b`');
  });
  it('spaces binary operators', () => {
    expect(text('1+2*3')).toBe('1 + 2 * 3');
  });
  it('renders calls, indexes and accesses', () => {
    expect(text('string.format( "%s" , a[0].b )')).toBe('string.format("%s", a[0].b)');
  });
  it('renders objects on one line with quoted keys kept quoted', () => {
    expect(text('{ "a-b" = 1, c = [true] }')).toBe('{"a-b" = 1, c = [true]}');
  });
});
