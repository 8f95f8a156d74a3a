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
  readonly numSubexp: number;
  private readonly re2: Re2jsInternal;

  /** `pattern` must already be valid Go syntax; re2js's own errors are not Go's in every case. */
  constructor(pattern: string) {
    const compiled = RE2JS.compile(pattern);
    this.numSubexp = compiled.groupCount();
    this.re2 = (compiled as unknown as { re2(): Re2jsInternal }).re2();
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

/** re2js's view of group names, as Go's SubexpNames array. Used until our parser provides them. */
export function re2jsSubexpNames(pattern: string): string[] {
  const compiled = RE2JS.compile(pattern);
  const names: string[] = new Array<string>(compiled.groupCount() + 1).fill('');
  const named = (compiled.re2() as unknown as { namedGroups: Record<string, number> }).namedGroups;
  for (const [name, index] of Object.entries(named)) names[index] = name;
  return names;
}
