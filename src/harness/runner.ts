// Runs a test suite against the simulation and turns what came out into verdicts. A test passes
// only when every expectation holds, no detector finds an unexcused secret, and nothing on the
// path was left unsimulated; anything unsimulated makes the verdict "unknown", never "pass".
import type { ConfigModel } from '../config/model.ts';
import { ConfigError } from '../config/errors.ts';
import type { PathOutput } from '../loki/graph.ts';
import type { LabelSet } from '../relabel/types.ts';
import { formatDiagnostic } from '../syntax/diagnostics.ts';
import { findingToDiagnostic, validateConfig } from '../lint/index.ts';
import { loadSuiteConfig, runLogEntries, runRelabel, type LoadedConfig } from './engines.ts';
import { checkAlloyAssertions } from './alloy-assertions.ts';
import { scanForLeaks } from './leak-scan.ts';
import { parseSeriesText, formatSeries, SeriesTextError } from './series.ts';
import { lastLineChange, traceLokiProcess } from './trace.ts';
import { DEFAULT_NOW_NS } from '../loki/stages/stage.ts';
import { goGetString } from '../template/index.ts';
import type { AlloyPipelineTest, Failure, LogInput, ScrubTest, TestResult, TestSuite, TraceStep, Verdict } from './types.ts';

export interface RunOptions {
  /** Only tests whose name this predicate accepts. */
  select?: (name: string) => boolean;
  readFile?: (path: string) => string;
  /** Record the entry after every step (`--trace`). */
  trace?: boolean;
  /**
   * Receives, once per suite, what Alloy would object to in the config outside the simulated path
   * (unknown components, attributes it refuses), each formatted as `file:line:col: …` with a frame.
   */
  onConfigWarning?: (text: string) => void;
}

export function runSuite(suite: TestSuite, opts: RunOptions = {}): TestResult[] {
  const tests = suite.tests.filter((t) => !opts.select || opts.select(t.name));
  if (tests.length === 0) return [];
  let loaded: LoadedConfig | undefined;
  let loadFailure: string | undefined;
  try {
    loaded = loadSuiteConfig(suite, opts.readFile);
    const errors = loaded.model.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) loadFailure = errors.map((d) => formatDiagnostic(d, loaded!.source)).join('\n');
    else if (opts.onConfigWarning) reportConfigWarnings(loaded, opts.onConfigWarning);
  } catch (err) {
    loadFailure = (err as Error).message;
  }
  return tests.map((t) => {
    if ('assertions' in t) return runAlloyTest(suite, t, loaded, loadFailure);
    return runScrubTest(suite, t, loaded, loadFailure, opts);
  });
}

function reportConfigWarnings(loaded: LoadedConfig, report: (text: string) => void): void {
  const seen = new Set<string>();
  for (const f of validateConfig(loaded.model)) {
    const d = findingToDiagnostic(f);
    const text = formatDiagnostic({ ...d, message: `warning: ${d.message}` }, d.file === loaded.file ? loaded.source : '');
    if (seen.has(text)) continue;
    seen.add(text);
    report(text);
  }
}

function result(suite: TestSuite, name: string, component: string, failures: Failure[], warnings: Failure[], unknown: boolean): TestResult {
  const status: Verdict = unknown ? 'unknown' : failures.length > 0 ? 'fail' : 'pass';
  return { file: suite.file, name, component, status, failures, warnings };
}

function runScrubTest(suite: TestSuite, test: ScrubTest, loaded: LoadedConfig | undefined, loadFailure: string | undefined, opts: RunOptions): TestResult {
  const componentLabel = test.component ?? '';
  if (loadFailure !== undefined || !loaded) {
    return expectErrorOutcome(suite, test, loadFailure ?? 'the config could not be loaded');
  }
  const model = loaded.model;
  const component = test.component ?? defaultComponent(model);
  if (!component) {
    const failures = [{ kind: 'component', message: 'the test names no component and the config does not have exactly one loki.process' }];
    return result(suite, test.name, componentLabel, failures, [], false);
  }
  if (!model.components.has(component)) {
    return expectErrorOutcome(suite, test, `component "${component}" is not defined in ${loaded.file}`, component);
  }
  try {
    return isRelabelComponent(component)
      ? runRelabelTest(suite, test, model, component)
      : runLogTest(suite, test, model, component, opts);
  } catch (err) {
    if (err instanceof SeriesTextError) return result(suite, test.name, component, [{ kind: 'error', message: err.message }], [], false);
    if (err instanceof ConfigError) {
      const d = err.toDiagnostic();
      return expectErrorOutcome(suite, test, formatDiagnostic(d, d.file === loaded.file ? loaded.source : ''), component);
    }
    throw err;
  }
}

