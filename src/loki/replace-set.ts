// One RE2.Set over the stage.replace expressions of a loki.process, to ask C++ RE2 once per line
// which rules can match at all, instead of running every rule's regexp on every line.
//
// Why it is sound: the set is built from the same backend-printed patterns that the native `re2`
// engine compiles (syntax/print.ts), so "no match anywhere in the line" from the set is the same
// answer the native engine would give — the assumption behind using that engine at all (it passes
// the project's Go differential suite). C++ RE2 may also report an empty match inside a character
// (\B between bytes); that can only make the set say "may match", never hide a match. Lone
// surrogates (invalid UTF-8 bytes) reach RE2 as U+FFFD, which is how Go reads them.
//
// Results are remembered for the last line seen, so stages 2..n reuse the first stage's answer as
// long as no stage changed the line; a changed line is asked again. Only used when the default
// engine is the native addon, and only for stage.replace without `source` (whose input is the line).
import { createRequire } from 'node:module';
import type { EvaluatedBlock } from '../config/model.ts';
import { getDefaultEngine } from '../regex/index.ts';
import { goText } from '../regex/text.ts';
import { parseRegex } from '../regex/syntax/parser.ts';
import { printForBackend } from '../regex/syntax/print.ts';
import { readReplaceConfig } from './stages/replace.ts';
import { stagePrefiltersEnabled } from './stages/prefilter-switch.ts';
import { forward, type CompiledStage } from './stages/stage.ts';

export interface NativeSet {
  match(input: string): number[];
  test(input: string | Buffer): boolean;
}
type NativeSetConstructor = new (patterns: string[], flags?: string) => NativeSet;

function loadSetConstructor(): NativeSetConstructor | null {
  try {
    const re2 = createRequire(import.meta.url)('re2') as { Set?: NativeSetConstructor };
    return re2.Set ?? null;
  } catch {
    return null;
  }
}

/**
 * An RE2.Set of the expressions as the native engine compiles them, or null when the native
 * engine is not the default, prefilters are off, or C++ RE2 refuses the set.
 */
export function buildReplaceSet(expressions: readonly string[]): NativeSet | null {
  if (!stagePrefiltersEnabled() || getDefaultEngine() !== 're2') return null;
  const RE2Set = loadSetConstructor();
  if (!RE2Set) return null;
  try {
    return new RE2Set(expressions.map((e) => printForBackend(parseRegex(e).root)));
  } catch {
    return null; // too big for C++ RE2, or a pattern Go rejects (its stage reports it)
  }
}

/** The stage.replace expression a block applies to the line, or null (other stage, or `source`). */
export function lineReplaceExpression(block: EvaluatedBlock): string | null {
  if (block.name !== 'stage.replace') return null;
  try {
    const { cfg } = readReplaceConfig(block);
    return cfg.source === '' && cfg.expression !== '' ? cfg.expression : null;
  } catch {
    return null;
  }
}

/**
 * Wraps the line-rewriting stage.replace stages so that each runs only when the set says its
 * expression can match the current line. Returns the stages unchanged when there are fewer than
 * two such stages, the native addon (or its Set) is missing, the default engine is not `re2`, or
 * prefilters are switched off.
 */
export function screenReplaceStagesWithSet(blocks: readonly EvaluatedBlock[], stages: CompiledStage[]): CompiledStage[] {
  const expressions = blocks.map(lineReplaceExpression);
  const members = expressions.flatMap((e, i) => (e === null ? [] : [i]));
  if (members.length < 2) return stages;
  const set = buildReplaceSet(members.map((i) => expressions[i]!));
  if (!set) return stages;
  let lastLine: string | null = null;
  let lastHits = new Set<number>();
  const mayMatch = (stageIndex: number, line: string): boolean => {
    if (line !== lastLine) {
      lastHits = new Set(set.match(goText(line)).map((k) => members[k]!));
      lastLine = line;
    }
    return lastHits.has(stageIndex);
  };
  return stages.map((stage, i) => {
    if (expressions[i] === null) return stage;
    return {
      ...stage,
      process: (entry) => (mayMatch(i, entry.line) ? stage.process(entry) : forward(entry)),
    };
  });
}
