// Template data in the tagged form the Go oracle reads (test/oracle/template/main.go), and its
// translation into the TemplateValue the TypeScript engine reads — the same Go value on both sides.
import { SliceString } from '../../../src/template/values.ts';
import { StringMap, withGoType, type TemplateValue } from '../../../src/template/index.ts';
import { toBytes } from '../../../src/template/utf8.ts';

export type Tagged =
  | ['s', string]
  | ['f', number]
  | ['i', string]
  | ['b', boolean]
  | ['n']
  | ['u']
  | ['l', Tagged[]]
  | ['sl', string[]]
  | ['m', [string, Tagged][]]
  | ['sm', [string, string][]];

export function b64(s: string): string {
  return Buffer.from(toBytes(s)).toString('base64');
}

/** The JSON the oracle expects: strings as base64 of their Go bytes. */
export function encodeTagged(v: Tagged): unknown {
  switch (v[0]) {
    case 's':
      return ['s', b64(v[1])];
    case 'f':
      // As text, so that -0 survives JSON.
      return ['f', Object.is(v[1], -0) ? '-0' : String(v[1])];
    case 'l':
      return ['l', v[1].map(encodeTagged)];
    case 'sl':
      return ['sl', v[1].map(b64)];
    case 'm':
      return ['m', v[1].map(([k, x]) => [b64(k), encodeTagged(x)])];
    case 'sm':
      return ['sm', v[1].map(([k, x]) => [b64(k), b64(x)])];
    default:
      return v;
  }
}

export function toTemplateValue(v: Tagged): TemplateValue {
  switch (v[0]) {
    case 's':
      return v[1];
    case 'f':
      return v[1];
    case 'i':
      return BigInt(v[1]);
    case 'b':
      return v[1];
    case 'n':
      return null;
    case 'u':
      return undefined;
    case 'l':
      return v[1].map(toTemplateValue);
    case 'sl':
      return withGoType([...v[1]], SliceString);
    case 'm':
      return new Map(v[1].map(([k, x]) => [k, toTemplateValue(x)]));
    case 'sm': {
      const m = new StringMap();
      for (const [k, x] of v[1]) m.set(k, x);
      return m as unknown as Map<string, TemplateValue>;
    }
  }
}
