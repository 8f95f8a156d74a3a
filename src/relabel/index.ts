// Public API of the relabel layer: prometheus.relabel, discovery.relabel and loki.relabel rules as
// Alloy runs them, the path a label set takes through chained components, and the readers and
// writers for series, label sets and discovery targets.
export { applyRelabel, compileRelabelRules, RELABEL_COMPONENTS } from './engine.ts';
export type { ApplyRelabelOptions, CompiledRule, CompileRelabelOptions, RelabelComponentName } from './engine.ts';
export type { LabelSet, RelabelResult, RelabelUnknown } from './types.ts';
export { RELABEL_ACTIONS, type RelabelAction, type RuleConfig } from './rule-config.ts';
export { runRelabelPath, type RelabelPathResult } from './path.ts';
export { rulesOf, isRelabelComponentName } from './component-rules.ts';
export { compileLokiRelabel } from './loki-relabel.ts';
export { describeRelabelRules, type RelabelRuleDescription } from './describe.ts';
export { parseExposition, formatSeries, ExpositionError, type ExpositionLine, type SampleLine } from './exposition.ts';
export { parseLabelJson, parseTargetList, formatLabelJson, formatTargetList, LabelJsonError, type LabelRecord } from './label-json.ts';
export { runSeries, chooseRelabelStart, relabelComponentIds, droppedByText, type SeriesFormat, type SeriesRunOutput } from './series-run.ts';
