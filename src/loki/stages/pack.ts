// stage.pack (stages/pack.go): wraps the line into a JSON object together with the named
// extracted values (sorted keys, then "_entry" last), removes those names from the stream labels,
// and with ingest_timestamp (the default) sets the entry time to "now".
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { compareGoStrings } from './go-bytes.ts';
import { goJsonString } from './go-json.ts';
import { goGetString } from './go-values.ts';
import { mutatingStage, type CompiledStage, type StageContext } from './stage.ts';

export function readPackConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['labels'], optional: ['ingest_timestamp'] });
  return { args, labels: args.stringList('labels')!, ingestTimestamp: args.bool('ingest_timestamp', true) };
}

/** Packed.MarshalJSON: keys in Go's sort order (bytewise), "_entry" always last. */
export function packJson(values: Map<string, string>, line: string): string {
  const keys = [...values.keys()].sort(compareGoStrings);
  const parts = keys.map((k) => goJsonString(k) + ':' + goJsonString(values.get(k)!));
  parts.push('"_entry":' + goJsonString(line));
  return '{' + parts.join(',') + '}';
}

export function compilePack(block: EvaluatedBlock, ctx: StageContext): CompiledStage {
  const { labels, ingestTimestamp } = readPackConfig(block);
  return mutatingStage(block, (e) => {
    const packed = new Map<string, string>();
    const found: string[] = [];
    for (const [k, v] of e.extracted) {
      if (!labels.includes(k)) continue;
      const s = goGetString(v);
      if (s === undefined) continue;
      packed.set(k, s);
      found.push(k);
    }
    for (const k of found) e.labels.delete(k);
    e.line = packJson(packed, e.line);
    if (ingestTimestamp) e.timestampNs = ctx.nowNs;
  });
}
