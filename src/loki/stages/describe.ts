// What the `rules` command (and lint) can say about each stage without running it: its name and
// position, the arguments as Alloy resolves them (defaults applied), what it can change, and for
// regex-bearing stages what the regex analyser knows. Also the quirks that make a rule not do
// what it looks like it does.
import { ConfigError } from '../../config/errors.ts';
import type { Component, EvaluatedBlock } from '../../config/model.ts';
import { isObject, type AlloyValue } from '../../config/value.ts';
import { analyseRegex, RegexSyntaxError, type RegexAnalysis } from '../../regex/index.ts';
import type { Range } from '../../syntax/ast.ts';
import { parseSelector, SelectorError } from '../logql/selector.ts';
import { findUnknown } from './args.ts';
import { ALLOY_STAGE_NAMES, isSimulatedStage } from './index.ts';
import { readLuhnConfig } from './luhn.ts';
import { readReplaceConfig } from './replace.ts';

export type StageEffect = 'line' | 'labels' | 'extracted' | 'timestamp' | 'structured_metadata' | 'drops' | 'holds';

export type DescribedValue = string | number | boolean | null | DescribedValue[] | { [k: string]: DescribedValue } | { unknown: string };

export interface StageRegex {
  attribute: string;
  pattern: string;
  analysis?: RegexAnalysis;
  /** Go's reason when the pattern does not compile. */
  error?: string;
}

export interface StageDescription {
  name: string;
  /** 1-based index in its pipeline; nested stages are `2.1`, `2.2`… */
  position: string;
  file: string;
  range: Range;
  /** false for stages Alloy accepts but the simulation does not reproduce. */
  simulated: boolean;
  effects: StageEffect[];
  arguments: Record<string, DescribedValue>;
  regexes: StageRegex[];
  /** Behaviour worth knowing: the rule does less (or more) than it seems to. */
  notes: string[];
  stages?: StageDescription[];
  /** stage.match: the parsed selector (label matchers and line filters). */
  selector?: { matchers: { name: string; op: string; value: string }[]; filters: { op: string; value: string }[] };
}

const EFFECTS: Record<string, StageEffect[]> = {
  'stage.replace': ['line', 'extracted'],
  'stage.regex': ['extracted', 'labels'],
  'stage.json': ['extracted', 'drops'],
  'stage.logfmt': ['extracted'],
  'stage.template': ['extracted'],
  'stage.output': ['line'],
  'stage.labels': ['labels'],
  'stage.static_labels': ['labels'],
  'stage.label_drop': ['labels'],
  'stage.label_keep': ['labels'],
  'stage.luhn': ['line'],
  'stage.match': ['drops'],
  'stage.drop': ['drops'],
  'stage.tenant': ['labels'],
  'stage.cri': ['line', 'labels', 'extracted', 'timestamp', 'holds'],
  'stage.docker': ['line', 'labels', 'extracted', 'timestamp'],
  'stage.decolorize': ['line'],
  'stage.truncate': ['line', 'labels', 'extracted', 'structured_metadata'],
  'stage.structured_metadata': ['structured_metadata', 'labels'],
  'stage.structured_metadata_drop': ['structured_metadata'],
  'stage.pack': ['line', 'labels', 'timestamp'],
  'stage.multiline': ['line', 'holds'],
  'stage.sampling': ['drops'],
  'stage.limit': ['drops'],
  'stage.timestamp': ['timestamp'],
  'stage.metrics': [],
  'stage.split_json': ['line', 'drops'],
  'stage.pattern': ['extracted', 'labels'],
};

/** Values Alloy uses for attributes left out (SetToDefault and the stage constructors). */
const DEFAULTS: Record<string, Record<string, DescribedValue>> = {
  'stage.replace': { source: '', replace: '' },
  'stage.regex': { labels_from_groups: false },
  'stage.json': { drop_malformed: false },
  'stage.luhn': { replacement: '**REDACTED**', min_length: 13, delimiters: '' },
  'stage.match': { action: 'keep', drop_counter_reason: 'match_stage' },
  'stage.drop': { drop_counter_reason: 'drop_stage', separator: ';' },
  'stage.cri': { max_partial_lines: 100, max_partial_line_size: 0, max_partial_line_size_truncate: false },
  'stage.multiline': { max_lines: 128, max_wait_time: '3s', trim_newlines: true },
  'stage.pack': { ingest_timestamp: true },
  'stage.sampling': { drop_counter_reason: 'sampling_stage' },
  'stage.limit': { drop: false },
  'stage.timestamp': { action_on_failure: 'fudge', action_on_duplicate_timestamp: 'fudge' },
  'stage.labels': { source_type: 'extracted' },
};

/** Attributes that hold a Go regexp, per stage (the stage compilers read the same ones). */
export const REGEX_ATTRS: Readonly<Record<string, readonly string[]>> = {
  'stage.replace': ['expression'],
  'stage.regex': ['expression'],
  'stage.drop': ['expression'],
  'stage.multiline': ['firstline'],
  'stage.luhn': ['skip_regex'],
  'stage.json': ['regex'],
  'stage.logfmt': ['regex'],
  'stage.structured_metadata': ['regex'],
};

