// Renders an expression back to text for error messages. Alloy prefixes value errors with the
// offending expression as its printer writes it (`"a" should be number, got string`); this is a
// one-line rendering of the same shape (objects and arrays stay on one line).
import type { Expr } from '../../syntax/ast.ts';

export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'Literal':
      return e.raw;
    case 'Identifier':
      return e.name;
    case 'Access':
      return `${exprText(e.value)}.${e.name.name}`;
    case 'Index':
      return `${exprText(e.value)}[${exprText(e.index)}]`;
    case 'Call':
      return `${exprText(e.value)}(${e.args.map(exprText).join(', ')})`;
    case 'Array':
      return `[${e.elements.map(exprText).join(', ')}]`;
    case 'Object':
      return e.fields.length === 0
        ? '{}'
        : `{${e.fields.map((f) => `${f.quoted ? JSON.stringify(f.name.name) : f.name.name} = ${exprText(f.value)}`).join(', ')}}`;
    case 'Unary':
      return `${e.op}${exprText(e.value)}`;
    case 'Binary':
      return `${exprText(e.left)} ${e.op} ${exprText(e.right)}`;
    case 'Paren':
      return `(${exprText(e.inner)})`;
  }
}
