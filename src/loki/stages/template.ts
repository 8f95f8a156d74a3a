// stage.template (stages/template.go): renders a Go template and stores the result under
// `source` in the extracted map (an empty result deletes the key). The template sees every
// extracted value converted to a string, `.Value` = the current value of `source` and
// `.Entry` = the line. An execution error leaves everything as it was.
import type { EvaluatedBlock } from '../../config/model.ts';
import { TemplateError, type TemplateValue } from '../../template/types.ts';
import { StageArgs } from './args.ts';
import { templateFailure } from './common.ts';
import { goGetString } from './go-values.ts';
import { addMark, markOf, mutatingStage, type CompiledStage } from './stage.ts';
import { compileStageTemplate, cannotSimulate, type StageTemplate } from './templates.ts';

export function readTemplateConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['source', 'template'] });
  return { args, cfg: { source: args.string('source'), template: args.string('template') } };
}

export function compileTemplateStage(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readTemplateConfig(block);
  // Both checks run while Alloy decodes the block (UnmarshalText, Validate): no build prefix.
  let template: StageTemplate;
  try {
    template = compileStageTemplate(cfg.template);
  } catch (e) {
    throw args.error(templateFailure(e), 'template');
  }
  if (cfg.source === '') throw args.error('template source value is required', 'source');
  return mutatingStage(block, (entry) => {
    const td = new Map<string, TemplateValue>();
    for (const [k, v] of entry.extracted) {
      const s = goGetString(v);
      if (s === undefined) continue;
      td.set(k, s);
      if (k === cfg.source) td.set('Value', s);
    }
    td.set('Entry', entry.line);
    let out: string;
    try {
      out = template.execute(td);
    } catch (e) {
      if (e instanceof TemplateError && !cannotSimulate(e)) return;
      addMark(entry, markOf(block, `${block.name}: the template could not be simulated: ${templateFailure(e)}`));
      return;
    }
    if (template.nonDeterministic.length > 0) {
      addMark(entry, markOf(block, `${block.name}: template uses ${template.nonDeterministic.join(', ')}, whose output Alloy cannot reproduce`));
    }
    if (out === '') entry.extracted.delete(cfg.source);
    else entry.extracted.set(cfg.source, out);
  });
}
