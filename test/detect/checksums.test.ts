// Check-digit algorithms behind the card, IBAN and SSN detectors.

import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, ssnValid } from '../../src/detect/checksums.ts';

describe('luhnValid', () => {
  it('accepts a number whose Luhn sum is a multiple of ten', () => {
    expect(luhnValid('79927398713')).toBe(true);
  });
  it('rejects the same number with its last digit changed', () => {
    expect(luhnValid('79927398714')).toBe(false);
  });
  it('rejects non-digits', () => {
    expect(luhnValid('7992739871x')).toBe(false);
  });
});

describe('ibanValid', () => {
  it('accepts an IBAN whose mod-97 remainder is 1', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
  });
  it('rejects an IBAN with a wrong check digit', () => {
    expect(ibanValid('GB83WEST12345698765432')).toBe(false);
  });
  it('rejects lower-case input', () => {
    expect(ibanValid('gb82west12345698765432')).toBe(false);
  });
});

describe('ssnValid', () => {
  it('accepts an ordinary area, group and serial', () => {
    expect(ssnValid(536, 22, 8814)).toBe(true);
  });
  it.each([
    [0, 22, 8814],
    [666, 22, 8814],
    [900, 22, 8814],
    [536, 0, 8814],
    [536, 22, 0],
  ])('rejects never-issued number %i-%i-%i', (a, g, s) => {
    expect(ssnValid(a, g, s)).toBe(false);
  });
});
