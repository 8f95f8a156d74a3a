// `source` values that no earlier stage can have put into the extracted map.
//
// What the extracted map can hold at a stage, as Alloy fills it: the entry's labels (copied in
// before the first stage, and unknown to a linter: they come from discovery and sources), then
// whatever earlier stages extract — regex named groups, json `expressions` keys and keys matching
// json's `regex`, logfmt `mapping` keys and keys matching its `regex`, template's `source`,
// replace's named groups, cri's and docker's fixed keys, truncate's `truncated`. A stage the
// linter cannot read (not simulated, or an argument only known at run time) may extract anything,
// and the check stays silent after it. Because labels are unknown, a finding is a warning that
// names the one way the value can still exist.
import type { ConfigModel, EvaluatedBlock } from '../config/model.ts';
import { findUnknown } from '../loki/stages/args.ts';
import { compileRegex, type GoRegexp } from '../regex/index.ts';
import { analyseRegex } from '../regex/index.ts';
import { isObject } from '../config/value.ts';
import { walkBlocks } from './config-walk.ts';
import { finding, stringAttr } from './finding.ts';
import { compiledRules, relabelComponents } from './relabel-rules.ts';
import { lokiProcesses } from './stage-walk.ts';
import type { Finding } from './types.ts';

/**
 * Stages whose `source` names one extracted value they read, and that do nothing without it.
 * (stage.drop is not one: its source is a comma-separated list, and with an expression that
 * matches "" it can still drop when the values are missing.)
 */
const READS_SOURCE = new Set([
  'stage.replace', 'stage.regex', 'stage.json', 'stage.logfmt', 'stage.luhn', 'stage.output', 'stage.tenant', 'stage.timestamp',
]);

/** Stages that never add to the extracted map. */
const EXTRACTS_NOTHING = new Set([
  'stage.output', 'stage.labels', 'stage.static_labels', 'stage.label_drop', 'stage.label_keep', 'stage.luhn', 'stage.drop',
  'stage.tenant', 'stage.timestamp', 'stage.decolorize', 'stage.structured_metadata', 'stage.structured_metadata_drop',
  'stage.pack', 'stage.multiline', 'stage.sampling', 'stage.limit', 'stage.metrics',
]);

const FIXED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'stage.cri': ['flags', 'stream', 'content', 'time'],
  'stage.docker': ['output', 'stream', 'timestamp'],
  'stage.truncate': ['truncated'],
};

interface Known {
  keys: Set<string>;
  /** Keys matching one of these may have been extracted (json/logfmt `regex`). */
  patterns: GoRegexp[];
  /** Something earlier may have extracted any key: stop judging. */
  anything: boolean;
}

export function extractedSourceFindings(model: ConfigModel): Finding[] {
  const labels = labelsSetInConfig(model);
  if (labels === 'any') return [];
  const out: Finding[] = [];
  for (const c of lokiProcesses(model.components.values())) {
    walk(c.blocks, { keys: new Set(labels), patterns: [], anything: false }, out);
  }
  return out;
}

/** Labels a source adds by itself (loki.source.file: the file's path). */
const SOURCE_LABELS = ['filename'];

/**
 * Every label name the configuration can put on an entry: relabel target labels, `labels` and
 * `external_labels` objects, static_labels / labels stage values. A labelmap rule can create any
 * name, and then nothing can be said ('any').
 */
function labelsSetInConfig(model: ConfigModel): Set<string> | 'any' {
  const names = new Set(SOURCE_LABELS);
  for (const c of relabelComponents(model)) {
    for (const r of compiledRules(c) ?? []) {
      if (r.kind !== 'rule') return 'any';
      if (r.action === 'labelmap' || r.config.targetLabel.includes('$')) return 'any';
      if (r.config.targetLabel !== '') names.add(r.config.targetLabel);
    }
  }
  for (const { block } of walkBlocks(model)) {
    for (const a of block.attributes.values()) {
      if ((a.name === 'labels' || a.name === 'external_labels' || (block.name === 'stage.static_labels' && a.name === 'values') || (block.name === 'stage.labels' && a.name === 'values')) && isObject(a.value)) {
        for (const k of a.value.fields.keys()) names.add(k);
      }
    }
  }
  return names;
}

function walk(blocks: readonly EvaluatedBlock[], known: Known, out: Finding[]): void {
  for (const b of blocks) {
    if (!b.name.startsWith('stage.')) continue;
    check(b, known, out);
    learn(b, known, out);
  }
}

function check(b: EvaluatedBlock, known: Known, out: Finding[]): void {
  if (known.anything || !READS_SOURCE.has(b.name)) return;
  const src = stringAttr(b, 'source');
  if (!src || src.value === '') return;
  if (known.keys.has(src.value) || known.patterns.some((re) => re.matchString(src.value))) return;
  out.push(
    finding(
      'source-not-extracted',
      b.file,
      src.attr.range,
      `${b.name} reads the extracted value "${src.value}", but no earlier stage of this pipeline extracts it; unless every entry arrives with a label named "${src.value}" (labels are copied into the extracted map), this stage never sees a value and does nothing`,
      `extract "${src.value}" in an earlier stage (stage.regex with (?P<${/^\w+$/.test(src.value) ? src.value : 'name'}>…), stage.json or stage.logfmt), or correct the name`,
    ),
  );
}

function learn(b: EvaluatedBlock, known: Known, out: Finding[]): void {
  if (b.name === 'stage.match') {
    // Nested stages run for some entries only: what they extract may exist afterwards.
    const inner: Known = { keys: new Set(known.keys), patterns: [...known.patterns], anything: known.anything };
    walk(b.blocks, inner, out);
    for (const k of inner.keys) known.keys.add(k);
    known.patterns.push(...inner.patterns.slice(known.patterns.length));
    known.anything ||= inner.anything;
    return;
  }
  if (EXTRACTS_NOTHING.has(b.name)) return;
  const unknownArg = [...b.attributes.values()].some((a) => findUnknown(a.value) !== undefined);
  if (unknownArg) {
    known.anything = true;
    return;
  }
  const fixed = FIXED_KEYS[b.name];
  if (fixed) {
    for (const k of fixed) known.keys.add(k);
    return;
  }
  switch (b.name) {
    case 'stage.regex':
    case 'stage.replace': {
      const e = stringAttr(b, 'expression');
      if (!e) return;
      try {
        for (const n of analyseRegex(e.value).subexpNames) if (n !== '') known.keys.add(n);
      } catch {
        // A rejected expression is reported elsewhere; Alloy would not run this pipeline.
      }
      if (b.name === 'stage.replace') addString(b, 'source', known);
      return;
    }
    case 'stage.template':
      addString(b, 'source', known);
      return;
    case 'stage.json':
    case 'stage.logfmt': {
      const map = b.attributes.get(b.name === 'stage.json' ? 'expressions' : 'mapping')?.value;
      if (map !== undefined && isObject(map)) for (const k of map.fields.keys()) known.keys.add(k);
      const re = stringAttr(b, 'regex');
      if (re && re.value !== '') {
        try {
          known.patterns.push(compileRegex(re.value));
        } catch {
          known.anything = true;
        }
      }
      return;
    }
    default:
      // A stage this check does not model (geoip, pattern, windowsevent…) may extract anything.
      known.anything = true;
  }
}

function addString(b: EvaluatedBlock, name: string, known: Known): void {
  const s = stringAttr(b, name);
  if (s && s.value !== '') known.keys.add(s.value);
}
