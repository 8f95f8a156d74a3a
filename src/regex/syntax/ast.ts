// The parse tree of an RE2/Go regexp after flags are applied: case folding, `.` and `^`/`$`
// modes and greediness are resolved into the nodes, so later passes never look at flags.
import type { Ranges } from '../unicode/classes.ts';

export type Node =
  /**
   * One rune; `fold` means it matches every rune of its simple-folding orbit. `foldFlag` is
   * whether (?i) was on where it was written (Go keeps it even for runes without case, and it
   * decides which literals Go's parser merges and factors).
   */
  | { op: 'literal'; rune: number; fold: boolean; foldFlag: boolean }
  /** Sorted, merged inclusive ranges; may be empty (matches nothing). */
  | { op: 'class'; ranges: Ranges }
  | { op: 'anyCharNotNL' }
  | { op: 'anyChar' }
  | { op: 'beginLine' }
  | { op: 'endLine' }
  | { op: 'beginText' }
  | { op: 'endText' }
  | { op: 'wordBoundary' }
  | { op: 'noWordBoundary' }
  | { op: 'capture'; index: number; name: string; sub: Node }
  /** max = -1 means unbounded. `*` is {0,-1}, `+` {1,-1}, `?` {0,1}. */
  | { op: 'repeat'; min: number; max: number; greedy: boolean; sub: Node; written: '*' | '+' | '?' | '{}' }
  | { op: 'concat'; subs: Node[] }
  | { op: 'alternate'; subs: Node[] }
  | { op: 'emptyMatch' };

export interface ParsedRegex {
  root: Node;
  /** Number of capture groups. */
  numCap: number;
  /** Go's SubexpNames: index 0 is "", unnamed groups are "". */
  names: string[];
}
