// stage.drop (stages/drop.go): drops an entry when every configured criterion holds:
// longer_than (bytes of the line), older_than (entry time before now - older_than), and either
// `source` keys present in extracted (no expression/value), `expression` on the line, or
// `expression`/`value` on the `separator`-joined source values.
import type { EvaluatedBlock } from '../../config/model.ts';
import { quoteMeta, type GoRegexp } from '../../regex/index.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex } from './common.ts';
import { byteLength } from './go-bytes.ts';
import { goGetString } from './go-values.ts';
import { describeWhere, forward, type CompiledStage, type StageContext } from './stage.ts';

export interface DropConfig {
  dropReason: string;
  source: string;
  value: string;
  separator: string;
  expression: string;
  olderThanNs: bigint;
  longerThan: number;
}

export function readDropConfig(block: EvaluatedBlock): { args: StageArgs; cfg: DropConfig } {
  const args = new StageArgs(block, {
    optional: ['drop_counter_reason', 'source', 'value', 'separator', 'expression', 'older_than', 'longer_than'],
  });
  const dropReason = args.string('drop_counter_reason');
  const separator = args.string('separator');
  return {
    args,
    cfg: {
      dropReason: dropReason === '' ? 'drop_stage' : dropReason,
      source: args.string('source'),
      value: args.string('value'),
      separator: separator === '' ? ';' : separator,
      expression: args.string('expression'),
      olderThanNs: args.durationNs('older_than') ?? 0n,
      longerThan: args.bytes('longer_than') ?? 0,
    },
  };
}

export function compileDrop(block: EvaluatedBlock, ctx: StageContext): CompiledStage {
  const { args, cfg } = readDropConfig(block);
  if (cfg.source === '' && cfg.expression === '' && cfg.olderThanNs === 0n && cfg.longerThan === 0) {
    throw buildError(args, 'drop stage config must contain at least one of `source`, `expression`, `older_than` or `longer_than`');
  }
  if (cfg.value !== '' && cfg.expression !== '') {
    throw buildError(args, 'drop stage config error, `value` and `expression` cannot both be defined at the same time');
  }
  if (cfg.value !== '' && cfg.source === '') {
    throw buildError(args, 'drop stage config must contain `source` if `value` is specified', 'value');
  }
  let re: GoRegexp | undefined;
  if (cfg.expression !== '') re = compileStageRegex(args, 'expression', cfg.expression, 'drop stage regex compilation error: ');
  if (cfg.value !== '') re = compileStageRegex(args, 'value', `^${quoteMeta(cfg.value)}$`, 'drop stage regex compilation error: ');
  const sources = cfg.source === '' ? [] : cfg.source.split(',');
  const where = describeWhere(block);

  const shouldDrop = (line: string, extracted: Map<string, unknown>, ts: bigint): boolean => {
    if (cfg.longerThan !== 0 && !(byteLength(line) > cfg.longerThan)) return false;
    if (cfg.olderThanNs !== 0n && !(ts < ctx.nowNs - cfg.olderThanNs)) return false;
    if (cfg.source !== '' && !re) {
      if (!sources.every((s) => extracted.has(s))) return false;
    }
    if (cfg.source === '' && re && !re.matchString(line)) return false;
    if (cfg.source !== '' && re) {
      const parts: string[] = [];
      for (const s of sources) {
        if (!extracted.has(s)) continue;
        const v = goGetString(extracted.get(s) as never);
        if (v === undefined) return false;
        parts.push(v);
      }
      if (!re.matchString(parts.join(cfg.separator))) return false;
    }
    return true;
  };

  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(entry) {
      if (!shouldDrop(entry.line, entry.extracted, entry.timestampNs)) return forward(entry);
      return [{ kind: 'drop', entry, by: where, reason: cfg.dropReason, range: block.range }];
    },
  };
}