function describeValue(v: AlloyValue): DescribedValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(describeValue);
  const u = findUnknown(v);
  if (u) return { unknown: u.reason };
  if (isObject(v)) {
    const out: Record<string, DescribedValue> = {};
    for (const [k, x] of v.fields) Object.defineProperty(out, k, { value: describeValue(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (v.kind === 'secret') return '(secret)';
  return `(${v.kind})`;
}

function regexInfo(attribute: string, pattern: string): StageRegex {
  try {
    return { attribute, pattern, analysis: analyseRegex(pattern) };
  } catch (e) {
    if (e instanceof RegexSyntaxError) return { attribute, pattern, error: e.message };
    throw e;
  }
}

export function describeStage(block: EvaluatedBlock, position = '1'): StageDescription {
  const args: Record<string, DescribedValue> = {};
  for (const a of block.attributes.values()) {
    Object.defineProperty(args, a.name, { value: describeValue(a.value), enumerable: true, writable: true, configurable: true });
  }
  // Empty strings and non-positive numbers fall back to the default where the stage does so.
  for (const [k, v] of Object.entries(DEFAULTS[block.name] ?? {})) {
    const cur = args[k];
    const emptyFallsBack = block.name !== 'stage.sampling' && (cur === '' || (typeof v === 'number' && typeof cur === 'number' && cur < 1 && k === 'min_length'));
    if (cur === undefined || emptyFallsBack) args[k] = v;
  }
  const d: StageDescription = {
    name: block.name,
    position,
    file: block.file,
    range: block.range,
    simulated: ALLOY_STAGE_NAMES.includes(block.name) && isSimulatedStage(block.name),
    effects: EFFECTS[block.name] ?? ['line', 'labels', 'extracted'],
    arguments: args,
    regexes: [],
    notes: [],
  };
  if (!d.simulated) d.notes.push('not simulated: entries that reach this stage get an unknown verdict');

  for (const attr of REGEX_ATTRS[block.name] ?? []) {
    const v = block.attributes.get(attr)?.value;
    if (typeof v === 'string' && v !== '') d.regexes.push(regexInfo(attr, v));
  }
  try {
    describeQuirks(block, d);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    d.notes.push(`invalid: ${e.message}`);
  }
  if (block.name === 'stage.match') {
    const sel = block.attributes.get('selector')?.value;
    if (typeof sel === 'string') {
      args['selector'] = sel;
      try {
        const parsed = parseSelector(sel);
        d.selector = {
          matchers: parsed.matchers.map((m) => ({ name: m.name, op: m.op, value: m.value })),
          filters: parsed.filters.map((f) => ({ op: f.op, value: f.value })),
        };
        for (const m of parsed.matchers) if (m.regex) d.regexes.push(regexInfo(`selector ${m.name}${m.op}`, m.value));
        for (const f of parsed.filters) if (f.regex) d.regexes.push(regexInfo(`selector ${f.op}`, f.value));
      } catch (e) {
        if (!(e instanceof SelectorError)) throw e;
        d.notes.push(`invalid selector: ${e.message}`);
      }
    }
    d.stages = block.blocks.map((b, i) => describeStage(b, `${position}.${i + 1}`));
  }
  return d;
}

function describeQuirks(block: EvaluatedBlock, d: StageDescription): void {
  if (findUnknown({ kind: 'object', fields: new Map([...block.attributes].map(([k, a]) => [k, a.value])) })) {
    d.notes.push('an argument is only known when Alloy runs: entries get an unknown verdict');
    return;
  }
  switch (block.name) {
    case 'stage.replace': {
      const { cfg } = readReplaceConfig(block);
      d.arguments['replace'] = cfg.replace;
      const a = d.regexes[0]?.analysis;
      if (a && a.numSubexp === 0) {
        d.notes.push('the expression has no capture group: stage.replace replaces capture groups only, so this rule changes nothing');
      }
      if (/\$\{?\w+\}?/.test(cfg.replace)) {
        d.notes.push('replace is a Go template, not a regex replacement: `$1`/`${1}` are printed literally');
      }
      if (a && a.numSubexp > 1) d.notes.push('every capture group is replaced by the template output, not only the one holding the secret');
      if (cfg.source !== '') d.notes.push(`with source, the extracted value "${cfg.source}" is rewritten, not the line`);
      break;
    }
    case 'stage.luhn': {
      const { cfg } = readLuhnConfig(block);
      if (cfg.source !== undefined) {
        d.notes.push(`with source, the whole line is replaced by the scrubbed value of "${cfg.source}" (the extracted value is not changed)`);
      }
      if (cfg.delimiters === '') d.notes.push('without delimiters, card numbers written with spaces or dashes are not detected');
      break;
    }
  }
}

/** Every stage of a loki.process component, in order. */
export function describeLokiProcess(component: Component): StageDescription[] {
  return component.blocks.filter((b) => b.name.startsWith('stage.')).map((b, i) => describeStage(b, String(i + 1)));
}
