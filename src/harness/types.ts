// The model of a scrub-rule test suite once its YAML has been read and checked, and the verdicts
// the runner produces for it. Both test-file formats (ours and Alloy's declarative pipeline tests)
// load into these types.

/** A place in a test file, for error messages (`file:line:col`). */
export interface FilePos {
  file: string;
  line: number;
  column: number;
}

/** A test-file problem: unknown key, wrong type, unreadable config. */
export class TestFileError extends Error {
  constructor(
    message: string,
    readonly pos: FilePos,
  ) {
    super(`${pos.file}:${pos.line}:${pos.column}: ${message}`);
    this.name = 'TestFileError';
  }
}

export type ConfigSource = { kind: 'path'; path: string; pos: FilePos } | { kind: 'inline'; text: string; pos: FilePos };

/** What a detector hit may be excused by: a detector id, or a literal value. */
export interface AllowEntry {
  detector?: string;
  value?: string;
}

export interface LogInput {
  line: string;
  labels: Map<string, string>;
  structuredMetadata: Map<string, string>;
  /** Nanoseconds since the epoch; 0 when not given. */
  timestampNs: bigint;
}

/** One test of our own format. Every expectation present must hold. */
export interface ScrubTest {
  name: string;
  pos: FilePos;
  component?: string;
  inputs: string[];
  labels: Map<string, string>;
  extracted: Map<string, string>;
  series?: string;
  expect?: string[];
  expectLabels?: Map<string, string>;
  expectExtracted?: Map<string, string>;
  expectSeries?: string;
  expectDropped?: boolean;
  /** The Loki tenant (X-Scope-OrgID) the entry is sent with, as stage.tenant / loki.write set it. */
  expectTenant?: string;
  mustContain: string[];
  mustNotContain: string[];
  expectError?: string;
}

/** One test of Alloy's declarative pipeline-test format (a whole file is one test). */
export interface AlloyPipelineTest {
  name: string;
  pos: FilePos;
  inputs: { components: string[]; entries: LogInput[] }[];
  assertions: AlloyAssertion[];
}

export interface MapMatch {
  mode: 'exact' | 'partial';
  values: Map<string, string>;
}

export interface AlloyEntryMatch {
  line?: string;
  timestampNs?: bigint;
  labels?: MapMatch;
  structuredMetadata?: MapMatch;
}

export type AlloyAssertion =
  | { type: 'count'; count: number; match: AlloyEntryMatch; pos: FilePos }
  | { type: 'contains'; match: AlloyEntryMatch; pos: FilePos };

export interface TestSuite {
  file: string;
  format: 'alloy-scrub' | 'alloy-pipelinetest';
  config: ConfigSource;
  env: Map<string, string>;
  detectors: 'fail' | 'warn';
  allow: AllowEntry[];
  tests: (ScrubTest | AlloyPipelineTest)[];
}

export type Verdict = 'pass' | 'fail' | 'unknown';

export interface Failure {
  /** Short machine-friendly kind: expect, expect_labels, must_not_contain, leak, error, unknown… */
  kind: string;
  message: string;
  expected?: string;
  actual?: string;
  /** For leaks: the detector and where in the output the value sits. */
  detector?: string;
  secret?: string;
  /** The stage that last changed the line (file:line:col name), when known. */
  lastChange?: string;
}

/** The entry after each step, for `--trace`. */
export interface TraceStep {
  step: string;
  line: string;
  labels: Record<string, string>;
  extracted: Record<string, unknown>;
  dropped?: string;
}

export interface TestResult {
  file: string;
  name: string;
  component: string;
  status: Verdict;
  failures: Failure[];
  warnings: Failure[];
  trace?: TraceStep[][];
}
