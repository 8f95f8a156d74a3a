// stage.truncate (stages/truncate.go): each `rule` cuts the line, labels, structured metadata or
// string extracted values to `limit` bytes including `suffix` — by bytes, so a cut can split a
// UTF-8 character exactly as Go's s[:n] does. The fields cut so far are listed, sorted and
// comma-separated, in extracted["truncated"].
import { ConfigError } from '../../config/errors.ts';
import type { EvaluatedBlock } from '../../config/model.ts';
import type { TemplateValue } from '../../template/types.ts';
import { StageArgs } from './args.ts';
import { byteLength, sliceBytes } from './go-bytes.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export interface TruncateRule {
  limit: number;
  suffix: string;
  sources: string[];
  sourceType: 'line' | 'label' | 'structured_metadata' | 'extracted';
}

export function readTruncateRules(block: EvaluatedBlock): TruncateRule[] {
  new StageArgs(block, { blocks: ['rule'] });
  const rules = block.blocks.filter((b) => b.name === 'rule');
  if (rules.length === 0) throw new ConfigError('missing required block "rule"', block.file, block.range);
  return rules.map((r) => {
    const args = new StageArgs(r, { required: ['limit'], optional: ['suffix', 'sources', 'source_type'] });
    const st = args.string('source_type', 'line');
    if (!['line', 'label', 'structured_metadata', 'extracted'].includes(st)) throw args.error(`unknown source_type: ${st}`, 'source_type');
    const rule: TruncateRule = {
      limit: args.bytes('limit')!,
      suffix: args.string('suffix'),
      sources: args.stringList('sources') ?? [],
      sourceType: st as TruncateRule['sourceType'],
    };
    if (rule.limit <= 0) throw args.error('limit must be greater than zero', 'limit');
    if (rule.sourceType === 'line' && rule.sources.length > 0) throw args.error("sources cannot be set when source_type is 'line'", 'sources');
    if (rule.suffix.length > 0 && rule.limit <= byteLength(rule.suffix)) {
      throw args.error('suffix length cannot be greater than or equal to limit', 'suffix');
    }
    return rule;
  });
}

export function compileTruncate(block: EvaluatedBlock): CompiledStage {
  const rules = readTruncateRules(block);
  return mutatingStage(block, (e) => {
    const truncated = new Set<string>();
    const cut = (s: string, r: TruncateRule): string | undefined => {
      const limit = r.limit - byteLength(r.suffix);
      return byteLength(s) > limit ? sliceBytes(s, limit) + r.suffix : undefined;
    };
    for (const r of rules) {
      switch (r.sourceType) {
        case 'line': {
          const v = cut(e.line, r);
          if (v !== undefined) {
            e.line = v;
            truncated.add('line');
          }
          break;
        }
        case 'label':
        case 'structured_metadata': {
          const m = r.sourceType === 'label' ? e.labels : e.structuredMetadata;
          for (const [k, val] of m) {
            if (r.sources.length > 0 && !r.sources.includes(k)) continue;
            const v = cut(val, r);
            if (v !== undefined) {
              m.set(k, v);
              truncated.add(r.sourceType);
            }
          }
          break;
        }
        case 'extracted': {
          const keys = r.sources.length > 0 ? r.sources : [...e.extracted.keys()];
          for (const k of keys) {
            const val: TemplateValue = e.extracted.get(k);
            if (typeof val !== 'string') continue;
            const v = cut(val, r);
            if (v !== undefined) {
              e.extracted.set(k, v);
              truncated.add('extracted');
            }
          }
          break;
        }
      }
      if (truncated.size > 0) {
        const existing = e.extracted.get('truncated');
        if (typeof existing === 'string') for (const s of existing.split(',')) truncated.add(s);
        e.extracted.set('truncated', [...truncated].sort().join(','));
      }
    }
  });
}
