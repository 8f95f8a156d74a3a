// What a backend must provide: one leftmost-first search with Go's semantics. Everything else of
// Go's API (FindAll iteration, replacement, Expand) is built once above this, in go-regexp.ts, so
// every backend iterates exactly like Go regardless of what its own library would do.
import type { EngineName } from '../types.ts';

export interface MatchCore {
  readonly engine: EngineName;
  /** Number of capture groups. */
  readonly numSubexp: number;
  /** Binds an input once so repeated searches over it (FindAll, ReplaceAll) share the work. */
  bind(text: string): BoundInput;
}

export interface BoundInput {
  /**
   * Go's doExecute: the leftmost-first match that starts at or after `pos` (a UTF-16 index at a
   * character boundary), seeing the whole input as context (so `^`, `\A` and `\b` look before
   * pos). Returns UTF-16 indices [s0, e0, s1, e1, …] for `groups` pairs (1 = whole match only),
   * -1 for non-participating groups, or null when there is no match.
   */
  exec(pos: number, groups: number): number[] | null;
}
