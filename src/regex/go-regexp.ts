// Go's regexp.Regexp API over a backend's single search (MatchCore). The iteration rules live here
// once, so all backends agree with Go:
//  * FindAll: after an empty match, advance one character; an empty match that starts where the
//    previous match ended is not reported.
//  * ReplaceAll: replace an empty match that abuts the previous match only at the very start.
import type { BoundInput, MatchCore } from './backends/core.ts';
import { expandTemplate } from './expand.ts';
import { charWidthAt } from './text.ts';
import type { EngineName, GoRegexp } from './types.ts';

export class GoRegexpImpl implements GoRegexp {
  readonly engine: EngineName;

  /**
   * `mayMatch`, when given, is a proven-sound prefilter (see analyse.ts): false means the text
   * has no match, so the backend is not asked.
   */
  constructor(
    readonly source: string,
    private readonly core: MatchCore,
    private readonly names: readonly string[],
    private readonly mayMatch: (s: string) => boolean = () => true,
  ) {
    this.engine = core.engine;
  }

  numSubexp(): number {
    return this.core.numSubexp;
  }

  subexpNames(): string[] {
    return [...this.names];
  }

  subexpIndex(name: string): number {
    if (name === '') return -1;
    return this.names.indexOf(name);
  }

  private groups(): number {
    return this.core.numSubexp + 1;
  }

  matchString(s: string): boolean {
    if (!this.mayMatch(s)) return false;
    return this.core.bind(s).exec(0, 1) !== null;
  }

  findStringIndex(s: string): [number, number] | null {
    if (!this.mayMatch(s)) return null;
    const m = this.core.bind(s).exec(0, 1);
    return m === null ? null : [m[0]!, m[1]!];
  }

  findStringSubmatchIndex(s: string): number[] | null {
    if (!this.mayMatch(s)) return null;
    return this.core.bind(s).exec(0, this.groups());
  }

  findStringSubmatch(s: string): (string | undefined)[] | null {
    const m = this.findStringSubmatchIndex(s);
    return m === null ? null : submatchStrings(s, m);
  }

  findAllStringSubmatchIndex(s: string, n: number): number[][] {
    const out: number[][] = [];
    this.eachMatch(s, n, this.groups(), (m) => out.push(m));
    return out;
  }

  findAllStringIndex(s: string, n: number): [number, number][] {
    const out: [number, number][] = [];
    this.eachMatch(s, n, 1, (m) => out.push([m[0]!, m[1]!]));
    return out;
  }

  replaceAllString(src: string, repl: string): string {
    // Like Go, ask for submatches only when the template can refer to them.
    if (!repl.includes('$')) return this.replaceAll(src, 1, () => repl);
    return this.replaceAll(src, this.groups(), (m) => expandTemplate(repl, src, m, this.names as string[]));
  }

  replaceAllLiteralString(src: string, repl: string): string {
    return this.replaceAll(src, 1, () => repl);
  }

  replaceAllStringFunc(src: string, fn: (match: string) => string): string {
    return this.replaceAll(src, 1, (m) => fn(src.slice(m[0], m[1])));
  }

  expandString(template: string, src: string, match: number[]): string {
    return expandTemplate(template, src, match, this.names as string[]);
  }

  /** Go's allMatches loop. */
  private eachMatch(s: string, n: number, groups: number, deliver: (m: number[]) => void): void {
    if (!this.mayMatch(s)) return;
    const limit = n < 0 ? s.length + 1 : n;
    const input: BoundInput = this.core.bind(s);
    let pos = 0;
    let delivered = 0;
    let prevMatchEnd = -1;
    while (delivered < limit && pos <= s.length) {
      const m = input.exec(pos, groups);
      if (m === null) break;
      let accept = true;
      if (m[1] === pos) {
        // An empty match: skip it if it abuts the previous match, then move one character on.
        if (m[0] === prevMatchEnd) accept = false;
        const width = charWidthAt(s, pos);
        pos = width > 0 ? pos + width : s.length + 1;
      } else {
        pos = m[1]!;
      }
      prevMatchEnd = m[1]!;
      if (accept) {
        deliver(m);
        delivered++;
      }
    }
  }

  /** Go's replaceAll loop. */
  private replaceAll(src: string, groups: number, repl: (m: number[]) => string): string {
    if (!this.mayMatch(src)) return src;
    const input = this.core.bind(src);
    let out = '';
    let lastMatchEnd = 0;
    let searchPos = 0;
    while (searchPos <= src.length) {
      const m = input.exec(searchPos, groups);
      if (m === null) break;
      const start = m[0]!;
      const end = m[1]!;
      out += src.slice(lastMatchEnd, start);
      // No replacement for an empty match right after a previous match (except at the start),
      // otherwise patterns matching both empty and non-empty text would replace twice.
      if (end > lastMatchEnd || start === 0) out += repl(m);
      lastMatchEnd = end;
      const width = charWidthAt(src, searchPos);
      if (searchPos + width > end) searchPos += width;
      else if (searchPos + 1 > end) searchPos++;
      else searchPos = end;
    }
    return out + src.slice(lastMatchEnd);
  }
}

function submatchStrings(s: string, m: number[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (let i = 0; i < m.length; i += 2) {
    out.push(m[i]! >= 0 ? s.slice(m[i], m[i + 1]) : undefined);
  }
  return out;
}
