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
  match(input: string | Buffer): number[];
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

/**
 * Which of a list of expressions can match a line, asked once per distinct line. The answer for
 * the last line is remembered, so the stages of one pipeline share it as long as none of them
 * changes the line. The text fast path of `run`, which has already asked the set about a line's
 * bytes, hands that answer over (`remember`) instead of the stages asking again on the decoded
 * text, which costs a UTF-8 conversion per call.
 */
export class ReplaceRuleSet {
  private lastLine: string | null = null;
  private lastHits: Uint8Array;

  constructor(private readonly set: NativeSet, readonly size: number) {
    this.lastHits = new Uint8Array(size);
  }

  /** 1 at index k when expression k may match the decoded line (surrogate escapes allowed). */
  hitsForLine(line: string): Uint8Array {
    if (line !== this.lastLine) {
      this.lastHits = this.toFlags(this.set.match(goText(line)));
      this.lastLine = line;
    }
    return this.lastHits;
  }

  /** The same for a line's bytes, which must be valid UTF-8 (C++ RE2 reads invalid bytes unlike Go). */
  hitsForBytes(bytes: Buffer): number[] {
    return this.set.match(bytes);
  }

  /** Records the answer `hitsForBytes` gave for the bytes that decode to `line`. */
  remember(line: string, hits: readonly number[]): void {
    this.lastHits = this.toFlags(hits);
    this.lastLine = line;
  }

  private toFlags(hits: readonly number[]): Uint8Array {
    const flags = new Uint8Array(this.size);
    for (const k of hits) flags[k] = 1;
    return flags;
  }
}

// One ReplaceRuleSet per list of expressions, so the pass-through screen (prefilter.ts) and the
// stages it was built for share the remembered answer. Sharing between two pipelines with the
// same expressions is harmless: the memory is keyed by the line's text. Bounded: a run compiles
// few pipelines; the cache is cleared when it grows past a handful (tests compile many).
const sharedSets = new Map<string, ReplaceRuleSet | null>();
const SHARED_SETS_MAX = 32;

/** The shared ReplaceRuleSet of these expressions, or null where buildReplaceSet gives none. */
export function replaceRuleSet(expressions: readonly string[]): ReplaceRuleSet | null {
  if (!stagePrefiltersEnabled() || getDefaultEngine() !== 're2') return null;
  const key = expressions.join('\u0000');
  let shared = sharedSets.get(key);
  if (shared === undefined) {
    const set = buildReplaceSet(expressions);
    shared = set === null ? null : new ReplaceRuleSet(set, expressions.length);
    if (sharedSets.size >= SHARED_SETS_MAX) sharedSets.clear();
    sharedSets.set(key, shared);
  }
  return shared;
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
  const rules = replaceRuleSet(members.map((i) => expressions[i]!));
  if (!rules) return stages;
  const memberOf = new Map(members.map((stageIndex, k) => [stageIndex, k]));
  return stages.map((stage, i) => {
    const k = memberOf.get(i);
    if (k === undefined) return stage;
    return {
      ...stage,
      process: (entry) => (rules.hitsForLine(entry.line)[k] === 1 ? stage.process(entry) : forward(entry)),
    };
  });
}
