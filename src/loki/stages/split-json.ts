// stage.split_json (stages/split_json.go): a line (or extracted `source` value) holding a JSON
// array becomes one entry per element, each element's exact JSON text as the line; the copies
// share labels, timestamp and extracted values. Anything else passes through. An empty array
// produces no entry at all — Alloy silently loses the line; here that is a drop outcome.
import type { EvaluatedBlock } from '../../config/model.ts';
import { cloneEntry, type EntryOutcome } from '../types.ts';
import { StageArgs } from './args.ts';
import { sourceString } from './common.ts';
import { goJsonParse } from './go-json.ts';
import { describeWhere, forward, type CompiledStage } from './stage.ts';

export function compileSplitJson(block: EvaluatedBlock): CompiledStage {
  const args = new StageArgs(block, { optional: ['source'] });
  const source = args.optionalString('source');
  if (source === '') throw args.error('source cannot be empty', 'source');
  const where = describeWhere(block);
  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(entry): EntryOutcome[] {
      let input = entry.line;
      if (source !== undefined) {
        const s = sourceString(entry.extracted, source);
        if (s === undefined) return forward(entry);
        input = s;
      }
      if (!input.replace(/^[ \t\r\n]+/, '').startsWith('[')) return forward(entry);
      const spans: [number, number][] = [];
      const parsed = goJsonParse(input, spans);
      if (!parsed.ok) return forward(entry);
      if (spans.length === 0) return [{ kind: 'drop', entry, by: where, reason: 'split_json: empty array (Alloy emits nothing)', range: block.range }];
      return spans.map(([start, end], i) => {
        const child = i < spans.length - 1 ? cloneEntry(entry) : entry;
        child.line = input.slice(start, end);
        return { kind: 'forward', entry: child };
      });
    },
  };
}
