// Compiles one `stage.*` block into a CompiledStage: the registry of every stage Alloy knows.
import { ConfigError } from '../../config/errors.ts';
import type { EvaluatedBlock } from '../../config/model.ts';
import { findUnknown } from './args.ts';
import { compileCri } from './cri.ts';
import { compileMatch } from './match.ts';
import { compileDecolorize } from './decolorize.ts';
import { compileDocker } from './docker.ts';
import { compileDrop } from './drop.ts';
import { compileJson } from './json.ts';
import { compileLimit } from './limit.ts';
import { compileLogfmt } from './logfmt.ts';
import { compileLuhn } from './luhn.ts';
import { compileMetrics } from './metrics.ts';
import { compileMultiline } from './multiline.ts';
import { compilePack } from './pack.ts';
import { compilePattern } from './pattern.ts';
import { compileSampling } from './sampling.ts';
import { compileStructuredMetadata } from './structured-metadata.ts';
import { compileStructuredMetadataDrop } from './structured-metadata-drop.ts';
import { compileTimestamp } from './timestamp.ts';
import { compileTruncate } from './truncate.ts';
import { compileLabelDrop } from './label-drop.ts';
import { compileLabelKeep } from './label-keep.ts';
import { compileLabels } from './labels.ts';
import { compileOutput } from './output.ts';
import { compileRegexStage } from './regex.ts';
import { compileReplace } from './replace.ts';
import { compileSplitJson } from './split-json.ts';
import { compileStaticLabels } from './static-labels.ts';
import { compileTemplateStage } from './template.ts';
import { compileTenant } from './tenant.ts';
import type { CompiledStage, StageContext } from './stage.ts';
import { compileUnknownArguments, compileUnsupported, UNSUPPORTED_REASONS } from './unsupported.ts';

export type StageCompiler = (block: EvaluatedBlock, ctx: StageContext) => CompiledStage;

const COMPILERS = new Map<string, StageCompiler>([
  ['stage.replace', (b) => compileReplace(b)],
  ['stage.cri', (b) => compileCri(b)],
  ['stage.match', (b, ctx) => compileMatch(b, ctx)],
  ['stage.tenant', (b) => compileTenant(b)],
  ['stage.regex', (b) => compileRegexStage(b)],
  ['stage.template', (b) => compileTemplateStage(b)],
  ['stage.output', (b) => compileOutput(b)],
  ['stage.labels', (b) => compileLabels(b)],
  ['stage.static_labels', (b) => compileStaticLabels(b)],
  ['stage.label_drop', (b) => compileLabelDrop(b)],
  ['stage.label_keep', (b) => compileLabelKeep(b)],
  ['stage.luhn', (b) => compileLuhn(b)],
  ['stage.drop', (b, ctx) => compileDrop(b, ctx)],
  ['stage.json', (b) => compileJson(b)],
  ['stage.logfmt', (b) => compileLogfmt(b)],
  ['stage.docker', (b) => compileDocker(b)],
  ['stage.decolorize', (b) => compileDecolorize(b)],
  ['stage.truncate', (b) => compileTruncate(b)],
  ['stage.structured_metadata', (b) => compileStructuredMetadata(b)],
  ['stage.structured_metadata_drop', (b) => compileStructuredMetadataDrop(b)],
  ['stage.pack', (b, ctx) => compilePack(b, ctx)],
  ['stage.multiline', (b) => compileMultiline(b)],
  ['stage.sampling', (b, ctx) => compileSampling(b, ctx)],
  ['stage.limit', (b) => compileLimit(b)],
  ['stage.metrics', (b) => compileMetrics(b)],
  ['stage.timestamp', (b, ctx) => compileTimestamp(b, ctx)],
  ['stage.split_json', (b) => compileSplitJson(b)],
  ['stage.pattern', (b) => compilePattern(b)],
]);

/** Every stage block name Alloy's loki.process accepts (stages/pipeline.go StageConfig). */
export const ALLOY_STAGE_NAMES: readonly string[] = [
  'cri', 'decolorize', 'docker', 'drop', 'eventlogmessage', 'geoip', 'json', 'label_keep', 'label_drop',
  'labels', 'limit', 'logfmt', 'luhn', 'match', 'metrics', 'multiline', 'output', 'pack', 'pattern',
  'regex', 'replace', 'split_json', 'static_labels', 'structured_metadata', 'structured_metadata_drop',
  'sampling', 'template', 'tenant', 'truncate', 'timestamp', 'windowsevent',
].map((n) => 'stage.' + n);

export function registerStage(name: string, compiler: StageCompiler): void {
  COMPILERS.set(name, compiler);
}

export function isSimulatedStage(name: string): boolean {
  return COMPILERS.has(name);
}

export function compileStage(block: EvaluatedBlock, ctx: StageContext): CompiledStage {
  if (!ALLOY_STAGE_NAMES.includes(block.name)) {
    throw new ConfigError(`unrecognized block name "${block.name}"`, block.file, block.range);
  }
  if (block.label !== undefined) {
    throw new ConfigError(`block "${block.name}" does not support specifying labels`, block.file, block.range);
  }
  const compiler = COMPILERS.get(block.name);
  if (!compiler) return compileUnsupported(block, UNSUPPORTED_REASONS.get(block.name));
  // A value Alloy only knows at run time: never guess what the stage would do with it.
  const pending: EvaluatedBlock[] = [block];
  while (pending.length > 0) {
    const b = pending.pop()!;
    for (const a of b.attributes.values()) {
      const u = findUnknown(a.value);
      if (u) return compileUnknownArguments(block, a.name, u.reason);
    }
    // Nested stages of stage.match are compiled (and checked) on their own.
    for (const nested of b.blocks) if (!nested.name.startsWith('stage.')) pending.push(nested);
  }
  return compiler(block, ctx);
}

export function compileStages(blocks: readonly EvaluatedBlock[], ctx: StageContext): CompiledStage[] {
  return blocks.map((b, i) => compileStage(b, { ...ctx, path: [...ctx.path, i + 1] }));
}
