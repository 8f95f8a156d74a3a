// JSON lines (any spacing, the key in any of its spellings, anywhere among other fields) and JSON
// nested in a JSON string (an escaped request body inside a structured log line).
import fc, { type Arbitrary } from 'fast-check';
import type { SecretType } from '../secrets/types.ts';
import { escaped, placed, type FuzzEntry } from './entry.ts';
import { jsonEscape } from './encoders.ts';
import { fields, fieldsBeside, level, message } from './noise.ts';
import type { Context } from './types.ts';

const SPACING: [string, string][] = [
  [':', ','],
  [': ', ', '],
  [' : ', ' , '],
];

/** A JSON object line with the secret under one of the type's keys. */
export function jsonObject(t: SecretType): Arbitrary<{ line: string; secrets: ReturnType<typeof placed>[] }> {
  return fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys), level, message, fields, fc.nat(3), fc.constantFrom(...SPACING)).map(([sample, key, lvl, msg, extra, pos, [colon, comma]]) => {
    const pairs: [string, string][] = [['level', lvl], ['msg', msg], ...fieldsBeside(extra, key)];
    const at = Math.min(pos, pairs.length);
    const secretPair: [string, string] = [key, sample.value];
    pairs.splice(at, 0, secretPair);
    const line = '{' + pairs.map(([k, v]) => `"${jsonEscape(k)}"${colon}"${jsonEscape(v)}"`).join(comma) + '}';
    return { line, secrets: escaped([placed(sample)], jsonEscape) };
  });
}

export const json: Context = {
  id: 'json',
  title: 'JSON',
  accepts: () => true,
  arbitrary: (t) => jsonObject(t).map((r): FuzzEntry => ({ type: t.id, context: 'json', ...r })),
};

export const jsonNested: Context = {
  id: 'json-nested',
  title: 'JSON inside a JSON string',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(jsonObject(t), level, fc.constantFrom('body', 'payload', 'request', 'msg')).map(([inner, lvl, field]): FuzzEntry => ({
      type: t.id,
      context: 'json-nested',
      line: `{"level":"${lvl}","${field}":"${jsonEscape(inner.line)}","status":400}`,
      secrets: escaped(inner.secrets, jsonEscape),
    })),
};
