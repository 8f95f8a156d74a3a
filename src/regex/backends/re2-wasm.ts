// The re2-wasm backend (C++ RE2 compiled to WebAssembly), with its traps neutralised:
//  * Its JS class iterates global matches itself and loops forever on empty matches, and never
//    frees compiled objects. We use only the embind wrapper's single search and call delete().
//  * Offsets come back in code points. We convert them to string indices here.
//  * Its heap is a fixed 16 MiB. Compiled objects live in a small pool (deleted on eviction and
//    recompiled on demand), inputs above MAX_INPUT_UNITS are searched by the fallback, and if
//    the module ever aborts (out of memory) it is marked dead and the fallback takes over.
//  * It returns submatch texts but not their positions. When positions are needed, the
//    fallback (re2js) re-runs the search from the start C++ RE2 found; the leftmost-first match
//    starting there is the same match, and the answer is checked against C++ RE2's span.
import { createRequire } from 'node:module';
import type { BoundInput, MatchCore } from './core.ts';
import { LruCache } from '../cache.ts';
import { goText } from '../text.ts';

interface WasmMatch {
  match: string;
  index: number;
}

interface WrappedRE2 {
  ok(): boolean;
  error(): string;
  match(input: string, start: number, getCapturingGroups: boolean): WasmMatch;
  delete(): void;
}

type WrappedRE2Constructor = new (pattern: string, ignoreCase: boolean, multiline: boolean, dotAll: boolean) => WrappedRE2;

/** Inputs longer than this (UTF-16 units) are not copied into the 16 MiB wasm heap. */
export const MAX_INPUT_UNITS = 1 << 18;
/** Compiled C++ RE2 objects kept alive in the wasm heap at once. */
const POOL_SIZE = 128;

let ctor: WrappedRE2Constructor | null | undefined;
let dead = false;
const pool = new LruCache<string, WrappedRE2>(POOL_SIZE);

/** Replaces the wasm module (tests use this to simulate a module that runs out of memory). */
export function setWasmModuleForTesting(replacement: WrappedRE2Constructor | null | undefined): void {
  ctor = replacement;
  dead = false;
  pool.clear();
}

export function loadWasmRe2(): WrappedRE2Constructor | null {
  if (ctor === undefined) {
    try {
      ctor = (createRequire(import.meta.url)('re2-wasm/build/wasm/re2') as { WrappedRE2: WrappedRE2Constructor })
        .WrappedRE2;
    } catch {
      ctor = null;
    }
  }
  return dead ? null : ctor;
}

export function wasmIsDead(): boolean {
  return dead;
}

function markDead(): void {
  dead = true;
  pool.clear(); // the module's memory is unusable after an abort; drop references only
}

/** Thrown when C++ RE2 refuses a pattern Go accepts; the caller falls back to another engine. */
export class WasmUnavailable extends Error {}

function wrapperFor(printed: string): WrappedRE2 {
  const existing = pool.get(printed);
  if (existing) return existing;
  const Wrapped = loadWasmRe2();
  if (!Wrapped) throw new WasmUnavailable('re2-wasm is not available');
  let w: WrappedRE2;
  try {
    w = new Wrapped(printed, false, false, false);
  } catch (e) {
    markDead();
    throw new WasmUnavailable('re2-wasm failed: ' + String(e));
  }
  if (!w.ok()) {
    const reason = w.error();
    w.delete();
    throw new WasmUnavailable('C++ RE2 refused the pattern: ' + reason);
  }
  pool.set(printed, w, (evicted) => {
    if (!dead) evicted.delete();
  });
  return w;
}

export class WasmRe2Core implements MatchCore {
  readonly engine = 're2-wasm' as const;

  /** Throws WasmUnavailable when the module is missing or dead or C++ RE2 refuses the pattern. */
  constructor(
    private readonly printed: string,
    readonly numSubexp: number,
    private readonly makeFallback: () => MatchCore,
  ) {
    wrapperFor(printed);
  }

  private fallbackCore: MatchCore | null = null;

  /** Compiled on first need: most searches never use it. */
  private get fallback(): MatchCore {
    return (this.fallbackCore ??= this.makeFallback());
  }

  bind(text: string): BoundInput {
    const wellFormed = goText(text);
    const printed = this.printed;
    // C++ RE2 lets \B match between the bytes of one character, where Go never looks, and the
    // wasm API hides the byte offset that would reveal it: such inputs go to the fallback.
    const midCharRisk = printed.includes('\\B') && /[^\x00-\x7f]/.test(wellFormed);
    let fallbackInput: BoundInput | null = null;
    const viaFallback = (): BoundInput => (fallbackInput ??= this.fallback.bind(text));
    return {
      exec(pos: number, groups: number): number[] | null {
        if (midCharRisk || wasmIsDead() || wellFormed.length - pos > MAX_INPUT_UNITS) return viaFallback().exec(pos, groups);
        // Pass the text from one character before pos: enough context for \b and (?m:^), and
        // the copy into the wasm heap does not grow with the part already searched.
        const from = pos - precedingWidth(wellFormed, pos);
        const sub = from === 0 ? wellFormed : wellFormed.slice(from);
        let m: WasmMatch;
        try {
          m = wrapperFor(printed).match(sub, from === pos ? 0 : 1, false);
        } catch (e) {
          if (!(e instanceof WasmUnavailable)) markDead();
          return viaFallback().exec(pos, groups);
        }
        if (m.index < 0) return null;
        const start = from + codePointsToUnits(sub, m.index);
        const end = start + m.match.length;
        if (groups === 1) return [start, end];
        const full = viaFallback().exec(start, groups);
        if (full === null || full[0] !== start || full[1] !== end) {
          throw new Error(`regex backends disagree on ${JSON.stringify(printed)}: C++ RE2 [${start},${end}]`);
        }
        return full;
      },
    };
  }
}

function precedingWidth(s: string, pos: number): number {
  if (pos === 0) return 0;
  const c = s.charCodeAt(pos - 1);
  if (c >= 0xdc00 && c <= 0xdfff && pos >= 2) {
    const h = s.charCodeAt(pos - 2);
    if (h >= 0xd800 && h <= 0xdbff) return 2;
  }
  return 1;
}

function codePointsToUnits(s: string, codePoints: number): number {
  let units = 0;
  for (let n = 0; n < codePoints; n++) {
    const c = s.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return units;
}
