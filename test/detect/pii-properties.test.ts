// Generated PII in the shapes the detectors promise to find.

import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { detectSecrets } from '../../src/detect/index.ts';

/** Builds a valid IBAN: check digits chosen so that the mod-97 remainder is 1. */
function makeIban(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of digits) rem = (rem * 10 + Number(d)) % 97;
  return country + String(98 - rem).padStart(2, '0') + bban;
}

const digitsOf = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('PII detectors on generated values', () => {
  test.prop([fc.constantFrom(['DE', 18], ['FR', 23], ['ES', 20], ['IT', 23], ['CH', 17], ['AT', 16], ['BE', 12]) as fc.Arbitrary<[string, number]>, fc.boolean(), fc.nat()])(
    'finds a mod-97-valid IBAN, solid or in groups of four',
    ([country, bbanLen], grouped, seed) => {
      const bban = String(seed).padStart(bbanLen, '7').slice(0, bbanLen);
      const iban = makeIban(country, bban);
      const text = grouped ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban;
      expect(detectSecrets(`iban=${text} ok`).map((f) => [f.detector, f.value])).toContainEqual(['iban', text]);
    },
  );

  test.prop([fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 })])(
    'finds a dashed SSN with a valid area, group and serial',
    (area, group, serial) => {
      const ssn = `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
      fc.pre(ssn !== '078-05-1120' && ssn !== '219-09-9999');
      expect(detectSecrets(`ssn=${ssn}`).map((f) => [f.detector, f.value])).toContainEqual(['us-ssn', ssn]);
    },
  );

  test.prop([fc.stringMatching(/^[a-z][a-z0-9._+-]{0,20}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,15}[a-z0-9]$/), fc.constantFrom('com', 'org', 'net', 'io', 'de', 'co.uk')])(
    'finds a plain email address',
    (local, domain, tld) => {
      fc.pre(!local.includes('..'));
      const addr = `${local}@${domain}.${tld}`;
      expect(detectSecrets(`user=${addr} logged in`).map((f) => f.value)).toContain(addr);
    },
  );

  test.prop([fc.constantFrom('2', '3', '4', '5', '6', '7', '8', '9'), digitsOf(2), fc.constantFrom('2', '3', '4', '5', '6', '7', '8', '9'), digitsOf(2), digitsOf(4), fc.constantFrom('-', '.')])(
    'finds a North American number written AAA-EEE-NNNN or AAA.EEE.NNNN',
    (a0, a, e0, e, n, sep) => {
      const num = `${a0}${a}${sep}${e0}${e}${sep}${n}`;
      expect(detectSecrets(`call ${num} now`).map((f) => [f.detector, f.value])).toContainEqual(['phone', num]);
    },
  );
});
