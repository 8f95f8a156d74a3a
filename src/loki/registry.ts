// Which simulation stands in for each kind of loki component on a log path.
//
//  * loki.process, loki.relabel, loki.secretfilter: compiled by their own modules.
//  * loki.source.*: a source only forwards what it reads. When a run STARTS at a source, the entry
//    is shaped the way that source would shape it (see sourceSimulation below).
//  * loki.write: a sink. Entries leave the path here with the labels Loki would store.
//  * loki.echo: a sink that logs entries unchanged.
//  * anything else that receives entries (loki.enrich, otelcol.receiver.loki, a module's
//    receiver…): not simulated. Entries pass through unchanged but carry an UnknownMark naming the
//    component, so no verdict about them can be "clean" (fail closed).
import { isComponentName } from '../config/components.ts';
import type { Component } from '../config/model.ts';
import { isObject, isUnknown, type AlloyValue } from '../config/value.ts';
import { compileLokiRelabel } from '../relabel/loki-relabel.ts';
import { compileLokiProcess } from './process.ts';
import { compileSecretFilter } from './secretfilter/index.ts';
import type { EntryOutcome, LogEntry, LokiComponentSimulation, UnknownMark } from './types.ts';

/** How the graph runner treats a component. */
export type ComponentRole = 'simulated' | 'source' | 'write' | 'echo' | 'unsimulated' | 'not-alloy';

export type SimulatedComponentName = 'loki.process' | 'loki.relabel' | 'loki.secretfilter';

/** Settings shared by every simulation of one run. */
export interface SimulationOptions {
  /** Alloy's wall clock for the run, Unix nanoseconds; fixed so that results are reproducible. */
  nowNs?: bigint;
  /**
   * Reads files a component names (loki.secretfilter's gitleaks_config). Without it such files
   * are not read and the component's entries are marked unknown.
   */
  readFile?: (path: string) => string;
}

export type SimulationCompiler = (component: Component, opts: SimulationOptions) => LokiComponentSimulation;
export type SimulationCompilers = Record<SimulatedComponentName, SimulationCompiler>;

const SIMULATED = new Set<string>(['loki.process', 'loki.relabel', 'loki.secretfilter']);

export function componentRole(componentName: string): ComponentRole {
  // A name Alloy does not register (a typo, a component from another product, a custom
  // component): Alloy would refuse the config, so nothing about it may be assumed.
  if (!isComponentName(componentName)) return 'not-alloy';
  if (SIMULATED.has(componentName)) return 'simulated';
  if (componentName.startsWith('loki.source.')) return 'source';
  if (componentName === 'loki.write') return 'write';
  if (componentName === 'loki.echo') return 'echo';
  return 'unsimulated';
}

/** Components a `run` can start at: everything log-shaped (`loki.*` except rule loaders). */
export function isLogComponent(componentName: string): boolean {
  return componentName.startsWith('loki.') && !componentName.startsWith('loki.rules.');
}

export function markFor(component: Component, message: string): UnknownMark {
  return { message, file: component.file, range: component.range };
}

/** A component the runner does not simulate: forwards unchanged, marks every entry. */
export function unsimulatedPassThrough(component: Component, why = 'is not simulated'): LokiComponentSimulation {
  const mark = markFor(component, `${component.id} (${component.componentName}) ${why}: Alloy may change or drop entries here, so the result is unknown`);
  return {
    id: component.id,
    process(entry: LogEntry): EntryOutcome[] {
      entry.unknown.push(mark);
      return [{ kind: 'forward', entry }];
    },
    flush: () => [],
  };
}

/**
 * What a source does to a line it read, when a run starts at the source.
 *
 * The user's input lines stand for the lines the source read, and `--labels` for the stream
 * labels of the target they came from; labels the user gave always win. On top of that:
 *  * loki.source.file adds the target's labels (those not starting with `__`) and `filename` = the
 *    target's `__path__`, when the config names exactly one target with a literal path (globs and
 *    discovered targets are only known at run time, so nothing is guessed for them).
 *  * loki.source.kubernetes and loki.source.podlogs read the Kubernetes log stream with
 *    bufio.ReadString('\n') and keep that LF at the end of the line they forward, so the entry's
 *    line ends in "\n" (a `$`-anchored expression then no longer matches at the line's end).
 *  * a source with `relabel_rules` marks its entries unknown: those rules are not applied.
 *  * other sources forward the line as given.
 */
