// logfmt (quoted where go-logfmt quotes, and always quoted) and `key: value` lines (YAML dumps,
// "config loaded" messages).
import fc, { type Arbitrary } from 'fast-check';
import type { SecretType } from '../secrets/types.ts';
import { escaped, placed, type FuzzEntry, type PlacedSecret } from './entry.ts';
import { jsonEscape, logfmtNeedsQuotes } from './encoders.ts';
import { fields, fieldsBeside, level, message } from './noise.ts';
import type { Context } from './types.ts';

/** go-logfmt's quoted value escapes as encoding/json does. */
const logfmtQuoted = (v: string): string => `"${jsonEscape(v)}"`;

export function logfmtLine(t: SecretType, alwaysQuote: boolean): Arbitrary<{ line: string; secrets: PlacedSecret[] }> {
  return fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys), level, message, fields, fc.nat(3)).map(([sample, key, lvl, msg, extra, pos]) => {
    const pairs = [`level=${lvl}`, `msg=${logfmtQuoted(msg)}`, ...fieldsBeside(extra, key).map(([k, v]) => `${k}=${v}`)];
    const quote = alwaysQuote || logfmtNeedsQuotes(sample.value);
    pairs.splice(Math.min(pos, pairs.length), 0, `${key}=${quote ? logfmtQuoted(sample.value) : sample.value}`);
    const secrets = quote ? escaped([placed(sample)], jsonEscape) : [placed(sample)];
    return { line: `ts=2024-01-01T00:00:00Z ${pairs.join(' ')}`, secrets };
  });
}

export const logfmt: Context = {
  id: 'logfmt',
  title: 'logfmt (quoted only when needed)',
  accepts: () => true,
  arbitrary: (t) => logfmtLine(t, false).map((r): FuzzEntry => ({ type: t.id, context: 'logfmt', ...r })),
};

export const logfmtQuotedContext: Context = {
  id: 'logfmt-quoted',
  title: 'logfmt, value quoted',
  accepts: () => true,
  arbitrary: (t) => logfmtLine(t, true).map((r): FuzzEntry => ({ type: t.id, context: 'logfmt-quoted', ...r })),
};

export const keyValue: Context = {
  id: 'key-value',
  title: '`key: value` (YAML, messages)',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys), fc.constantFrom('', '  ', 'config loaded: ', 'WARN effective settings ')).map(([sample, key, prefix]): FuzzEntry => ({
      type: t.id,
      context: 'key-value',
      line: `${prefix}${key}: ${sample.value}`,
      secrets: [placed(sample)],
    })),
};
