// The functions Alloy's loki.process stages add to templates (stages/template.go
// `extraFunctionMap`), with their Go signatures. Alloy copies these over sprig's map, so
// `regexReplaceAll`/`regexReplaceAllLiteral` are Alloy's versions (same argument order as sprig's).
import { sha256 } from '@noble/hashes/sha2.js';
import { sha3_256 } from '@noble/hashes/sha3.js';
import { compileRegex, RegexSyntaxError, type GoRegexp } from '../../regex/index.ts';
import { quote, canBackquote } from '../../go/strconv/quote.ts';
import { GoCallError, stringFunc, type GoFunc } from '../func-spec.ts';
import { toBytes } from '../utf8.ts';
import { rv, T } from '../values.ts';
import * as gs from './gostrings.ts';

export function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Go's regexp.MustCompile: a bad pattern panics with this text (recovered by text/template). */
export function mustCompile(pattern: string): GoRegexp {
  try {
    return compileRegex(pattern);
  } catch (e) {
    if (e instanceof RegexSyntaxError) {
      const q = canBackquote(pattern) ? '`' + pattern + '`' : quote(pattern);
      throw new GoCallError(`regexp: Compile(${q}): ${e.message}`);
    }
    throw e;
  }
}

/** Alloy's Hash: hex(sha3-256(salt + input)). */
export function alloyHash(salt: string, input: string): string {
  return hex(sha3_256(toBytes(salt + input)));
}

/** Alloy's Sha2Hash: hex(sha256(salt + input)). */
export function alloySha2Hash(salt: string, input: string): string {
  return hex(sha256(toBytes(salt + input)));
}

export function alloyFuncs(): Map<string, GoFunc> {
  const m = new Map<string, GoFunc>();
  m.set('ToLower', stringFunc(1, gs.toLower));
  m.set('ToUpper', stringFunc(1, gs.toUpper));
  m.set('Replace', {
    params: [T.string, T.string, T.string, T.int],
    ret: T.string,
    call: ([s, o, n, c]) => rv.str(gs.replace(s!.v as string, o!.v as string, n!.v as string, c!.v as bigint)),
  });
  m.set('Trim', stringFunc(2, gs.trim));
  m.set('TrimLeft', stringFunc(2, gs.trimLeft));
  m.set('TrimRight', stringFunc(2, gs.trimRight));
  m.set('TrimPrefix', stringFunc(2, gs.trimPrefix));
  m.set('TrimSuffix', stringFunc(2, gs.trimSuffix));
  m.set('TrimSpace', stringFunc(1, gs.trimSpace));
  m.set('Hash', stringFunc(2, alloyHash));
  m.set('Sha2Hash', stringFunc(2, alloySha2Hash));
  m.set('regexReplaceAll', stringFunc(3, (re, s, repl) => mustCompile(re).replaceAllString(s, repl)));
  m.set('regexReplaceAllLiteral', stringFunc(3, (re, s, repl) => mustCompile(re).replaceAllLiteralString(s, repl)));
  return m;
}
