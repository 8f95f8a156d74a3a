// loki.relabel as a log-path component: its rules see only the entry's stream labels (not the
// extracted map, not structured metadata, not the line); the entry goes on with the relabelled
// labels, or is dropped when a rule drops it or when no label is left (Alloy drops an entry whose
// label set came out empty, even with no rules at all).
import type { Component } from '../config/model.ts';
import type { EntryOutcome, LogEntry, LokiComponentSimulation } from '../loki/types.ts';
import { cloneEntry } from '../loki/types.ts';
import { applyRelabel } from './engine.ts';
import { rulesOf } from './component-rules.ts';

export function compileLokiRelabel(component: Component): LokiComponentSimulation {
  const rules = rulesOf(component);
  return {
    id: component.id,
    process(entry: LogEntry): EntryOutcome[] {
      const result = applyRelabel(rules, entry.labels, { component: 'loki.relabel' });
      const out = cloneEntry(entry);
      for (const m of result.unknown ?? []) out.unknown.push({ message: `${component.id}: ${m.message}`, file: m.file, range: m.range });
      if (result.labels === null) {
        const d = result.droppedBy;
        const by = d && d.index >= 0 ? `${component.id} rule ${d.index + 1} (${d.action})` : component.id;
        const reason = d?.reason ?? `rule ${d ? d.index + 1 : '?'} (${d?.action ?? ''}) dropped the entry`;
        return [{ kind: 'drop', entry: out, by, reason, range: d?.range ?? component.range }];
      }
      out.labels = result.labels;
      return [{ kind: 'forward', entry: out }];
    },
    flush(): EntryOutcome[] {
      return [];
    },
  };
}
