// Public API of the regex layer: Go-semantics regexps over interchangeable backends.
import { Re2jsCore, re2jsSubexpNames } from './backends/re2js.ts';
import type { MatchCore } from './backends/core.ts';
import { LruCache } from './cache.ts';
import { GoRegexpImpl } from './go-regexp.ts';
import { RegexSyntaxError, type CompileOptions, type EngineName, type GoRegexp } from './types.ts';

export { RegexSyntaxError } from './types.ts';
export type { CompileOptions, EngineName, GoRegexp } from './types.ts';
export { quoteMeta } from './quote-meta.ts';

let defaultEngine: EngineName = 're2js';
const cache = new LruCache<string, GoRegexp>(4096);

export function availableEngines(): EngineName[] {
  return ['re2js'];
}

export function getDefaultEngine(): EngineName {
  return defaultEngine;
}

export function setDefaultEngine(name: EngineName): void {
  if (!availableEngines().includes(name)) {
    throw new Error(`regex engine ${name} is not available here (available: ${availableEngines().join(', ')})`);
  }
  defaultEngine = name;
}

/** Compiles `pattern` with Go's regexp syntax and semantics; throws RegexSyntaxError as Go would. */
export function compileRegex(pattern: string, opts: CompileOptions = {}): GoRegexp {
  const engine = opts.engine ?? defaultEngine;
  // Prometheus/Alloy relabel wraps exactly like this, so errors mention the wrapped text too.
  const source = opts.anchoredDotAll ? '^(?s:' + pattern + ')$' : pattern;
  const key = engine + '\u0000' + source;
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = build(source, engine);
  cache.set(key, compiled);
  return compiled;
}

function build(source: string, engine: EngineName): GoRegexp {
  let core: MatchCore;
  let names: string[];
  try {
    switch (engine) {
      case 're2js':
        core = new Re2jsCore(source);
        names = re2jsSubexpNames(source);
        break;
      default:
        throw new Error(`regex engine ${engine} is not available here`);
    }
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('error parsing regexp:')) {
      throw new RegexSyntaxError(e.message, source);
    }
    throw e;
  }
  return new GoRegexpImpl(source, core, names);
}
