// The pass-through screen of a `run` that starts at a loki.secretfilter (see loki/prefilter.ts):
// a test on a line's raw bytes that is false only when the component provably leaves the line
// unchanged with no finding and no unknown mark.
import type { Buffer } from 'node:buffer';
import type { Component } from '../../config/model.ts';

/** The screen for `component`, or null when no line can be proven untouched. */
export function secretFilterPassThrough(component: Component): ((bytes: Buffer) => boolean) | null {
  void component;
  return null;
}
