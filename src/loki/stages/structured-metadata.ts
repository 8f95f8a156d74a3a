// stage.structured_metadata (stages/structured_metadata.go): copies extracted values into
// structured metadata (by `values` mapping and by `regex` on the extracted names), then MOVES
// stream labels named in `values` or matching `regex` into structured metadata — they are
// removed from the labels.
import type { EvaluatedBlock } from '../../config/model.ts';
import type { GoRegexp } from '../../regex/index.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex } from './common.ts';
import { goGetString, isValidLabelName, isValidLabelValue } from './go-values.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function readStructuredMetadataConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { optional: ['values', 'regex'] });
  return { args, values: args.stringMap('values', true) ?? new Map<string, string | null>(), regex: args.string('regex') };
}

export function compileStructuredMetadata(block: EvaluatedBlock): CompiledStage {
  const { args, values, regex } = readStructuredMetadataConfig(block);
  const mapping = new Map<string, string>();
  for (const [name, src] of values) {
    if (!isValidLabelName(name)) throw buildError(args, `invalid label name: ${name}`, 'values');
    mapping.set(name, src === null || src === '' ? name : src);
  }
  const re: GoRegexp | undefined = regex === '' ? undefined : compileStageRegex(args, 'regex', regex, '');
  return mutatingStage(block, (e) => {
    const put = (k: string, v: string): void => {
      e.structuredMetadata.set(k, v); // an existing name is replaced in place, as in Alloy
    };
    for (const [name, src] of mapping) {
      if (!e.extracted.has(src)) continue;
      const s = goGetString(e.extracted.get(src));
      if (s !== undefined && isValidLabelValue(s)) put(name, s);
    }
    if (re) {
      for (const [k, v] of e.extracted) {
        if (!re.matchString(k)) continue;
        const s = goGetString(v);
        if (s !== undefined && isValidLabelValue(s)) put(k, s);
      }
    }
    const moved: string[] = [];
    for (const [name, src] of mapping) {
      const v = e.labels.get(src);
      if (v !== undefined) {
        put(name, v);
        moved.push(src);
      }
    }
    for (const k of moved) e.labels.delete(k);
    if (re) {
      const found: string[] = [];
      for (const [k, v] of e.labels) {
        if (re.matchString(k)) {
          put(k, v);
          found.push(k);
        }
      }
      for (const k of found) e.labels.delete(k);
    }
  });
}
