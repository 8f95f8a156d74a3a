// Following a label set through the relabel components of a configuration, as Alloy passes it on:
// * prometheus.relabel sends what it keeps to every component in `forward_to`, in order; another
//   prometheus.relabel relabels again, anything else (prometheus.remote_write, …) is a sink;
// * discovery.relabel exports `output`, and every component whose arguments reference that export
//   receives the targets; another discovery.relabel relabels again, anything else (prometheus.scrape,
//   loki.source.kubernetes, …) is where the targets end up;
// * loki.relabel sends what it keeps to its `forward_to` receivers; loki.relabel chains are
//   followed, anything else is reported as the sink (the log path runner in src/loki/ follows
//   loki.process and the rest).
import type { Component, ConfigModel } from '../config/model.ts';
import { isCapsule, isUnknown } from '../config/value.ts';
import { applyRelabel, type RelabelComponentName } from './engine.ts';
import { isRelabelComponentName, rulesOf } from './component-rules.ts';
import type { LabelSet, RelabelResult, RelabelUnknown } from './types.ts';

export interface RelabelPathResult {
  /** Where the label set ended up; absent when it was dropped or went nowhere. */
  sink?: string;
  result: RelabelResult;
  /** The relabel components it went through, in order (the last one decided `result`). */
  path: string[];
}

/** Paths longer than this are a reference cycle, which Alloy itself refuses to load. */
const MAX_DEPTH = 64;

export function runRelabelPath(model: ConfigModel, startId: string, labels: LabelSet): RelabelPathResult[] {
  const start = model.components.get(startId);
  if (!start) throw new Error(`no component ${startId} in ${model.file}`);
  if (!isRelabelComponentName(start.componentName)) {
    throw new Error(`${startId} is not a relabel component (prometheus.relabel, discovery.relabel or loki.relabel)`);
  }
  return walk(model, start, labels, [], []);
}

function walk(model: ConfigModel, component: Component, labels: LabelSet, path: string[], carried: RelabelUnknown[]): RelabelPathResult[] {
  const here = [...path, component.id];
  const result = withMarks(applyRelabel(rulesOf(component), labels, { component: component.componentName as RelabelComponentName }), carried);
  if (result.labels === null) return [{ result, path: here }];
  if (here.length > MAX_DEPTH) {
    return [{ result: withMarks(result, [{ message: `relabel path longer than ${MAX_DEPTH} components (a cycle?)` }]), path: here }];
  }
  const next = receivers(model, component);
  if (next.unknown.length > 0 && next.ids.length === 0) {
    return [{ result: withMarks(result, next.unknown), path: here }];
  }
  if (next.ids.length === 0) return [{ result, path: here }];
  const out: RelabelPathResult[] = [];
  const marks = [...(result.unknown ?? []), ...next.unknown];
  for (const id of next.ids) {
    const target = model.components.get(id);
    if (target && target.componentName === component.componentName) {
      out.push(...walk(model, target, result.labels, here, marks));
    } else {
      out.push({ sink: id, result: withMarks({ ...result, labels: new Map(result.labels) }, next.unknown), path: here });
    }
  }
  return out;
}

function withMarks(r: RelabelResult, marks: RelabelUnknown[]): RelabelResult {
  if (marks.length === 0) return r;
  const all = [...marks, ...(r.unknown ?? []).filter((m) => !marks.includes(m))];
  return { ...r, unknown: all };
}

interface Receivers {
  ids: string[];
  unknown: RelabelUnknown[];
}

function receivers(model: ConfigModel, component: Component): Receivers {
  if (component.componentName === 'discovery.relabel') {
    // Consumers of `output`; a reference to the `rules` export hands over rules, not targets.
    const ids = model.edges.filter((e) => e.to === component.id && !/(^|\.)rules$|relabel_rules/.test(e.via)).map((e) => e.from);
    return { ids: [...new Set(ids)], unknown: [] };
  }
  const attr = component.attributes.get('forward_to');
  if (!attr) return { ids: [], unknown: [] };
  const value = attr.value;
  if (isUnknown(value)) return { ids: [], unknown: [{ message: `forward_to of ${component.id}: ${value.reason}`, file: component.file, range: attr.range }] };
  if (!Array.isArray(value)) return { ids: [], unknown: [] };
  const ids: string[] = [];
  const unknown: RelabelUnknown[] = [];
  for (const v of value) {
    if (isCapsule(v)) ids.push(v.componentId);
    else if (isUnknown(v)) unknown.push({ message: `forward_to of ${component.id}: ${v.reason}`, file: component.file, range: v.range ?? attr.range });
  }
  return { ids, unknown };
}
