// Prints a parse tree as a pattern with no flags, no named groups and no Unicode class names:
// every class is an explicit list of ranges and every case-insensitive literal an explicit set.
// Each backend (re2js, C++ RE2) then only has to agree with Go on the plainest RE2 syntax, not
// on its own Unicode tables, (?i) folding, (?U), (?<name>) support or duplicate group names.
import type { Node } from './ast.ts';
import { nullable } from './nullable.ts';
import { foldOrbit, MAX_RUNE, type Ranges } from '../unicode/classes.ts';

const NOTHING = '[^\\x00-\\x{10FFFF}]';

export function printForBackend(node: Node): string {
  switch (node.op) {
    case 'literal':
      return node.fold ? printClass(orbitRanges(node.rune)) : printRune(node.rune);
    case 'class':
      return printClass(node.ranges);
    case 'anyCharNotNL':
      return '[^\\n]';
    case 'anyChar':
      return '(?s:.)';
    case 'beginLine':
      return '(?m:^)';
    case 'endLine':
      return '(?m:$)';
    case 'beginText':
      return '\\A';
    case 'endText':
      return '\\z';
    case 'wordBoundary':
      return '\\b';
    case 'noWordBoundary':
      return '\\B';
    case 'capture':
      return '(' + printForBackend(node.sub) + ')';
    case 'repeat': {
      const lazy = node.greedy ? '' : '?';
      const sub = '(?:' + printForBackend(node.sub) + ')';
      // Go compiles x* with a nullable x as (x+)? to get the priority order right (Go issue
      // 46123); C++ RE2 does not, so spell Go's form out. It is written (x+|) rather than
      // (x+)? because C++ RE2 squashes (x+)? back into x*.
      if (node.min === 0 && node.max === -1 && nullable(node.sub)) {
        return node.greedy ? '(?:' + sub + '+|)' : '(?:|' + sub + '+?)';
      }
      return sub + repeatOperator(node) + lazy;
    }
    case 'concat':
      return node.subs.map(printForBackend).join('');
    case 'alternate':
      return '(?:' + node.subs.map(printForBackend).join('|') + ')';
    case 'emptyMatch':
      return '(?:)';
  }
}

function repeatOperator(node: Extract<Node, { op: 'repeat' }>): string {
  if (node.written !== '{}') return node.written;
  if (node.max === -1) return `{${node.min},}`;
  if (node.max === node.min) return `{${node.min}}`;
  return `{${node.min},${node.max}}`;
}

function orbitRanges(r: number): Ranges {
  const out: Ranges = [];
  for (const m of foldOrbit(r)) out.push(m, m);
  return out;
}

function printRune(r: number): string {
  if ((r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a)) {
    return String.fromCharCode(r);
  }
  return '\\x{' + r.toString(16) + '}';
}

function printClass(ranges: Ranges): string {
  // Surrogate code points never occur in the text a backend sees (see text.ts), and some engines
  // refuse them in a class, so they are dropped.
  const parts: string[] = [];
  let covered = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    for (const [lo, hi] of withoutSurrogates(ranges[i]!, ranges[i + 1]!)) {
      parts.push(lo === hi ? printRune(lo) : printRune(lo) + '-' + printRune(hi));
      covered += hi - lo + 1;
    }
  }
  if (parts.length === 0) return NOTHING;
  if (covered === MAX_RUNE + 1 - 0x800) return '(?s:.)';
  return '[' + parts.join('') + ']';
}

function withoutSurrogates(lo: number, hi: number): [number, number][] {
  if (hi < 0xd800 || lo > 0xdfff) return [[lo, hi]];
  const out: [number, number][] = [];
  if (lo < 0xd800) out.push([lo, 0xd7ff]);
  if (hi > 0xdfff) out.push([0xe000, hi]);
  return out;
}
