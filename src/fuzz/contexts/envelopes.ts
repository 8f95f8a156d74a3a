// Container runtime envelopes around an application line: CRI (`<time> stdout F <line>`) and the
// docker json-file driver (`{"log":"<line>\n","stream":"stdout","time":…}`), which JSON-escapes
// the whole inner line once more.
import fc, { type Arbitrary } from 'fast-check';
import type { SecretType } from '../secrets/types.ts';
import { escaped, type FuzzEntry } from './entry.ts';
import { jsonEscape } from './encoders.ts';
import { TIMESTAMP } from './noise.ts';
import { json } from './structured.ts';
import { keyValue, logfmt } from './key-value.ts';
import { freeText } from './text.ts';
import type { Context } from './types.ts';

const flattenNewlines = (s: string): string => s.replace(/\n/g, ' ');

/** Application lines a container writes, for the envelope to wrap. */
function innerLine(t: SecretType): Arbitrary<FuzzEntry> {
  const inner = [json, logfmt, keyValue, freeText].filter((c) => c.accepts(t));
  return fc.oneof(...inner.map((c) => c.arbitrary(t)));
}

export const cri: Context = {
  id: 'cri',
  title: 'CRI envelope',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(innerLine(t), fc.constantFrom('stdout', 'stderr')).map(([inner, stream]): FuzzEntry => ({
      type: t.id,
      context: 'cri',
      // A CRI record is one line: here the application flattened its own line breaks.
      line: `${TIMESTAMP} ${stream} F ${flattenNewlines(inner.line)}`,
      secrets: escaped(inner.secrets, flattenNewlines),
    })),
};

export const docker: Context = {
  id: 'docker',
  title: 'docker json-file envelope',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(innerLine(t), fc.constantFrom('stdout', 'stderr')).map(([inner, stream]): FuzzEntry => ({
      type: t.id,
      context: 'docker',
      line: `{"log":"${jsonEscape(inner.line + '\n')}","stream":"${stream}","time":"${TIMESTAMP}"}`,
      secrets: escaped(inner.secrets, jsonEscape),
    })),
};
