// Hand-built configuration models for the graph runner tests, so they do not depend on the
// config loader, and fake simulations whose behaviour is visible in the line.
import type { Component, ConfigModel, EvaluatedAttribute, EvaluatedBlock } from '../../src/config/model.ts';
import type { AlloyValue, CapsuleValue } from '../../src/config/value.ts';
import type { Range } from '../../src/syntax/ast.ts';
import type { SimulationCompilers } from '../../src/loki/registry.ts';
import type { EntryOutcome, LogEntry, LokiComponentSimulation } from '../../src/loki/types.ts';

export const AT: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };

export function receiver(componentId: string): CapsuleValue {
  return { kind: 'capsule', type: 'loki.LogsReceiver', componentId, exportName: 'receiver' };
}

function attr(name: string, value: AlloyValue): EvaluatedAttribute {
  return { name, value, expr: { kind: 'Literal', literalKind: 'null', raw: 'null', range: AT }, range: AT };
}

export function block(name: string, attrs: Record<string, AlloyValue> = {}, blocks: EvaluatedBlock[] = []): EvaluatedBlock {
  return { name, attributes: new Map(Object.entries(attrs).map(([k, v]) => [k, attr(k, v)])), blocks, range: AT, file: 'test.alloy' };
}

/** `comp('loki.process.a', { forward_to: [receiver('loki.write.w')] })` */
export function comp(id: string, attrs: Record<string, AlloyValue> = {}, blocks: EvaluatedBlock[] = []): Component {
  const parts = id.split('.');
  const componentName = parts.slice(0, -1).join('.');
  return { ...block(componentName, attrs, blocks), label: parts[parts.length - 1], id, componentName };
}

export function model(...components: Component[]): ConfigModel {
  return { file: 'test.alloy', source: '', components: new Map(components.map((c) => [c.id, c])), configBlocks: [], edges: [], diagnostics: [] };
}

/**
 * A stand-in for loki.process whose effect shows in the line: appends `|<label>`; drops lines
 * containing DROP; holds lines ending in `\` until the next line (like stage.multiline); throws on
 * BOOM. Counts calls so tests can see extracted maps and flushes.
 */
export function fakeProcess(component: Component): LokiComponentSimulation {
  let held: LogEntry | null = null;
  const tag = component.label ?? component.id;
  const finish = (e: LogEntry): EntryOutcome => {
    e.line += `|${tag}`;
    e.extracted.set(`seen_${tag}`, 'yes');
    return { kind: 'forward', entry: e };
  };
  return {
    id: component.id,
    process(e) {
      if (e.line.includes('BOOM')) throw new Error('kaboom');
      if (e.line.includes('DROP')) return [{ kind: 'drop', entry: e, by: `stage.drop in ${tag}`, reason: 'line contains DROP' }];
      if (held) {
        held.line += `+${e.line}`;
        const out = finish(held);
        held = null;
        return [out];
      }
      if (e.line.endsWith('\\')) {
        held = e;
        return [{ kind: 'held', by: `stage.multiline in ${tag}` }];
      }
      return [finish(e)];
    },
    flush() {
      if (!held) return [];
      const out = finish(held);
      held = null;
      return [out];
    },
  };
}

export const FAKE_COMPILERS: SimulationCompilers = {
  'loki.process': fakeProcess,
  'loki.relabel': (c) => ({
    id: c.id,
    process: (e) => {
      e.labels.set('relabelled_by', c.id);
      return [{ kind: 'forward', entry: e }];
    },
    flush: () => [],
  }),
  'loki.secretfilter': (c) => ({
    id: c.id,
    process: (e) => {
      e.line = e.line.replaceAll('s3cr3t', '<REDACTED>');
      return [{ kind: 'forward', entry: e }];
    },
    flush: () => [],
  }),
};
