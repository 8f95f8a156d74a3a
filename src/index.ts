// alloy-scrub as a library: load an Alloy config, push log lines and label sets through its
// components exactly as Alloy would, and check the results with the built-in detectors.
export { loadConfig, loadConfigFile, type LoadOptions } from './config/load.ts';
export type { ConfigModel, Component } from './config/model.ts';
export { processLogs, relabel, type LogInputLike, type LogOutput, type RelabelOutput } from './harness/library.ts';
export { scrubMatchers, type ScrubMatchers } from './harness/matchers.ts';
export { detectSecrets, maskSecret, DETECTORS, type Finding } from './detect/index.ts';
export { compileRegex, analyseRegex, RegexSyntaxError, type GoRegexp } from './regex/index.ts';
export { parseTemplate, alloyTemplateFuncs } from './template/index.ts';
export { readTestSuite } from './harness/test-file.ts';
export { runSuite } from './harness/runner.ts';
export type { TestResult, TestSuite } from './harness/types.ts';
export { lintSource, lintModel, validateConfig, formatSarif, type Finding as LintFinding } from './lint/index.ts';
export * as fuzz from './fuzz/index.ts';
