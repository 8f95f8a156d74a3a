// Whether a node can match without consuming text. Empty-width assertions count as nullable,
// as in Go's compiler, whose treatment of `x*` depends on exactly this property.
import type { Node } from './ast.ts';

export function nullable(node: Node): boolean {
  switch (node.op) {
    case 'literal':
    case 'class':
    case 'anyChar':
    case 'anyCharNotNL':
      return false;
    case 'capture':
      return nullable(node.sub);
    case 'repeat':
      return node.min === 0 || nullable(node.sub);
    case 'concat':
      return node.subs.every(nullable);
    case 'alternate':
      return node.subs.some(nullable);
    default:
      return true;
  }
}
