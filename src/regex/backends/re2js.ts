// The re2js backend: a pure-JS port of RE2/J, whose matcher follows Go's regexp closely. We drive
// its internal RE2 object directly (matchWithGroup) because that is Go's doExecute — a search from
// a position with the whole input as context — and do the iteration ourselves in go-regexp.ts.
import { MatcherInput, RE2JS } from 're2js';
import type { BoundInput, MatchCore } from './core.ts';
import { goText } from '../text.ts';

const UNANCHORED = 0;

/** The slice of re2js's internal RE2 object this backend uses. */
interface Re2jsInternal {
  matchWithGroup(
    input: unknown,
    start: number,
    end: number,
    anchor: number,
    ngroup: number,
  ): [boolean, number[] | null];
}

export class Re2jsCore implements MatchCore {
  readonly engine = 're2js' as const;
  private readonly re2: Re2jsInternal;

  /** `printed` is the flag-free pattern from printForBackend; `numSubexp` comes from our parser. */
  constructor(
    printed: string,
    readonly numSubexp: number,
  ) {
    this.re2 = (RE2JS.compile(printed) as unknown as { re2(): Re2jsInternal }).re2();
  }

  bind(text: string): BoundInput {
    const wellFormed = goText(text);
    const input = MatcherInput.utf16(wellFormed);
    const length = wellFormed.length;
    const re2 = this.re2;
    return {
      exec(pos: number, groups: number): number[] | null {
        const [found, indices] = re2.matchWithGroup(input, pos, length, UNANCHORED, groups);
        return found && indices ? indices.slice(0, 2 * groups) : null;
      },
    };
  }
}
