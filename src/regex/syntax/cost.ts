// A rough size of the automaton C++ RE2 would build for a pattern: classes cost by their number
// of ranges (their UTF-8 automata grow with it) and counted repetitions multiply. It lets the
// wasm backend decline patterns that would exhaust its fixed 16 MiB heap before trying.
import type { Node } from './ast.ts';

export function automatonCost(node: Node): number {
  switch (node.op) {
    case 'class':
      return 1 + 4 * (node.ranges.length / 2);
    case 'capture':
      return 2 + automatonCost(node.sub);
    case 'repeat': {
      const copies = node.max === -1 ? node.min + 1 : Math.max(node.max, 1);
      return 1 + copies * automatonCost(node.sub);
    }
    case 'concat':
    case 'alternate':
      return node.subs.reduce((sum, sub) => sum + automatonCost(sub), 1);
    default:
      return 1;
  }
}
