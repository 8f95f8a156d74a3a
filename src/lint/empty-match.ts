// Whether a regex matches every input: it does when it can match the empty string without
// relying on any assertion (^, $, \A, \z, \b, \B), because an unanchored search then finds that
// empty match at the start of any text. Treating assertions as failing keeps this a proof:
// `^$` (matches only an empty line) or `\b` are not "every input".
import { parseRegex } from '../regex/syntax/parser.ts';
import type { Node } from '../regex/syntax/ast.ts';

function emptyWithoutAssertions(node: Node): boolean {
  switch (node.op) {
    case 'emptyMatch':
      return true;
    case 'capture':
      return emptyWithoutAssertions(node.sub);
    case 'repeat':
      return node.min === 0 || emptyWithoutAssertions(node.sub);
    case 'concat':
      return node.subs.every(emptyWithoutAssertions);
    case 'alternate':
      return node.subs.some(emptyWithoutAssertions);
    default:
      return false;
  }
}

/** True only when the unanchored pattern provably matches every string. Throws on a pattern Go rejects. */
export function matchesEveryInput(pattern: string): boolean {
  return emptyWithoutAssertions(parseRegex(pattern).root);
}
