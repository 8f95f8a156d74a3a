// The configuration model: what an Alloy file means once its syntax has been read. Components with
// their evaluated attributes and nested blocks (in source order), and the graph of references
// between them. Pipelines (loki stages, relabel rules) are compiled from this model.

import type { Diagnostic, Expr, Range } from '../syntax/ast.ts';
import type { AlloyValue } from './value.ts';

export interface EvaluatedAttribute {
  name: string;
  value: AlloyValue;
  /** The expression as written, for reports that show what the user wrote. */
  expr: Expr;
  range: Range;
}

/** A block after evaluation. Nested blocks keep their source order across names (stage order). */
export interface EvaluatedBlock {
  /** Full dotted name: `stage.replace`, `rule`, `endpoint`. */
  name: string;
  label?: string;
  attributes: Map<string, EvaluatedAttribute>;
  blocks: EvaluatedBlock[];
  range: Range;
  /** The file the block was read from (a module's blocks carry the module's path or name). */
  file: string;
}

export interface Component extends EvaluatedBlock {
  /** `loki.process.scrub_secrets`; inside a module instance, prefixed by the instance path. */
  id: string;
  /** The component's registered name without label: `loki.process`. */
  componentName: string;
  /**
   * True for an instance of a custom component (`declare` or imported): `componentName` is then
   * the name as written (`scrubber`, `mods.scrubber`) and the module's own components follow it
   * with ids `<instance id>/<local id>`.
   */
  custom?: boolean;
}

export interface Edge {
  from: string;
  to: string;
  /** `forward_to`, `targets`, or the attribute path through which the reference is made. */
  via: string;
  range: Range;
  /**
   * `forward`: `from` sends data to `to` (a receiver capsule in forward_to, an output block…).
   * `reference`: `from` reads an export of `to` (targets, rules, content); data flows to → from.
   */
  kind?: 'forward' | 'reference';
}

export interface ConfigModel {
  file: string;
  source: string;
  components: Map<string, Component>;
  /** Top-level configuration blocks that are not components: logging, http, remotecfg, tracing… */
  configBlocks: EvaluatedBlock[];
  edges: Edge[];
  diagnostics: Diagnostic[];
}
