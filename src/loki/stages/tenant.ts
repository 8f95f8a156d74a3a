// stage.tenant (stages/tenant.go): sets the reserved `__tenant_id__` label from an extracted
// value (`source`), a label (`label`) or a constant (`value`) — exactly one of them. An empty or
// missing tenant leaves the labels alone.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError, sourceString } from './common.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export const TENANT_LABEL = '__tenant_id__';

export function readTenantConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { optional: ['label', 'source', 'value'] });
  return { args, cfg: { label: args.string('label'), source: args.string('source'), value: args.string('value') } };
}

export function compileTenant(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readTenantConfig(block);
  const set = [cfg.source, cfg.value, cfg.label].filter((x) => x !== '').length;
  if (set === 0) throw buildError(args, 'label, source or value config are required');
  if (set > 1) {
    throw buildError(args, 'label, source and value are mutually exclusive: you should set source, value or label but not all');
  }
  return mutatingStage(block, (entry) => {
    let tenant: string;
    if (cfg.source !== '') tenant = sourceString(entry.extracted, cfg.source) ?? '';
    else if (cfg.label !== '') tenant = entry.labels.get(cfg.label) ?? '';
    else tenant = cfg.value;
    if (tenant !== '') entry.labels.set(TENANT_LABEL, tenant);
  });
}
