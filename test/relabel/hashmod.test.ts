import { describe, expect, it } from 'vitest';
import { hashmod } from '../../src/relabel/hashmod.ts';

// Expected values computed with Go: binary.BigEndian.Uint64(md5.Sum([]byte(s))[8:]) % m.
describe('hashmod', () => {
  it('hashes the empty string', () => {
    expect(hashmod('', 1000n)).toBe('958');
  });

  it('uses the whole uint64 range for the largest modulus', () => {
    expect(hashmod('10.1.2.3', 18446744073709551615n)).toBe('16642065280919738223');
  });

  it('is 0 for modulus 1', () => {
    expect(hashmod('anything', 1n)).toBe('0');
  });
});
