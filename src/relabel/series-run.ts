// Runs a batch of inputs (exposition-format series or JSON label sets) through the relabel path
// that starts at a component and renders what comes out, one output per input in input order.
// This is the library behind `alloy-scrub relabel`; it touches no files and no process state.
import type { ConfigModel } from '../config/model.ts';
import { formatSeries, parseExposition, type ExpositionLine } from './exposition.ts';
import { formatLabelJson, parseLabelJson } from './label-json.ts';
import { runRelabelPath, type RelabelPathResult } from './path.ts';
import { isRelabelComponentName } from './component-rules.ts';
import type { LabelSet } from './types.ts';

export type SeriesFormat = 'prom' | 'jsonl';

export interface SeriesRunOptions {
  inputFormat: SeriesFormat;
  outputFormat: SeriesFormat;
}

export interface SeriesRunOutput {
  /** The rendered output, newline-terminated lines. */
  text: string;
  inputs: number;
  kept: number;
  dropped: number;
  unknown: number;
}

/** The relabel components of a model, for choosing where to start. */
export function relabelComponentIds(model: ConfigModel): string[] {
  return [...model.components.values()].filter((c) => isRelabelComponentName(c.componentName)).map((c) => c.id);
}

export type StartChoice = { ok: true; id: string } | { ok: false; message: string; choices: string[] };

/** `--component` if given and valid; otherwise the only relabel component; otherwise the choices. */
export function chooseRelabelStart(model: ConfigModel, requested?: string): StartChoice {
  const choices = relabelComponentIds(model);
  if (requested !== undefined) {
    if (choices.includes(requested)) return { ok: true, id: requested };
    const what = model.components.has(requested) ? 'is not a relabel component' : 'is not in the configuration';
    return { ok: false, message: `${requested} ${what}`, choices };
  }
  if (choices.length === 1) return { ok: true, id: choices[0]! };
  if (choices.length === 0) return { ok: false, message: 'the configuration has no prometheus.relabel, discovery.relabel or loki.relabel component', choices };
  return { ok: false, message: 'the configuration has several relabel components; choose one with --component', choices };
}

interface InputRecord {
  labels: LabelSet;
  value?: string;
  timestamp?: string;
  exemplar?: string;
  raw: string;
}

/** Inputs are parsed before anything runs: a malformed input fails the whole run with its position. */
export function runSeries(model: ConfigModel, startId: string, input: string, opts: SeriesRunOptions): SeriesRunOutput {
  const items: (InputRecord | { comment: string })[] = [];
  if (opts.inputFormat === 'prom') {
    for (const l of parseExposition(input) as ExpositionLine[]) {
      if (l.kind === 'comment') items.push({ comment: l.raw });
      else items.push({ labels: l.labels, value: l.value, timestamp: l.timestamp, exemplar: l.exemplar, raw: l.raw });
    }
  } else {
    for (const r of parseLabelJson(input)) items.push({ labels: r.labels, raw: formatSeries(r.labels) });
  }
  const lines: string[] = [];
  const counts = { inputs: 0, kept: 0, dropped: 0, unknown: 0 };
  for (const item of items) {
    if ('comment' in item) {
      if (opts.outputFormat === 'prom') lines.push(item.comment);
      continue;
    }
    counts.inputs++;
    const results = runRelabelPath(model, startId, item.labels);
    for (const r of results) {
      if (r.result.labels === null) counts.dropped++;
      else counts.kept++;
      if ((r.result.unknown ?? []).length > 0) counts.unknown++;
      lines.push(...render(model, item, r, results.length > 1, opts.outputFormat));
    }
  }
  return { text: lines.map((l) => l + '\n').join(''), ...counts };
}

function position(model: ConfigModel, file: string | undefined, range: { start: { line: number; column: number } } | undefined): string {
  if (!range) return '';
  return ` at ${file ?? model.file}:${range.start.line}:${range.start.column}`;
}

/** "prometheus.relabel.x rule 2 (drop) at f.alloy:12:3", or why a set with no rule to blame went away. */
export function droppedByText(model: ConfigModel, r: RelabelPathResult): string {
  const d = r.result.droppedBy;
  const component = r.path[r.path.length - 1] ?? '';
  if (!d) return component;
  if (d.index < 0) return `${component}: ${d.reason ?? 'dropped'}`;
  const file = model.components.get(component)?.file;
  return `${component} rule ${d.index + 1} (${d.action})${position(model, file, d.range)}`;
}

function render(model: ConfigModel, item: InputRecord, r: RelabelPathResult, fanOut: boolean, format: SeriesFormat): string[] {
  const unknown = (r.result.unknown ?? []).map((u) => `${u.message}${position(model, u.file, u.range)}`);
  if (format === 'jsonl') {
    const extra: Record<string, unknown> = {};
    if (r.result.labels === null) extra.dropped_by = droppedByText(model, r);
    if (r.sink !== undefined) extra.sink = r.sink;
    if (unknown.length > 0) extra.unknown = unknown;
    return [formatLabelJson(r.result.labels, extra)];
  }
  const out: string[] = unknown.map((u) => `# unknown: ${u}`);
  if (r.result.labels === null) {
    out.push(`# dropped by ${droppedByText(model, r)}: ${item.raw.replace(/\n/g, '\\n')}`);
    return out;
  }
  if (fanOut && r.sink !== undefined) out.push(`# to ${r.sink}`);
  out.push(formatSeries(r.result.labels, item.value, item.timestamp, item.exemplar));
  return out;
}
