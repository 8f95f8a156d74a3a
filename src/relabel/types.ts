// Label sets and relabel results shared by prometheus.relabel, discovery.relabel and loki.relabel.
import type { Range } from '../syntax/ast.ts';

/** Label sets are Maps: label names come from untrusted input. */
export type LabelSet = Map<string, string>;

/** Why a relabel result cannot be trusted: something the rules depend on was not simulated. */
export interface RelabelUnknown {
  message: string;
  file?: string;
  range?: Range;
}

export interface RelabelResult {
  /** The label set after the rules, or null when a rule dropped it. */
  labels: LabelSet | null;
  /** Which rule dropped the set, when it was dropped. */
  droppedBy?: {
    index: number;
    action: string;
    range?: Range;
    /** Set when the set was dropped for a reason other than a keep/drop rule (index is then -1). */
    reason?: string;
  };
  /** Present and non-empty when the result is not what Alloy would certainly produce. */
  unknown?: RelabelUnknown[];
}
