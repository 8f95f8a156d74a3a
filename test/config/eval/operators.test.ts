import { describe, expect, it } from 'vitest';
import { evalError, evalExpr, show } from './helpers.ts';

describe('arithmetic', () => {
  it('divides integers with truncation like Go', () => {
    expect(show(evalExpr('7 / 2'))).toBe('int:3');
  });
  it('divides floats when either side is a float', () => {
    expect(show(evalExpr('7.0 / 2'))).toBe('float:3.5');
  });
  it('truncates negative integer division toward zero', () => {
    expect(show(evalExpr('-7 / 2'))).toBe('int:-3');
  });
  it('keeps the sign of the dividend for %', () => {
    expect(show(evalExpr('-7 % 3'))).toBe('int:-1');
  });
  it('computes integer powers with ^', () => {
    expect(show(evalExpr('2 ^ 10'))).toBe('int:1024');
  });
  it('wraps integer overflow at 64 bits', () => {
    expect(show(evalExpr('2 ^ 64'))).toBe('int:0');
  });
  it('returns the base for a negative integer exponent, as Alloy intPow does', () => {
    expect(show(evalExpr('5 ^ -2'))).toBe('int:5');
  });
  it('computes float powers', () => {
    expect(show(evalExpr('2.0 ^ 0.5'))).toBe(`float:${Math.SQRT2}`);
  });
  it('applies precedence: ^ binds tighter than * and * tighter than +', () => {
    expect(show(evalExpr('1 + 2 * 3 ^ 2'))).toBe('int:19');
  });
  it('reads a leading-zero literal as octal, as strconv.ParseInt base 0', () => {
    expect(show(evalExpr('0755'))).toBe('int:493');
  });
  it('reads a leading-zero literal with 8 or 9 as a float', () => {
    expect(show(evalExpr('089'))).toBe('float:89');
  });
  it('reads integers above int64 as uint64', () => {
    expect(show(evalExpr('18446744073709551615'))).toBe('uint:18446744073709551615');
  });
  it('reports division by zero blaming the divisor', () => {
    const err = evalError('1 / 0');
    expect(err.message).toBe('0 divide by zero error');
    expect(err.range.start.column).toBe(5);
  });
  it('negates with unary minus', () => {
    expect(show(evalExpr('-(3 - 5)'))).toBe('int:2');
  });
});

describe('strings and comparisons', () => {
  it('concatenates strings with +', () => {
    expect(evalExpr('"a" + "b"')).toBe('ab');
  });
  it('refuses string + number with Alloy\'s message on the right operand', () => {
    expect(evalError('"a" + 1').message).toBe('1 should be string, got number');
  });
  it('refuses operands of a type the operator does not accept', () => {
    expect(evalError('true + 1').message).toBe('true should be one of [number string capsule] for binop +, got bool');
  });
  it('compares strings by bytes', () => {
    expect(evalExpr('"a" < "b"')).toBe(true);
  });
  it('compares numbers of different kinds by value', () => {
    expect(evalExpr('3 == 3.0')).toBe(true);
  });
  it('treats values of different types as unequal instead of failing', () => {
    expect(evalExpr('1 == "1"')).toBe(false);
  });
  it('compares arrays element by element', () => {
    expect(evalExpr('[1, "a"] == [1, "a"]')).toBe(true);
  });
  it('compares objects by their fields', () => {
    expect(evalExpr('{a = 1, b = 2} != {b = 2, a = 1}')).toBe(false);
  });
  it('combines booleans with && and ||', () => {
    expect(evalExpr('true && !false || false')).toBe(true);
  });
  it('refuses ! on a non-bool', () => {
    expect(evalError('!1').message).toBe('1 should be bool, got number');
  });
  it('refuses && on non-bools blaming the left operand first', () => {
    expect(evalError('1 && true').message).toBe('1 should be one of [bool] for binop &&, got number');
  });
});