export function sourceSimulation(component: Component): LokiComponentSimulation {
  const addLabels = component.componentName === 'loki.source.file' ? fileSourceLabels(component) : new Map<string, string>();
  const keepsNewline = component.componentName === 'loki.source.kubernetes' || component.componentName === 'loki.source.podlogs';
  // Sources such as loki.source.journal/syslog/api relabel their labels before forwarding; the
  // rules come from a loki.relabel export and the labels they read only exist in Alloy.
  const relabelMark = component.attributes.has('relabel_rules')
    ? markFor(component, `${component.id}: its relabel_rules are not applied here; the labels Alloy forwards may differ`)
    : undefined;
  return {
    id: component.id,
    process(entry: LogEntry): EntryOutcome[] {
      for (const [k, v] of addLabels) if (!entry.labels.has(k)) entry.labels.set(k, v);
      if (relabelMark) entry.unknown.push(relabelMark);
      if (keepsNewline) entry.line += '\n';
      return [{ kind: 'forward', entry }];
    },
    flush: () => [],
  };
}

const GLOB_CHARS = /[*?[{]/;

function fileSourceLabels(component: Component): Map<string, string> {
  const out = new Map<string, string>();
  const targets = component.attributes.get('targets')?.value;
  if (!Array.isArray(targets) || targets.length !== 1) return out;
  const target = targets[0] as AlloyValue;
  if (!isObject(target)) return out;
  const path = target.fields.get('__path__');
  if (typeof path !== 'string' || GLOB_CHARS.test(path)) return out;
  for (const [k, v] of target.fields) {
    if (!k.startsWith('__') && typeof v === 'string') out.set(k, v);
  }
  out.set('filename', path);
  return out;
}

/** How a loki.write component stores an entry. */
export interface WriteSink {
  /** Rewrites the entry in place to what Loki receives; returns the tenant when it is known. */
  finish(entry: LogEntry): { tenant?: string };
}

/**
 * loki.write: merges `external_labels` under the entry's labels (the entry's own value wins, as
 * Prometheus' LabelSet.Merge does), takes the tenant from the `__tenant_id__` label (set by
 * stage.tenant) or else from the endpoints' `tenant_id` when they all agree, and drops every label
 * starting with `__` (the client leaves them out of the pushed stream).
 */
export function writeSink(component: Component): WriteSink {
  const marks: UnknownMark[] = [];
  const external = new Map<string, string>();
  const ext = component.attributes.get('external_labels')?.value;
  if (ext !== undefined && ext !== null) {
    if (isObject(ext)) {
      for (const [k, v] of ext.fields) {
        if (typeof v === 'string') external.set(k, v);
        else marks.push(markFor(component, `${component.id}: external_labels.${k} is not known before Alloy runs`));
      }
    } else if (isUnknown(ext)) {
      marks.push(markFor(component, `${component.id}: external_labels are not known before Alloy runs (${ext.reason})`));
    }
  }
  const tenants = new Set<string | undefined>();
  for (const b of component.blocks) {
    if (b.name !== 'endpoint') continue;
    const t = b.attributes.get('tenant_id')?.value;
    tenants.add(typeof t === 'string' && t !== '' ? t : undefined);
  }
  const endpointTenant = tenants.size === 1 ? [...tenants][0] : undefined;
  return {
    finish(entry) {
      if (external.size > 0) {
        const merged = new Map(external);
        for (const [k, v] of entry.labels) merged.set(k, v);
        entry.labels = merged;
      }
      entry.unknown.push(...marks);
      const tenant = entry.labels.get('__tenant_id__') ?? endpointTenant;
      for (const k of [...entry.labels.keys()]) if (k.startsWith('__')) entry.labels.delete(k);
      return tenant === undefined ? {} : { tenant };
    },
  };
}

/** The project's own compilers for loki.process, loki.relabel and loki.secretfilter. */
export const DEFAULT_COMPILERS: SimulationCompilers = {
  'loki.process': (component, opts) => compileLokiProcess(component, { nowNs: opts.nowNs }),
  'loki.relabel': (component) => compileLokiRelabel(component),
  'loki.secretfilter': (component, opts) => compileSecretFilter(component, { readFile: opts.readFile }),
};
