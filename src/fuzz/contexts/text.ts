// Free text: a self-evident secret in a sentence, no key in sight; and lines with several
// secrets of one type (a rule that stops after the first match leaks the second).
import fc, { type Arbitrary } from 'fast-check';
import type { SecretType } from '../secrets/types.ts';
import { escaped, placed, type FuzzEntry } from './entry.ts';
import { jsonEscape } from './encoders.ts';
import type { Context } from './types.ts';

const SENTENCES: [string, string][] = [
  ['connecting to ', ' as primary'],
  ['received credential ', ' from upstream'],
  ['user lookup for ', ' returned 1 row'],
  ['', ' was used for this request'],
  ['audit: value=', ''],
];

export function sentence(t: SecretType): Arbitrary<FuzzEntry> {
  return fc.tuple(t.arbitrary(), fc.constantFrom(...SENTENCES)).map(([sample, [before, after]]): FuzzEntry => ({
    type: t.id,
    context: 'text',
    line: `${before}${sample.value}${after}`,
    secrets: [placed(sample)],
  }));
}

export const freeText: Context = {
  id: 'text',
  title: 'free text',
  accepts: (t) => t.selfEvident,
  arbitrary: sentence,
};

/** Distinct keys for the secrets of one line, as a rotation log writes them. */
const ROLE = ['', 'old_', 'new_'];

export const several: Context = {
  id: 'multi',
  title: 'several secrets in one line',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(fc.array(fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys)), { minLength: 2, maxLength: 3 }), fc.boolean()).map(([items, asJson]): FuzzEntry => {
      if (asJson) {
        const body = items.map(([s, k], i) => `"${jsonEscape(ROLE[i] + k)}":"${jsonEscape(s.value)}"`).join(',');
        return { type: t.id, context: 'multi', line: `{"level":"info",${body}}`, secrets: escaped(items.map(([s]) => placed(s)), jsonEscape) };
      }
      const body = items.map(([s, k], i) => `${ROLE[i]}${k}="${jsonEscape(s.value)}"`).join(' ');
      return { type: t.id, context: 'multi', line: `level=info ${body} msg=done`, secrets: escaped(items.map(([s]) => placed(s)), jsonEscape) };
    }),
};
