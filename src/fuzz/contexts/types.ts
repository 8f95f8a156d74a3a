// A context: a way logs carry a value (JSON, logfmt, a header, a command line, an envelope…).
import type { Arbitrary } from 'fast-check';
import type { SecretType } from '../secrets/types.ts';
import type { FuzzEntry } from './entry.ts';

export interface Context {
  id: string;
  title: string;
  /** Whether this context can carry the type (free text only carries self-evident secrets). */
  accepts(t: SecretType): boolean;
  arbitrary(t: SecretType): Arbitrary<FuzzEntry>;
}
