// Public API of the regex layer: Go-semantics regexps over interchangeable backends.
//
// Compilation: our own parser (syntax/parser.ts) decides, with Go's error text, whether Go would
// accept the pattern; the parse tree is then printed as a plain, flag-free RE2 pattern
// (syntax/print.ts) that each backend compiles. Iteration, replacement and Expand are ours too
// (go-regexp.ts), so backends only ever answer "the leftmost-first match from position p".
import type { MatchCore } from './backends/core.ts';
import { loadNativeRe2, NativeRe2Core } from './backends/re2-native.ts';
import { loadWasmRe2, WasmRe2Core } from './backends/re2-wasm.ts';
import { Re2jsCore } from './backends/re2js.ts';
import { prefilterFor } from './analyse.ts';
import { LruCache } from './cache.ts';
import { GoRegexpImpl } from './go-regexp.ts';
import { automatonCost } from './syntax/cost.ts';
import { parseRegex } from './syntax/parser.ts';
import { nullable } from './syntax/nullable.ts';
import { printForBackend } from './syntax/print.ts';
import type { CompileOptions, EngineName, GoRegexp } from './types.ts';

export { RegexSyntaxError } from './types.ts';
export type { CompileOptions, EngineName, GoRegexp } from './types.ts';
export { quoteMeta } from './quote-meta.ts';
export { analyseRegex, caseFoldKey, mayMatch } from './analyse.ts';
export type { RegexAnalysis, RequiredLiterals } from './analyse.ts';

// Chosen by measurement (bench/RESULTS.md): the native addon is the fastest backend by far where
// it loads; re2js, always present, is the fallback. Resolved on first use (loading the addon).
let defaultEngine: EngineName | undefined;
const cache = new LruCache<string, GoRegexp>(4096);

/** Engines that load here, re2js first (it is always present). */
export function availableEngines(): EngineName[] {
  const engines: EngineName[] = ['re2js'];
  if (loadWasmRe2()) engines.push('re2-wasm');
  if (loadNativeRe2()) engines.push('re2');
  return engines;
}

export function getDefaultEngine(): EngineName {
  defaultEngine ??= loadNativeRe2() ? 're2' : 're2js';
  return defaultEngine;
}

export function setDefaultEngine(name: EngineName): void {
  if (!availableEngines().includes(name)) {
    throw new Error(`regex engine ${name} is not available here (available: ${availableEngines().join(', ')})`);
  }
  defaultEngine = name;
}

/**
 * Compiles `pattern` with Go's regexp syntax and semantics; throws RegexSyntaxError with Go's
 * message for anything Go rejects. With `anchoredDotAll` the pattern is wrapped as
 * `^(?s:…)$` first, as Prometheus/Alloy relabel rules do, and `source` is the wrapped text.
 * When the requested engine cannot take a pattern (not installed, memory exhausted, or C++ RE2
 * refuses a size Go accepts) the result runs on re2js and says so in `engine`.
 */
export function compileRegex(pattern: string, opts: CompileOptions = {}): GoRegexp {
  const engine = opts.engine ?? getDefaultEngine();
  const source = opts.anchoredDotAll ? '^(?s:' + pattern + ')$' : pattern;
  const key = engine + '\u0000' + source;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = parseRegex(source);
  const printed = printForBackend(parsed.root);
  const core = buildCore(engine, printed, parsed.numCap, automatonCost(parsed.root), !nullable(parsed.root));
  const compiled = new GoRegexpImpl(source, core, parsed.names, prefilterFor(parsed.root) ?? undefined);
  cache.set(key, compiled);
  return compiled;
}

/** Above this automatonCost a pattern could exhaust the wasm heap (and kill the module). */
const WASM_MAX_COST = 100_000;

function buildCore(engine: EngineName, printed: string, numSubexp: number, cost: number, neverEmpty: boolean): MatchCore {
  const portable = (): MatchCore => new Re2jsCore(printed, numSubexp);
  try {
    switch (engine) {
      case 're2-wasm':
        if (cost > WASM_MAX_COST) return portable();
        return new WasmRe2Core(printed, numSubexp, portable);
      case 're2':
        return new NativeRe2Core(printed, numSubexp, neverEmpty);
      case 're2js':
        return portable();
    }
  } catch (e) {
    if (engine === 're2js') throw e;
  }
  return portable();
}
