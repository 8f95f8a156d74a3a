// What a generated secret is: the text written into a log line, and the part of it that must
// never reach a sink. The two differ for carriers: in `postgresql://app:S3cret@db/prod` only the
// password is secret, in `Bearer abc…` only the token, in a PEM block only the key material.
import type { Arbitrary } from 'fast-check';

export interface SecretSample {
  /** Secret type id (`password`, `aws-access-key-id`, …). */
  type: string;
  /** The text as it is written into a line (the token, the URL, `Bearer …`). */
  value: string;
  /** The sensitive part of `value`, which no sink may receive, whole or as a long fragment. */
  secret: string;
  /** Other spellings of `secret` a pipeline might pass on (a card number without separators). */
  alternates?: string[];
}

export type SecretKind = 'credential' | 'pii';

export interface SecretType {
  id: string;
  title: string;
  kind: SecretKind;
  /** The project detector (src/detect) that must recognise every generated value. */
  detector: string;
  /**
   * True when the value announces itself (a vendor prefix, a URL, an address): it is a secret
   * wherever it is written. False when only a key names it (`password=…`): such values are only
   * placed under a key.
   */
  selfEvident: boolean;
  /** Key names under which logs carry this value, in the spellings found in the wild. */
  keys: readonly string[];
  /** HTTP header that carries it, when there is a conventional one. */
  header?: string;
  /** Also a plausible password in a URL's userinfo. */
  userinfo?: boolean;
  arbitrary: () => Arbitrary<SecretSample>;
  /** A line on which `detector` must find the sample: the detector property test's input. */
  probe: (s: SecretSample) => string;
}
