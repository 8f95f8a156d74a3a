// Every context the fuzzer writes secrets into, in the order the coverage matrix shows them.
import { cri, docker } from './envelopes.ts';
import { httpHeader, urlQuery, urlUserinfo } from './http.ts';
import { keyValue, logfmt, logfmtQuotedContext } from './key-value.ts';
import { commandLine, stackTrace } from './process.ts';
import { json, jsonNested } from './structured.ts';
import { freeText, several } from './text.ts';
import type { Context } from './types.ts';

export const CONTEXTS: readonly Context[] = [
  json,
  jsonNested,
  logfmt,
  logfmtQuotedContext,
  keyValue,
  httpHeader,
  urlQuery,
  urlUserinfo,
  commandLine,
  stackTrace,
  cri,
  docker,
  freeText,
  several,
];

export function context(id: string): Context | undefined {
  return CONTEXTS.find((c) => c.id === id);
}
