// Reads a test file into a TestSuite. Two formats are accepted:
//  - alloy-scrub's own (`config` + `tests:`), described in DESIGN.md;
//  - Alloy's declarative pipeline tests (`config` + `inputs.loki` + `assert.loki`), run unchanged.
import { basename } from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import { YamlReader } from './yaml-reader.ts';
import { TestFileError } from './types.ts';
import type {
  AllowEntry,
  AlloyAssertion,
  AlloyEntryMatch,
  AlloyPipelineTest,
  ConfigSource,
  LogInput,
  MapMatch,
  ScrubTest,
  TestSuite,
} from './types.ts';

const SUITE_KEYS = ['config', 'config_inline', 'env', 'detectors', 'allow', 'tests'] as const;
const TEST_KEYS = [
  'name',
  'component',
  'input',
  'labels',
  'extracted',
  'series',
  'expect',
  'expect_labels',
  'expect_extracted',
  'expect_series',
  'expect_dropped',
  'expect_tenant',
  'must_contain',
  'must_not_contain',
  'expect_error',
] as const;
const ALLOY_KEYS = ['config', 'inputs', 'assert'] as const;

export function readTestSuite(file: string, text: string): TestSuite {
  const y = new YamlReader(file, text);
  if (!isMap(y.root)) throw y.error(y.root, 'a test file must be a YAML mapping');
  const keys = new Set((y.root.items as { key: Node }[]).map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  if (!keys.has('tests') && (keys.has('inputs') || keys.has('assert'))) return readAlloyPipelineTest(y);
  return readScrubSuite(y);
}

function readScrubSuite(y: YamlReader): TestSuite {
  const top = y.mapping(y.root, 'the test file', SUITE_KEYS);
  const config = readConfigSource(y, top.get('config')?.value ?? null, top.get('config_inline')?.value ?? null, y.root);
  const detectorsNode = top.get('detectors')?.value ?? null;
  let detectors: 'fail' | 'warn' = 'fail';
  if (detectorsNode) {
    const d = y.string(detectorsNode, 'detectors');
    if (d !== 'fail' && d !== 'warn') throw y.error(detectorsNode, 'detectors must be "fail" or "warn"');
    detectors = d;
  }
  const testsNode = top.get('tests');
  if (!testsNode) throw y.error(y.root, 'the test file has no "tests:" list');
  const tests = y.list(testsNode.value, 'tests').map((node, i) => readScrubTest(y, node, i));
  const names = new Set<string>();
  for (const t of tests) {
    if (names.has(t.name)) throw new TestFileError(`duplicate test name "${t.name}"`, t.pos);
    names.add(t.name);
  }
  return {
    file: y.file,
    format: 'alloy-scrub',
    config,
    env: y.stringMap(top.get('env')?.value ?? null, 'env'),
    detectors,
    allow: readAllow(y, top.get('allow')?.value ?? null),
    tests,
  };
}

function readConfigSource(y: YamlReader, path: Node | null, inline: Node | null, where: Node | null): ConfigSource {
  if (path && inline) throw y.error(inline, 'give either "config" or "config_inline", not both');
  if (inline) return { kind: 'inline', text: y.string(inline, 'config_inline'), pos: y.pos(inline) };
  if (path) return { kind: 'path', path: y.string(path, 'config'), pos: y.pos(path) };
  throw y.error(where, 'the test file names no config ("config: file.alloy" or "config_inline: |")');
}

function readAllow(y: YamlReader, node: Node | null): AllowEntry[] {
  if (node === null) return [];
  return y.list(node, 'allow').map((item, i) => {
    if (isMap(item)) {
      const m = y.mapping(item, `allow[${i}]`, ['detector', 'value']);
      const entry: AllowEntry = {};
      const d = m.get('detector')?.value;
      const v = m.get('value')?.value;
      if (d) entry.detector = y.string(d, `allow[${i}].detector`);
      if (v) entry.value = y.string(v, `allow[${i}].value`);
      if (!entry.detector && !entry.value) throw y.error(item, `allow[${i}] needs "detector" or "value"`);
      return entry;
    }
    // A bare string excuses either a detector of that id or that literal value.
    const s = y.string(item, `allow[${i}]`);
    return { detector: s, value: s };
  });
}

function readScrubTest(y: YamlReader, node: Node, index: number): ScrubTest {
  const m = y.mapping(node, `tests[${index}]`, TEST_KEYS);
  const get = (k: (typeof TEST_KEYS)[number]) => m.get(k)?.value ?? null;
  const has = (k: (typeof TEST_KEYS)[number]) => m.has(k);
  const nameNode = get('name');
  if (!nameNode) throw y.error(node, `tests[${index}] has no "name"`);
  const name = y.string(nameNode, 'name');
  const test: ScrubTest = {
    name,
    pos: y.pos(node),
    inputs: has('input') ? y.strings(get('input'), 'input') : [],
    labels: y.stringMap(get('labels'), 'labels'),
    extracted: y.stringMap(get('extracted'), 'extracted'),
    mustContain: has('must_contain') ? y.strings(get('must_contain'), 'must_contain') : [],
    mustNotContain: has('must_not_contain') ? y.strings(get('must_not_contain'), 'must_not_contain') : [],
  };
  if (has('component')) test.component = y.string(get('component'), 'component');
  if (has('series')) test.series = y.string(get('series'), 'series');
  if (has('expect')) test.expect = y.strings(get('expect'), 'expect');
  if (has('expect_labels')) test.expectLabels = y.stringMap(get('expect_labels'), 'expect_labels');
  if (has('expect_extracted')) test.expectExtracted = y.stringMap(get('expect_extracted'), 'expect_extracted');
  if (has('expect_series')) test.expectSeries = y.string(get('expect_series'), 'expect_series');
  if (has('expect_dropped')) test.expectDropped = y.bool(get('expect_dropped'), 'expect_dropped');
  if (has('expect_error')) test.expectError = y.string(get('expect_error'), 'expect_error');
  if (has('expect_tenant')) test.expectTenant = y.string(get('expect_tenant'), 'expect_tenant');

  const expectations =
    test.expect ?? test.expectLabels ?? test.expectExtracted ?? test.expectSeries ?? test.expectDropped ?? test.expectError ?? test.expectTenant;
  if (expectations === undefined && test.mustContain.length === 0 && test.mustNotContain.length === 0) {
    // A test that asserts nothing cannot fail; detectors alone are not an expectation the user wrote.
    throw y.error(node, `test "${name}" has no expectation (expect, expect_labels, expect_extracted, expect_series, expect_dropped, expect_tenant, must_contain, must_not_contain or expect_error)`);
  }
  if (test.expectError === undefined && test.inputs.length === 0 && test.series === undefined && !has('labels')) {
    throw y.error(node, `test "${name}" has no input (input, labels or series)`);
  }
  return test;
}

// --- Alloy's declarative pipeline-test format -------------------------------------------------

function readAlloyPipelineTest(y: YamlReader): TestSuite {
  const top = y.mapping(y.root, 'the pipeline test', ALLOY_KEYS);
  const configNode = top.get('config')?.value ?? null;
  if (!configNode) throw y.error(y.root, 'config is required');
  let config: ConfigSource;
  if (isMap(configNode)) {
    const c = y.mapping(configNode, 'config', ['path']);
    const p = c.get('path')?.value ?? null;
    if (!p) throw y.error(configNode, 'config mapping requires path');
    config = { kind: 'path', path: y.string(p, 'config.path'), pos: y.pos(p) };
  } else {
    config = { kind: 'inline', text: y.string(configNode, 'config'), pos: y.pos(configNode) };
  }

  const inputsNode = top.get('inputs')?.value ?? null;
  const inputs: AlloyPipelineTest['inputs'] = [];
  if (inputsNode) {
    const im = y.mapping(inputsNode, 'inputs', ['loki']);
    const loki = im.get('loki')?.value ?? null;
    if (loki) {
      for (const [i, inNode] of y.list(loki, 'inputs.loki').entries()) {
        const m = y.mapping(inNode, `inputs.loki[${i}]`, ['components', 'entries']);
        const components = m.has('components') ? y.strings(m.get('components')!.value, 'components') : [];
        const entries = m.has('entries')
          ? y.list(m.get('entries')!.value, 'entries').map((e, j) => readAlloyEntry(y, e, `inputs.loki[${i}].entries[${j}]`))
          : [];
        if (entries.length > 0 && components.length === 0) {
          throw y.error(inNode, `loki input ${i} requires at least one receiver target`);
        }
        inputs.push({ components, entries });
      }
    }
  }

  const assertions: AlloyAssertion[] = [];
  const assertNode = top.get('assert')?.value ?? null;
  if (assertNode) {
    const am = y.mapping(assertNode, 'assert', ['loki']);
    const loki = am.get('loki')?.value ?? null;
    if (loki) {
      for (const [i, aNode] of y.list(loki, 'assert.loki').entries()) {
        const m = y.mapping(aNode, `assert.loki[${i}]`, ['type', 'count', 'match']);
        const type = m.has('type') ? y.string(m.get('type')!.value, 'type') : '';
        const match = m.has('match') ? readAlloyMatch(y, m.get('match')!.value, `assert.loki[${i}].match`) : {};
        if (type === 'count') {
          if (!m.has('count')) throw y.error(aNode, 'count requires count');
          assertions.push({ type, count: y.int(m.get('count')!.value, 'count'), match, pos: y.pos(aNode) });
        } else if (type === 'contains') {
          if (Object.keys(match).length === 0) throw y.error(aNode, 'contains requires at least one match field');
          assertions.push({ type, match, pos: y.pos(aNode) });
        } else {
          throw y.error(m.get('type')?.value ?? aNode, `unknown assertion type "${type}"`);
        }
      }
    }
  }
  if (assertions.length === 0) throw y.error(y.root, 'the pipeline test has no assertion (assert.loki)');
  const test: AlloyPipelineTest = { name: basename(y.file).replace(/\.ya?ml$/, ''), pos: y.pos(y.root), inputs, assertions };
  return { file: y.file, format: 'alloy-pipelinetest', config, env: new Map(), detectors: 'fail', allow: [], tests: [test] };
}

function readAlloyEntry(y: YamlReader, node: Node, what: string): LogInput {
  const m = y.mapping(node, what, ['labels', 'line', 'timestamp', 'structured_metadata']);
  return {
    line: m.has('line') ? y.string(m.get('line')!.value, 'line') : '',
    labels: y.stringMap(m.get('labels')?.value ?? null, 'labels'),
    structuredMetadata: y.stringMap(m.get('structured_metadata')?.value ?? null, 'structured_metadata'),
    timestampNs: m.has('timestamp') ? parseTimestamp(y, m.get('timestamp')!.value) : 0n,
  };
}

function readAlloyMatch(y: YamlReader, node: Node | null, what: string): AlloyEntryMatch {
  const m = y.mapping(node, what, ['line', 'timestamp', 'labels', 'structured_metadata']);
  const out: AlloyEntryMatch = {};
  if (m.has('line')) out.line = y.string(m.get('line')!.value, 'line');
  if (m.has('timestamp')) out.timestampNs = parseTimestamp(y, m.get('timestamp')!.value);
  if (m.has('labels')) out.labels = readMapMatch(y, m.get('labels')!.value, 'labels');
  if (m.has('structured_metadata')) out.structuredMetadata = readMapMatch(y, m.get('structured_metadata')!.value, 'structured_metadata');
  return out;
}

function readMapMatch(y: YamlReader, node: Node | null, what: string): MapMatch {
  const m = y.mapping(node, what, ['mode', 'values']);
  const mode = m.has('mode') ? y.string(m.get('mode')!.value, `${what}.mode`) : 'exact';
  if (mode !== 'exact' && mode !== 'partial') {
    throw y.error(m.get('mode')!.value, `${what} mode must be "exact" or "partial", got "${mode}"`);
  }
  return { mode, values: y.stringMap(m.get('values')?.value ?? null, `${what}.values`) };
}

/** RFC 3339 with optional fraction, as Go's time.RFC3339Nano parses it, to nanoseconds. */
export function parseRfc3339Nano(s: string): bigint | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return null;
  const [, Y, Mo, D, h, mi, sec, frac, zone] = m;
  const ms = Date.UTC(+Y!, +Mo! - 1, +D!, +h!, +mi!, +sec!);
  if (Number.isNaN(ms)) return null;
  let ns = BigInt(ms) * 1_000_000n + BigInt((frac ?? '').padEnd(9, '0') || '0');
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1n : 1n;
    const off = BigInt(+zone.slice(1, 3) * 3600 + +zone.slice(4, 6) * 60) * 1_000_000_000n;
    ns -= sign * off;
  }
  return ns;
}

function parseTimestamp(y: YamlReader, node: Node | null): bigint {
  const s = y.string(node, 'timestamp');
  const ns = parseRfc3339Nano(s);
  if (ns === null) throw y.error(node, `parse timestamp "${s}": not an RFC 3339 time`);
  return ns;
}
