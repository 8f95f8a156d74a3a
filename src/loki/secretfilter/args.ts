// loki.secretfilter's arguments, decoded and validated as Alloy does (Arguments, SetToDefault,
// Validate, and the clamping Update applies to redact_percent).

import type { Component } from '../../config/model.ts';
import { findUnknown, StageArgs } from '../stages/args.ts';

export interface SecretFilterArgs {
  originLabel: string;
  redactWith: string;
  /** As written (0 when unset). */
  redactPercentArg: number;
  /** What Alloy uses: redact_percent when in 1..100, else 80. */
  redactPercent: number;
  gitleaksConfig: string;
  rate: number;
  processingTimeoutNs: bigint;
  dropOnTimeout: boolean;
  labelTimedOut: boolean;
}

const ATTRIBUTES = ['origin_label', 'redact_with', 'redact_percent', 'gitleaks_config', 'rate', 'processing_timeout', 'drop_on_timeout', 'label_timed_out'] as const;

export const DEFAULT_REDACT_PERCENT = 80;

/** Attribute values only known when Alloy runs (an export, an env var the config model could not see). */
export function unknownArgument(component: Component): { name: string; reason: string } | undefined {
  for (const a of component.attributes.values()) {
    if (a.name === 'forward_to') continue;
    const u = findUnknown(a.value);
    if (u) return { name: a.name, reason: u.reason };
  }
  return undefined;
}

export function decodeArgs(component: Component): SecretFilterArgs {
  const a = new StageArgs(component, { required: ['forward_to'], optional: ATTRIBUTES });
  const rate = a.number('rate', 1.0);
  if (rate < 0 || rate > 1) {
    throw a.error(`secretfilter: rate must be between 0.0 and 1.0, received ${rate.toFixed(6)}`, 'rate');
  }
  const redactPercentArg = a.int('redact_percent', DEFAULT_REDACT_PERCENT);
  if (redactPercentArg < 0) throw a.error(`cannot convert negative number ${redactPercentArg} to uint`, 'redact_percent');
  return {
    originLabel: a.string('origin_label'),
    redactWith: a.string('redact_with'),
    redactPercentArg,
    redactPercent: redactPercentArg >= 1 && redactPercentArg <= 100 ? redactPercentArg : DEFAULT_REDACT_PERCENT,
    gitleaksConfig: a.string('gitleaks_config'),
    rate,
    processingTimeoutNs: a.durationNs('processing_timeout') ?? 0n,
    dropOnTimeout: a.bool('drop_on_timeout'),
    labelTimedOut: a.bool('label_timed_out'),
  };
}