/** The config or the component was refused: that passes only a test that expected exactly this. */
function expectErrorOutcome(suite: TestSuite, test: ScrubTest, message: string, component = test.component ?? ''): TestResult {
  if (test.expectError !== undefined) {
    const ok = message.includes(test.expectError);
    const failures = ok ? [] : [{ kind: 'expect_error', message: 'the error differs from the expected one', expected: test.expectError, actual: message }];
    return result(suite, test.name, component, failures, [], false);
  }
  return result(suite, test.name, component, [{ kind: 'error', message }], [], false);
}

function defaultComponent(model: ConfigModel): string | undefined {
  const processes = [...model.components.keys()].filter((id) => id.startsWith('loki.process.'));
  return processes.length === 1 ? processes[0] : undefined;
}

export function isRelabelComponent(id: string): boolean {
  return id.startsWith('prometheus.relabel.') || id.startsWith('discovery.relabel.');
}

function runLogTest(suite: TestSuite, test: ScrubTest, model: ConfigModel, component: string, opts: RunOptions): TestResult {
  // An entry gets the time it is read, as an Alloy source stamps it: the simulation's fixed 'now'.
  const inputs: LogInput[] = test.inputs.map((line) => ({ line, labels: test.labels, structuredMetadata: new Map(), timestampNs: DEFAULT_NOW_NS }));
  const start = model.components.get(component)!;
  // The entry after each stage of the start component: shown with --trace, and the source of
  // "last changed by" in failure reports. Computed only when one of those needs it.
  let traces: TraceStep[][] | undefined;
  const tracesOf = (): TraceStep[][] | undefined => {
    if (start.componentName !== 'loki.process') return undefined;
    traces ??= inputs.map((i) => traceLokiProcess(start, i, test.extracted));
    return traces;
  };
  const lastChangeOf = (): string | undefined => {
    const t = tracesOf();
    return t ? (t.map(lastLineChange).filter((x) => x !== undefined).at(-1) ?? 'no stage changed the line') : undefined;
  };
  const run = runLogEntries(model, component, inputs, test.extracted);
  const failures: Failure[] = [];
  let trace: TraceStep[][] | undefined;
  if (test.expectError !== undefined) {
    failures.push({ kind: 'expect_error', message: 'the config and component were accepted, but an error was expected', expected: test.expectError });
  }
  const outputs = run.perInput.flat();
  const delivered = outputs.filter((o) => !o.dropped);
  const unknownMarks = outputs.flatMap((o) => o.entry.unknown);

  if (test.expect !== undefined) {
    const sinks = [...new Set(delivered.map((o) => o.sink))];
    if (sinks.length === 0) {
      failures.push({ kind: 'expect', message: 'no entry reached a sink', expected: test.expect.join('\n'), actual: dropSummary(outputs) });
    }
    for (const sink of sinks) {
      const lines = delivered.filter((o) => o.sink === sink).map((o) => o.entry.line);
      if (!sameLines(lines, test.expect)) {
        failures.push({
          kind: 'expect',
          message: sinks.length > 1 ? `the lines reaching ${sink} differ from the expected ones` : 'the output differs from the expected one',
          expected: test.expect.join('\n'),
          actual: lines.join('\n'),
          lastChange: lastChangeOf(),
        });
      }
    }
  }
  if (test.expectLabels !== undefined) {
    for (const o of delivered) {
      if (!sameMap(o.entry.labels, test.expectLabels)) {
        failures.push({ kind: 'expect_labels', message: `labels at ${o.sink} differ`, expected: mapText(test.expectLabels), actual: mapText(o.entry.labels) });
      }
    }
  }
  if (test.expectExtracted !== undefined) {
    for (const o of outputs) {
      for (const [k, v] of test.expectExtracted) {
        // Compared as Alloy's stages read an extracted value as a string (getString); a value with
        // no string form (a map, a list) can only differ.
        const raw = o.entry.extracted.get(k);
        const got = raw === undefined ? undefined : goGetString(raw);
        if (got !== v) {
          const actual = raw === undefined ? '(missing)' : (got ?? `(a value with no string form: ${JSON.stringify(raw, (_k, x) => (x instanceof Map ? Object.fromEntries(x) : typeof x === 'bigint' ? x.toString() : x))})`);
          failures.push({ kind: 'expect_extracted', message: `extracted["${k}"] differs`, expected: v, actual });
        }
      }
    }
  }
  if (test.expectDropped !== undefined) {
    const droppedAll = delivered.length === 0;
    if (test.expectDropped && !droppedAll) {
      failures.push({ kind: 'expect_dropped', message: 'expected the entry to be dropped, but it reached a sink', actual: delivered.map((o) => `${o.sink}: ${o.entry.line}`).join('\n') });
    }
    if (!test.expectDropped && run.perInput.some((outs) => !outs.some((o) => !o.dropped))) {
      failures.push({ kind: 'expect_dropped', message: 'expected the entry to be kept, but it was dropped', actual: dropSummary(outputs) });
    }
  }
  if (test.expectTenant !== undefined) {
    for (const o of delivered) {
      if (o.tenant !== test.expectTenant) {
        failures.push({ kind: 'expect_tenant', message: `the tenant of the entry reaching ${o.sink} differs`, expected: test.expectTenant, actual: o.tenant ?? '(none: the default tenant of the write endpoint)' });
      }
    }
  }
  for (const text of test.mustContain) {
    for (const o of delivered) {
      if (!o.entry.line.includes(text)) failures.push({ kind: 'must_contain', message: `the line reaching ${o.sink} does not contain the expected text`, expected: text, actual: o.entry.line });
    }
  }
  const leakTexts = delivered.map((o) => ({ where: o.sink, texts: deliveredTexts(o) }));
  for (const secret of test.mustNotContain) {
    for (const { where, texts } of leakTexts) {
      const hit = texts.find((t) => t.text.includes(secret));
      if (hit) failures.push({ kind: 'must_not_contain', message: `${hit.field} reaching ${where} contains a value that must not leave`, secret, actual: hit.text });
    }
  }
  const { failures: leakFailures, warnings } = scanForLeaks(suite, test, leakTexts);
  failures.push(...leakFailures);
  const unknown = unknownMarks.length > 0;
  if (opts.trace) trace = tracesOf();
  if (unknown) {
    const seen = new Set<string>();
    for (const m of unknownMarks) {
      const where = m.range ? `${m.file ?? ''}:${m.range.start.line}:${m.range.start.column}: ` : '';
      const text = `${where}${m.message}`;
      if (seen.has(text)) continue;
      seen.add(text);
      failures.push({ kind: 'unknown', message: text });
    }
  }
  const r = result(suite, test.name, component, failures, warnings, unknown);
  return trace ? { ...r, trace } : r;
}

