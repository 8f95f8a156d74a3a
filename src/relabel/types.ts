// Label sets and relabel results shared by prometheus.relabel, discovery.relabel and loki.relabel.
import type { Range } from '../syntax/ast.ts';

/** Label sets are Maps: label names come from untrusted input. */
export type LabelSet = Map<string, string>;

export interface RelabelResult {
  /** The label set after the rules, or null when a rule dropped it. */
  labels: LabelSet | null;
  /** Which rule dropped the set, when it was dropped. */
  droppedBy?: { index: number; action: string; range?: Range };
}
