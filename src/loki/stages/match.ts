// stage.match (stages/match.go): entries whose labels match the LogQL selector and whose line
// passes its line filters either go through the nested stages (action "keep", the default) or are
// dropped (action "drop"). Entries that do not match pass by untouched. The nested pipeline
// copies labels into the extracted map again before its first stage, as Alloy's does.
import { ConfigError } from '../../config/errors.ts';
import type { EvaluatedBlock } from '../../config/model.ts';
import { matchesLabels, matchesLine, parseSelector, SelectorError, type Selector } from '../logql/selector.ts';
import { StageArgs } from './args.ts';
import { buildError } from './common.ts';
import { compileStages } from './index.ts';
import { StagePipeline } from './pipeline.ts';
import { describeWhere, forward, type CompiledStage, type StageContext } from './stage.ts';

export interface MatchConfig {
  selector: string;
  action: 'keep' | 'drop';
  pipelineName: string;
  dropReason: string;
}

export function readMatchConfig(block: EvaluatedBlock): { args: StageArgs; cfg: MatchConfig; action: string } {
  const nested = block.blocks.filter((b) => b.name.startsWith('stage.')).map((b) => b.name);
  const args = new StageArgs(block, {
    required: ['selector'],
    optional: ['action', 'pipeline_name', 'drop_counter_reason'],
    blocks: nested,
  });
  const action = args.string('action');
  const dropReason = args.string('drop_counter_reason');
  return {
    args,
    action,
    cfg: {
      selector: args.string('selector'),
      action: action === 'drop' ? 'drop' : 'keep',
      pipelineName: args.string('pipeline_name'),
      dropReason: dropReason === '' ? 'match_stage' : dropReason,
    },
  };
}

export function compileMatch(block: EvaluatedBlock, ctx: StageContext): CompiledStage {
  const { args, cfg, action } = readMatchConfig(block);
  if (cfg.selector === '') throw buildError(args, 'selector statement required for match stage', 'selector');
  if (action !== '' && action !== 'keep' && action !== 'drop') {
    throw buildError(args, "match stage action should be 'keep' or 'drop'", 'action');
  }
  if (cfg.action === 'keep' && block.blocks.length === 0) {
    throw buildError(args, "match stage requires at least one additional stage to be defined in '- stages'");
  }
  if (cfg.action === 'drop' && block.blocks.length !== 0) {
    throw buildError(args, 'match stage configured to drop entries cannot contains stages');
  }

  let selector: Selector | undefined;
  let filterError: SelectorError | undefined;
  try {
    selector = parseSelector(cfg.selector);
  } catch (e) {
    if (!(e instanceof SelectorError)) throw e;
    if (e.kind === 'filter-regex') filterError = e;
    else if (e.kind === 'matcher-regex') {
      // Alloy's parser panics on a label matcher regex Go cannot compile instead of returning an
      // error; either way the configuration does not run.
      throw buildError(args, `invalid selector syntax for match stage: ${e.message} (Alloy panics on this selector)`, 'selector');
    } else throw buildError(args, `invalid selector syntax for match stage: ${e.message}`, 'selector');
  }

  let nested: StagePipeline | undefined;
  if (cfg.action === 'keep') {
    try {
      nested = new StagePipeline(compileStages(block.blocks, ctx));
    } catch (e) {
      if (e instanceof ConfigError && e.message.startsWith('invalid stage config ')) {
        throw new ConfigError(`invalid stage config match stage failed to create pipeline from config {…}: ${e.message}`, e.file, e.range);
      }
      throw e;
    }
  }
  if (filterError) throw buildError(args, `error parsing pipeline: ${filterError.message}`, 'selector');

  const sel = selector!;
  const where = describeWhere(block);
  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(entry) {
      const matched = matchesLabels(sel, entry.labels) && matchesLine(sel, entry.line);
      if (!matched) return forward(entry);
      if (cfg.action === 'drop') {
        return [{ kind: 'drop', entry, by: where, reason: cfg.dropReason, range: block.range }];
      }
      return nested!.process(entry);
    },
    flush: () => nested?.flush() ?? [],
  };
}
