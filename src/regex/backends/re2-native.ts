// The native `re2` addon (C++ RE2): the fastest backend where it builds. It is an optional
// dependency, so it is loaded lazily inside a try/catch and simply absent when it fails to load.
// Inputs go in as UTF-8 Buffers so that lastIndex and all offsets are byte offsets, which
// OffsetMap (text.ts) turns back into string indices.
import { createRequire } from 'node:module';
import type { BoundInput, MatchCore } from './core.ts';
import { goText, OffsetMap } from '../text.ts';

interface NativeMatch {
  index: number;
  /** Present with the d flag. */
  indices: ([number, number] | undefined)[];
  /** The whole match, as a Buffer slice for Buffer input. */
  0: Buffer;
}

interface NativeRE2 {
  lastIndex: number;
  exec(input: Buffer | string): NativeMatch | null;
}

type NativeRE2Constructor = new (pattern: string, flags: string) => NativeRE2;

let loaded: NativeRE2Constructor | null | undefined;

/** Replaces the addon (tests use this to simulate a machine where it did not build). */
export function setNativeModuleForTesting(replacement: NativeRE2Constructor | null | undefined): void {
  loaded = replacement;
}

/** The addon's constructor, or null when it is not installed or does not load here. */
export function loadNativeRe2(): NativeRE2Constructor | null {
  if (loaded === undefined) {
    try {
      loaded = createRequire(import.meta.url)('re2') as NativeRE2Constructor;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

export class NativeRe2Core implements MatchCore {
  readonly engine = 're2' as const;
  /** Reports group offsets (d flag); used when submatches are wanted. */
  private readonly re: NativeRE2;
  /** Whole-match only, which C++ RE2 answers faster (no submatch extraction). */
  private readonly reWhole: NativeRE2;

  /**
   * Throws when C++ RE2 refuses the pattern (for example, its memory budget is exceeded).
   * `neverEmpty`: the pattern cannot match the empty string (the analyser's nullable() is false).
   */
  constructor(
    printed: string,
    readonly numSubexp: number,
    private readonly neverEmpty = false,
  ) {
    const RE2 = loadNativeRe2();
    if (!RE2) throw new Error('the native re2 addon is not available');
    // g: start at lastIndex with the text before it as context; d: report group offsets.
    this.re = new RE2(printed, 'gd');
    this.reWhole = new RE2(printed, 'g');
  }

  bind(text: string): BoundInput {
    if (this.neverEmpty) return this.bindString(text);
    const wellFormed = goText(text);
    const buffer = Buffer.from(wellFormed, 'utf8');
    const offsets = new OffsetMap(wellFormed, buffer.length);
    const { re: reGroups, reWhole } = this;
    return {
      exec(pos: number, groups: number): number[] | null {
        const re = groups === 1 ? reWhole : reGroups;
        let from = offsets.toByte(pos);
        let m: NativeMatch | null;
        for (;;) {
          re.lastIndex = from;
          m = re.exec(buffer);
          if (m === null) return null;
          // C++ RE2 tries every byte offset, and \B holds between two bytes of one character;
          // Go only tries character boundaries. Such a match is empty, and Go's match (if any)
          // starts later, so search again from the next character boundary.
          if (offsets.isBoundary(m.index)) break;
          from = m.index + 1;
          while (!offsets.isBoundary(from)) from++;
        }
        if (groups === 1) return [offsets.toIndex(m.index), offsets.toIndex(m.index + m[0].length)];
        const out: number[] = [];
        for (let g = 0; g < groups; g++) {
          const span = m.indices[g];
          if (span === undefined) out.push(-1, -1);
          else out.push(offsets.toIndex(span[0]), offsets.toIndex(span[1]));
        }
        return out;
      },
    };
  }

  /**
   * The addon also takes strings and then reports UTF-16 indices itself, which costs less per call
   * than Buffer slices. Only for patterns that never match empty: a non-empty match in UTF-8 mode
   * starts and ends on character boundaries, so the in-character matches that the Buffer path
   * must skip (see above) cannot occur. Surrogate escapes become U+FFFD, one code unit each, so
   * the indices are those of the original text.
   */
  private bindString(text: string): BoundInput {
    const wellFormed = goText(text);
    const { re: reGroups, reWhole } = this;
    return {
      exec(pos: number, groups: number): number[] | null {
        const re = groups === 1 ? reWhole : reGroups;
        re.lastIndex = pos;
        const m = re.exec(wellFormed);
        if (m === null) return null;
        if (groups === 1) return [m.index, m.index + (m[0] as unknown as string).length];
        const out: number[] = [];
        for (let g = 0; g < groups; g++) {
          const span = m.indices[g];
          if (span === undefined) out.push(-1, -1);
          else out.push(span[0], span[1]);
        }
        return out;
      },
    };
  }
}
