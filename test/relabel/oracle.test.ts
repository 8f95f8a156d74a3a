// Differential test: the engine against test/oracle/relabel, an independent Go implementation
// using Go's own regexp, strings.ToLower/ToUpper, crypto/md5 and (for discovery.relabel and
// loki.relabel) real Go maps, over fast-check-generated rules and label sets plus hand-picked cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { askOracle } from '../oracle/go.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { applyRelabel, compileRelabelRules, type RelabelComponentName } from '../../src/relabel/engine.ts';
import type { RelabelResult } from '../../src/relabel/types.ts';
import { ruleBlock, FILE } from './build-rules.ts';

interface RuleSpec {
  source_labels?: string[];
  separator?: string;
  regex?: string;
  modulus?: string;
  target_label?: string;
  replacement?: string;
  action?: string;
}

interface Case {
  component: RelabelComponentName;
  rules: RuleSpec[];
  labels: Record<string, string>;
}

interface Outcome {
  labels: Record<string, string> | null;
  dropped_by: number;
}

interface Answer {
  error?: string;
  outcomes?: Outcome[];
}

const NAMES = ['a', 'b', 'c', '__name__', 'job', 'x_y', 'ab', 'a_b', '__meta_kubernetes_pod_label_logging', '__meta_x', 'A', 'é', '😀', 'ﬀ', 'a-b', '1a', 'client_ip', 'user_id'];
const VALUES = ['', 'a', 'A', 'b', 'enabled', 'foo;bar', 'ÀÉ', 'ß', 'İ', 'Σ', 'ﬀ', 'ǅ', '10.1.2.3', 'x\ny', '😀', 'a-b', '${1}', '$1', 'aaa'];
const REGEXES = ['(.*)', 'a', '(a)(b)?', '(?P<n>.*)_(.*)', '.*', '(.+)', '__meta_(.*)', '(a|b)', '(a', '[', 'a{2,1}', '(?i)A', '\\w+', '', '(.*);(.*)', '(?:)', 'a.b', '(x)?(.*)', '(.)(.)', 'enabled', '(.*)_(.*)', '[^a]*', '\\pL+', 'a)|(b', '(?P<first>.)(?P<rest>.*)'];
const TARGETS = ['x', 'a', 'b', '$1', '${1}', '${1}x', '$1x', 'a-b', '', '${n}', '$n', '$2', 'é', '__name__', '1a', '$$', 'x$', '$first', 'x_${2}', '${1}${2}', '$', '${}'];
const REPLACEMENTS = ['$1', '${1}', '$1x', '${1}x', '$$', '$0', 'lit', '', '${n}', '$n', '$2', '${1}_${2}', 'x$', '$', '${', 'a-b', '$first', 'z', '$rest$first', 'new_$1'];
const ACTIONS = ['replace', 'keep', 'drop', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase', 'keepequal', 'dropequal', 'Keep', ''];

const nameArb = fc.oneof(fc.constantFrom(...NAMES), fc.stringMatching(/^[a-c_$]{0,4}$/));
const valueArb = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 5, unit: 'grapheme' }));

const ruleArb: fc.Arbitrary<RuleSpec> = fc.record(
  {
    source_labels: fc.array(nameArb, { maxLength: 3 }),
    separator: fc.constantFrom(';', '', ',', ';;'),
    regex: fc.constantFrom(...REGEXES),
    modulus: fc.constantFrom('0', '1', '2', '7', '1000', '18446744073709551615'),
    target_label: fc.oneof(fc.constantFrom(...TARGETS), nameArb),
    replacement: fc.constantFrom(...REPLACEMENTS),
    action: fc.constantFrom(...ACTIONS),
  },
  { requiredKeys: [] },
);

