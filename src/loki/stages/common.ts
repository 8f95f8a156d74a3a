// Small pieces several stage compilers share: Alloy's build-time error wording, compiling a
// stage's regex with Alloy's error text, and reading a `source` value from the extracted map.
import { ConfigError } from '../../config/errors.ts';
import { compileRegex, RegexSyntaxError, type GoRegexp } from '../../regex/index.ts';
import type { TemplateValue } from '../../template/types.ts';
import type { StageArgs } from './args.ts';
import { goGetString } from './go-values.ts';

/**
 * An error from a stage constructor (`newXStage`). Alloy's pipeline wraps those as
 * `invalid stage config <err>` (no colon: stages/pipeline.go uses "%w" right after the words).
 */
export function buildError(args: StageArgs, message: string, attr?: string): ConfigError {
  return args.error(`invalid stage config ${message}`, attr);
}

/** regexp.Compile with the stage's error prefix, e.g. `could not compile regular expression: `. */
export function compileStageRegex(args: StageArgs, attr: string, pattern: string, prefix: string, wrapBuild = true): GoRegexp {
  try {
    return compileRegex(pattern);
  } catch (e) {
    if (e instanceof RegexSyntaxError) {
      const msg = prefix + e.message;
      throw wrapBuild ? buildError(args, msg, attr) : args.error(msg, attr);
    }
    throw e;
  }
}

/**
 * The string a `source`-reading stage works on: undefined when the key is absent or its value
 * is not convertible (Alloy logs at debug level and leaves the entry alone).
 */
export function sourceString(extracted: Map<string, TemplateValue>, key: string): string | undefined {
  if (!extracted.has(key)) return undefined;
  return goGetString(extracted.get(key));
}

/** Go's getString over the whole extracted map, skipping values it cannot convert. */
export function extractedAsStrings(extracted: Map<string, TemplateValue>, td = new Map<string, TemplateValue>()): Map<string, TemplateValue> {
  for (const [k, v] of extracted) {
    const s = goGetString(v);
    if (s !== undefined) td.set(k, s);
  }
  return td;
}

export function templateFailure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
