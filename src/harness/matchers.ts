// Custom vitest/jest matchers: `expect(outputs).toBeRedacted()` runs the built-in detectors over
// what reached the sinks. Register with `expect.extend(scrubMatchers)`. Messages mask the secrets.
import { detectSecrets, maskSecret } from '../detect/index.ts';
import type { LogOutput } from './library.ts';

type Received = string | LogOutput | (string | LogOutput)[];

function textsOf(received: Received): string[] {
  const items = Array.isArray(received) ? received : [received];
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (item.dropped) return [];
    return [item.line, ...Object.values(item.labels), ...Object.values(item.structuredMetadata)];
  });
}

export const scrubMatchers = {
  /** Passes when no detector finds a credential or PII in the received line(s) or outputs. */
  toBeRedacted(received: Received) {
    const hits = textsOf(received).flatMap((t) => detectSecrets(t));
    const unknown = (Array.isArray(received) ? received : [received]).some((r) => typeof r !== 'string' && r.unknown.length > 0);
    return {
      pass: hits.length === 0 && !unknown,
      message: () =>
        hits.length > 0
          ? `expected no secret in the output, found: ${hits.map((h) => `${h.detector} ${maskSecret(h.value)}`).join(', ')}`
          : unknown
            ? 'expected redacted output, but part of the path was not simulated (unknown)'
            : 'expected a detector to find a secret in the output, found none',
    };
  },
  /** Passes when the given value appears in no received line, label or metadata value. */
  toNotLeak(received: Received, secret: string) {
    const leaked = textsOf(received).some((t) => t.includes(secret));
    return {
      pass: !leaked,
      message: () => (leaked ? `expected ${maskSecret(secret)} not to reach a sink, but it did` : `expected ${maskSecret(secret)} to reach a sink`),
    };
  },
};

export interface ScrubMatchers<R = unknown> {
  toBeRedacted(): R;
  toNotLeak(secret: string): R;
}
