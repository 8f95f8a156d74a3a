// stage.replace (stages/replace.go). The rules users trip over, all reproduced here:
//  * the template replaces each *capture group*, not the whole match: an expression without a
//    group matches and changes nothing;
//  * `replace` is a Go text/template, so `${1}` is printed literally, never expanded;
//  * a group that starts before the end of the previously replaced group is skipped (nested and
//    overlapping groups), but its template still runs;
//  * with `source`, the extracted value is rewritten and the line is left alone;
//  * named groups land in the extracted map with the *replaced* value of the first match's text;
//  * a template execution error leaves the entry untouched.
import type { EvaluatedBlock } from '../../config/model.ts';
import type { GoRegexp } from '../../regex/index.ts';
import { TemplateError, type TemplateValue } from '../../template/types.ts';
import type { LogEntry } from '../types.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex, extractedAsStrings, sourceString, templateFailure } from './common.ts';
import { addMark, markOf, mutatingStage, type CompiledStage } from './stage.ts';
import { compileStageTemplate, cannotSimulate, newStringMap, type StageTemplate } from './templates.ts';
import { analyseRegex } from '../../regex/index.ts';
import { literalScreen, type LiteralScreen } from '../../regex/literal-screen.ts';
import { stagePrefiltersEnabled } from './prefilter-switch.ts';

export interface ReplaceConfig {
  expression: string;
  source: string;
  replace: string;
}

export function readReplaceConfig(block: EvaluatedBlock): { args: StageArgs; cfg: ReplaceConfig } {
  const args = new StageArgs(block, { required: ['expression'], optional: ['source', 'replace'] });
  return {
    args,
    cfg: { expression: args.string('expression'), source: args.string('source'), replace: args.string('replace') },
  };
}

export function compileReplace(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readReplaceConfig(block);
  if (cfg.expression === '') throw buildError(args, 'expression is required', 'expression');
  const re = compileStageRegex(args, 'expression', cfg.expression, 'could not compile regular expression: ');
  let template: StageTemplate;
  try {
    template = compileStageTemplate(cfg.replace);
  } catch (e) {
    throw buildError(args, `failed to compile template: ${templateFailure(e)}`, 'replace');
  }
  // Literal prefilter (regex/literal-screen.ts): an input without any literal every match must
  // contain has no match, and then replace.go changes nothing — so the regexp is not asked.
  const screen = stagePrefiltersEnabled() ? literalScreen(analyseRegex(cfg.expression).requiredLiterals) : null;
  return mutatingStage(block, (entry) => replaceEntry(block, cfg, re, template, entry, screen));
}

function replaceEntry(block: EvaluatedBlock, cfg: ReplaceConfig, re: GoRegexp, template: StageTemplate, entry: LogEntry, screen: LiteralScreen | null): void {
  let input: string;
  if (cfg.source !== '') {
    const s = sourceString(entry.extracted, cfg.source);
    if (s === undefined) return;
    input = s;
  } else {
    input = entry.line;
  }
  if (screen !== null && !screen.mayMatchString(input)) return;

  const allMatches = re.findAllStringSubmatchIndex(input, -1);
  if (allMatches.length === 0) return;

  // Alloy's template data here is a map[string]string (missing keys print "<no value>"); a
  // template without actions never reads it.
  const td = template.constant === undefined ? extractedAsStrings(entry.extracted, newStringMap()) : newStringMap();
  let replaced: { result: string; captured: Map<string, string> };
  try {
    replaced = replaceGroups(allMatches, input, template, td);
  } catch (e) {
    if (e instanceof TemplateError && !cannotSimulate(e)) return; // Alloy: debug log, entry unchanged
    addMark(entry, markOf(block, `${block.name}: the template could not be simulated: ${templateFailure(e)}`));
    return;
  }
  if (template.nonDeterministic.length > 0 && allMatches.some((m) => m.length > 2)) {
    addMark(
      entry,
      markOf(block, `${block.name}: template uses ${template.nonDeterministic.join(', ')}, whose output Alloy cannot reproduce`),
    );
  }

  if (cfg.source !== '') entry.extracted.set(cfg.source, replaced.result);
  else entry.line = replaced.result;

  // Named groups take the template output for the text the group captured in the *first* match,
  // looked up among everything captured in any match (Go's capturedMap[match[i]]).
  // Go calls FindStringSubmatch for this, which is by definition the first of FindAll's matches.
  const first = allMatches[0]!;
  const names = re.subexpNames();
  for (let i = 1; i < names.length; i++) {
    if (names[i] === '') continue;
    const text = first[2 * i]! < 0 ? '' : input.slice(first[2 * i], first[2 * i + 1]);
    const v = replaced.captured.get(text);
    if (v !== undefined) entry.extracted.set(names[i]!, v);
  }
}

function replaceGroups(
  allMatches: number[][],
  input: string,
  template: StageTemplate,
  td: Map<string, TemplateValue>,
): { result: string; captured: Map<string, string> } {
  let result = '';
  let previousEnd = 0;
  const captured = new Map<string, string>();
  for (const m of allMatches) {
    for (let i = 2; i < m.length; i += 2) {
      const start = m[i]!;
      const end = m[i + 1]!;
      if (start === -1) continue;
      const text = input.slice(start, end);
      td.set('Value', text);
      const out = template.execute(td);
      if (previousEnd === 0 || previousEnd <= start) {
        result += input.slice(previousEnd, start) + out;
        previousEnd = end;
      }
      captured.set(text, out);
    }
  }
  return { result: result + input.slice(previousEnd), captured };
}