// Rules that pass validation more often: the common shapes of each action.
const validRuleArb: fc.Arbitrary<RuleSpec> = fc.oneof(
  fc.record({ action: fc.constantFrom('labeldrop', 'labelkeep'), regex: fc.constantFrom(...REGEXES.filter((r) => !/^\(a$|^\[$|\{2,1\}/.test(r))) }),
  fc.record({ action: fc.constant('labelmap'), regex: fc.constantFrom('(.*)', '__meta_(.*)', '(a|b)', '(.)(.)', '(.*)_(.*)', 'a(.*)', '(.+)'), replacement: fc.constantFrom('$1', '${1}x', 'x$1', '$2', '${2}_${1}', 'z', 'b') }),
  fc.record({ action: fc.constantFrom('keep', 'drop'), source_labels: fc.array(nameArb, { maxLength: 2 }), regex: fc.constantFrom('(.*)', 'a', 'enabled', '(a|b)', '', '.+', 'a;b') }),
  fc.record(
    { source_labels: fc.array(nameArb, { maxLength: 2 }), target_label: fc.constantFrom('x', '$1', '${1}', '${1}x', 'a', '$2', '$n', '${n}'), replacement: fc.constantFrom(...REPLACEMENTS), regex: fc.constantFrom('(.*)', '(.+)', '(a)(b)?', '(?P<n>.*)_(.*)', '(.)(.)', '(.*);(.*)') },
    { requiredKeys: ['target_label'] },
  ),
  fc.record({ action: fc.constantFrom('lowercase', 'uppercase', 'keepequal', 'dropequal'), source_labels: fc.array(nameArb, { maxLength: 2 }), target_label: fc.constantFrom('x', 'a', 'b', 'job') }),
  fc.record({ action: fc.constant('hashmod'), source_labels: fc.array(nameArb, { maxLength: 2 }), target_label: fc.constantFrom('x', '__tmp_hash'), modulus: fc.constantFrom('1', '2', '7', '1000', '18446744073709551615') }),
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  component: fc.constantFrom<RelabelComponentName>('prometheus.relabel', 'discovery.relabel', 'loki.relabel'),
  rules: fc.array(fc.oneof({ weight: 1, arbitrary: ruleArb }, { weight: 4, arbitrary: validRuleArb }), { maxLength: 5 }),
  labels: fc.dictionary(nameArb, valueArb, { maxKeys: 6 }),
});

const HAND_PICKED: Case[] = [
  // The seed's PII rules: a series without client_ip still gets client_ip_hashed="hashed".
  {
    component: 'prometheus.relabel',
    rules: [
      { action: 'labeldrop', regex: 'user_id|email|username|customer_id|session_id' },
      { source_labels: ['client_ip'], target_label: 'client_ip_hashed', action: 'replace', replacement: 'hashed' },
      { action: 'labeldrop', regex: 'client_ip' },
    ],
    labels: { __name__: 'http_requests_total', path: '/' },
  },
  {
    component: 'discovery.relabel',
    rules: [
      { source_labels: ['__meta_kubernetes_pod_label_logging'], regex: 'enabled', action: 'keep' },
      { source_labels: ['__meta_kubernetes_pod_node_name'], action: 'replace', target_label: 'node_name' },
    ],
    labels: { __address__: '10.0.0.1:80', __meta_kubernetes_pod_label_logging: 'enabled', __meta_kubernetes_pod_node_name: 'node-1' },
  },
  { component: 'prometheus.relabel', rules: [{ source_labels: ['a'], regex: '(.*)', target_label: '${1}', replacement: 'v' }], labels: { a: 'not-legacy' } },
  { component: 'discovery.relabel', rules: [{ source_labels: ['a'], regex: '(.*)', target_label: '${1}', replacement: 'v' }], labels: { a: 'not-legacy' } },
  { component: 'loki.relabel', rules: [], labels: {} },
  { component: 'discovery.relabel', rules: [{ action: 'labeldrop', regex: '.*' }], labels: { a: '1' } },
  { component: 'prometheus.relabel', rules: [{ source_labels: ['a'], action: 'hashmod', target_label: 'h', modulus: '18446744073709551615' }], labels: { a: '😀x' } },
  { component: 'prometheus.relabel', rules: [{ source_labels: ['a'], action: 'uppercase', target_label: 'u' }, { source_labels: ['a'], action: 'lowercase', target_label: 'l' }], labels: { a: 'ßİﬀǅΣς\u1f80' } },
  { component: 'prometheus.relabel', rules: [{ action: 'labelmap', regex: '(.*)', replacement: 'x_$1' }], labels: { '😀': '1', 'ﬀ': '2', a: '3' } },
  { component: 'prometheus.relabel', rules: [{ source_labels: ['a', 'b'], regex: '(.*);(.*)', target_label: 'c', replacement: '$2$1x${1}x$$${9}' }], labels: { a: 'A', b: 'B' } },
];

function toBlocks(c: Case) {
  return c.rules.map((r, i) => ruleBlock(r as Record<string, string | string[]>, 1 + i * 10)).map((b) => {
    // Modulus is a number in Alloy; hand it over as the number (or numeric string) the model holds.
    const m = b.attributes.get('modulus');
    if (m && typeof m.value === 'string' && BigInt(m.value) <= BigInt(Number.MAX_SAFE_INTEGER)) m.value = Number(m.value);
    return b;
  });
}

type Ours = { error: string } | { result: RelabelResult };

function runOurs(c: Case): Ours {
  try {
    const rules = compileRelabelRules(toBlocks(c), { component: c.component, file: FILE });
    return { result: applyRelabel(rules, new Map(Object.entries(c.labels)), { component: c.component }) };
  } catch (e) {
    if (e instanceof ConfigError) return { error: e.message };
    throw e;
  }
}

function sameLabels(a: Map<string, string> | null, b: Record<string, string> | null): boolean {
  if (a === null || b === null) return a === null && b === null;
  const bk = Object.keys(b);
  return a.size === bk.length && bk.every((k) => a.get(k) === b[k]);
}

/** Returns a description of the disagreement, or null. */
function disagreement(c: Case, ours: Ours, theirs: Answer): string | null {
  if ('error' in ours || theirs.error !== undefined) {
    if (!('error' in ours) || theirs.error === undefined) return `error mismatch: ours ${JSON.stringify(ours)} oracle ${JSON.stringify(theirs)}`;
    // Decode errors are prefixed by the expression, as Alloy prints them; validation errors are not.
    if (ours.error !== theirs.error && !ours.error.endsWith(' ' + theirs.error)) return `error text: ours ${ours.error} / oracle ${theirs.error}`;
    return null;
  }
  const outcomes = theirs.outcomes ?? [];
  const r = ours.result;
  const flagged = (r.unknown ?? []).length > 0;
  if (outcomes.length > 1 && !flagged) return `Go gave ${outcomes.length} different outcomes but the engine did not flag the result: ${JSON.stringify(outcomes)}`;
  if (flagged) return null;
  const o = outcomes[0]!;
  if (!sameLabels(r.labels, o.labels)) return `labels: ours ${JSON.stringify(r.labels && Object.fromEntries(r.labels))} oracle ${JSON.stringify(o.labels)}`;
  if (r.labels === null && r.droppedBy?.index !== o.dropped_by) return `dropped_by: ours ${r.droppedBy?.index} oracle ${o.dropped_by}`;
  return null;
}

describe('relabel engine against the Go oracle', () => {
  it('agrees with Go on 5000 generated cases and the hand-picked ones', async () => {
    const cases = [...HAND_PICKED, ...fc.sample(caseArb, { numRuns: 5000, seed: Number(process.env.RELABEL_ORACLE_SEED ?? 20261123) })];
    const answers = await askOracle<Case, Answer>('relabel', cases);
    const problems: string[] = [];
    let flagged = 0;
    let flaggedAndVaried = 0;
    let errors = 0;
    cases.forEach((c, i) => {
      const ours = runOurs(c);
      if ('error' in ours) errors++;
      else if ((ours.result.unknown ?? []).length > 0) {
        flagged++;
        if ((answers[i]!.outcomes ?? []).length > 1) flaggedAndVaried++;
      }
      const d = disagreement(c, ours, answers[i]!);
      if (d) problems.push(`${JSON.stringify(c)}\n  ${d}`);
    });
    console.log(`relabel oracle: ${cases.length} cases, ${errors} rejected configs, ${flagged} flagged order-dependent (Go varied on ${flaggedAndVaried}), ${problems.length} disagreements`);
    expect(problems.slice(0, 10)).toEqual([]);
    // The generator must exercise both accepted and rejected configurations.
    expect(errors).toBeGreaterThan(100);
    expect(cases.length - errors).toBeGreaterThan(1500);
  });
});