function deliveredTexts(o: PathOutput): { field: string; text: string }[] {
  const texts = [{ field: 'the line', text: o.entry.line }];
  for (const [k, v] of o.entry.labels) texts.push({ field: `label ${k}`, text: v });
  for (const [k, v] of o.entry.structuredMetadata) texts.push({ field: `structured metadata ${k}`, text: v });
  return texts;
}

function dropSummary(outputs: PathOutput[]): string {
  return outputs.map((o) => (o.dropped ? `dropped by ${o.dropped.by}: ${o.dropped.reason}` : `${o.sink}: ${o.entry.line}`)).join('\n');
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

export function mapText(m: Map<string, string> | null): string {
  if (m === null) return '(dropped)';
  return `{${[...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
}

function runRelabelTest(suite: TestSuite, test: ScrubTest, model: ConfigModel, component: string): TestResult {
  const failures: Failure[] = [];
  if (test.expectError !== undefined) {
    failures.push({ kind: 'expect_error', message: 'the config and component were accepted, but an error was expected', expected: test.expectError });
  }
  const inputSets: LabelSet[] = test.series !== undefined ? parseSeriesText(test.series) : [new Map(test.labels)];
  const outs = inputSets.flatMap((labels) => runRelabel(model, component, labels));
  const kept = outs.filter((o) => o.labels !== null);
  if (test.expectLabels !== undefined) {
    if (kept.length === 0) failures.push({ kind: 'expect_labels', message: 'the label set was dropped', expected: mapText(test.expectLabels), actual: outs.map((o) => `dropped by ${o.droppedBy ?? '?'}`).join('\n') });
    for (const o of kept) {
      if (!sameMap(o.labels!, test.expectLabels)) failures.push({ kind: 'expect_labels', message: `labels${o.sink ? ` at ${o.sink}` : ''} differ`, expected: mapText(test.expectLabels), actual: mapText(o.labels) });
    }
  }
  if (test.expectSeries !== undefined) {
    const expected = parseSeriesText(test.expectSeries).map((l) => formatSeries(l));
    const sinks = [...new Set(outs.map((o) => o.sink ?? ''))];
    for (const sink of sinks) {
      const actual = outs.filter((o) => (o.sink ?? '') === sink && o.labels !== null).map((o) => formatSeries(o.labels!));
      if (!sameLines(actual, expected)) {
        failures.push({ kind: 'expect_series', message: sink ? `the series reaching ${sink} differ` : 'the series differ', expected: expected.join('\n'), actual: actual.join('\n') });
      }
    }
  }
  if (test.expectDropped !== undefined) {
    if (test.expectDropped && kept.length > 0) failures.push({ kind: 'expect_dropped', message: 'expected the series to be dropped, but it was kept', actual: kept.map((o) => mapText(o.labels)).join('\n') });
    if (!test.expectDropped && kept.length < inputSets.length) failures.push({ kind: 'expect_dropped', message: 'expected the series to be kept, but it was dropped', actual: outs.filter((o) => !o.labels).map((o) => `dropped by ${o.droppedBy ?? '?'}`).join('\n') });
  }
  const leakTexts = kept.map((o) => ({ where: o.sink ?? component, texts: [...o.labels!].map(([k, v]) => ({ field: `label ${k}`, text: v })) }));
  for (const text of test.mustContain) {
    for (const { where, texts } of leakTexts) {
      if (!texts.some((t) => t.text.includes(text) || t.field === `label ${text}`)) failures.push({ kind: 'must_contain', message: `the labels reaching ${where} do not contain the expected text`, expected: text });
    }
  }
  for (const secret of test.mustNotContain) {
    for (const { where, texts } of leakTexts) {
      const hit = texts.find((t) => t.text.includes(secret));
      if (hit) failures.push({ kind: 'must_not_contain', message: `${hit.field} reaching ${where} contains a value that must not leave`, secret, actual: hit.text });
    }
  }
  const { failures: leakFailures, warnings } = scanForLeaks(suite, test, leakTexts);
  failures.push(...leakFailures);
  const marks = [...new Set(outs.flatMap((o) => o.unknown))];
  for (const m of marks) failures.push({ kind: 'unknown', message: m });
  return result(suite, test.name, component, failures, warnings, marks.length > 0);
}

function runAlloyTest(suite: TestSuite, test: AlloyPipelineTest, loaded: LoadedConfig | undefined, loadFailure: string | undefined): TestResult {
  const components = test.inputs.flatMap((i) => i.components).join(', ');
  if (loadFailure !== undefined || !loaded) return result(suite, test.name, components, [{ kind: 'error', message: loadFailure ?? 'the config could not be loaded' }], [], false);
  const delivered: PathOutput[] = [];
  const marks: string[] = [];
  const failures: Failure[] = [];
  for (const input of test.inputs) {
    for (const target of input.components) {
      const id = target.replace(/\.receiver$/, '');
      if (!loaded.model.components.has(id)) {
        failures.push({ kind: 'error', message: `input target "${target}" is not a component of the config` });
        continue;
      }
      try {
        const run = runLogEntries(loaded.model, id, input.entries);
        for (const o of run.perInput.flat()) {
          if (!o.dropped) delivered.push(o);
          for (const m of o.entry.unknown) marks.push(m.message);
        }
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        failures.push({ kind: 'error', message: formatDiagnostic(err.toDiagnostic(), loaded.source) });
      }
    }
  }
  failures.push(...checkAlloyAssertions(test.assertions, delivered.map((o) => o.entry)));
  for (const m of new Set(marks)) failures.push({ kind: 'unknown', message: m });
  return result(suite, test.name, components, failures, [], marks.length > 0);
}
