import { describe, expect, it } from 'vitest';
import { parseExpression, parseFaithfully, parseFile } from '../../src/syntax/parse.ts';
import { MAX_NESTING } from '../../src/syntax/parser.ts';
import type { AttributeStmt, BinaryExpr, BlockStmt, Expr } from '../../src/syntax/ast.ts';

function messages(src: string): string[] {
  return parseFile(src, 'f.alloy').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}: ${d.message}`);
}

function attrValue(src: string): Expr {
  const { file, diagnostics } = parseFile(src, 'f');
  expect(diagnostics).toEqual([]);
  return (file.body[0] as AttributeStmt).value;
}

/** Renders an expression fully parenthesised, to check grouping. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'Binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'Unary':
      return `(${e.op}${shape(e.value)})`;
    case 'Literal':
      return e.raw;
    case 'Identifier':
      return e.name;
    case 'Access':
      return `${shape(e.value)}.${e.name.name}`;
    case 'Index':
      return `${shape(e.value)}[${shape(e.index)}]`;
    case 'Call':
      return `${shape(e.value)}(${e.args.map(shape).join(', ')})`;
    case 'Paren':
      return `[${shape(e.inner)}]`;
    case 'Array':
      return `[${e.elements.map(shape).join(', ')}]`;
    case 'Object':
      return `{${e.fields.map((f) => `${f.name.name}=${shape(f.value)}`).join(', ')}}`;
  }
}

describe('parseFile: statements', () => {
  it('parses a labelled block with nested blocks and attributes', () => {
    const src = 'loki.process "scrub" {\n  stage.replace {\n    expression = "a"\n  }\n  forward_to = []\n}\n';
    const { file, diagnostics } = parseFile(src, 'f');
    expect(diagnostics).toEqual([]);
    const block = file.body[0] as BlockStmt;
    expect(block.name).toEqual(['loki', 'process']);
    expect(block.label).toBe('scrub');
    expect(block.body.map((s) => s.kind)).toEqual(['Block', 'Attribute']);
  });

  it('gives every node a range with Go-style byte columns', () => {
    const { file } = parseFile('é = "x"\n', 'f');
    const attr = file.body[0] as AttributeStmt;
    expect(attr.value.range.start).toEqual({ offset: 4, line: 1, column: 6 });
  });

  it('accepts a one-line block', () => {
    expect(messages('a { b = 1 }\n')).toEqual([]);
  });

  it('accepts an empty file and a file without a final newline', () => {
    expect(messages('')).toEqual([]);
    expect(messages('a = 1')).toEqual([]);
  });

  it('rejects two statements on one line', () => {
    expect(messages('a = 1 b = 2\n')).toEqual(['1:7: expected TERMINATOR, got IDENT']);
  });

  it('rejects a dotted attribute name', () => {
    expect(messages('a.b = 1\n')).toEqual(['1:1: attribute names may only consist of a single identifier with no "."']);
  });

  it('rejects a block label that is not an identifier', () => {
    expect(messages('a "b c" {}\n')).toEqual(['1:3: expected block label to be a valid identifier, but got "b c"']);
  });

  it('rejects a raw-string block label', () => {
    expect(messages('a `b` {}\n')).toEqual(['1:3: expected block label to be a double quoted string, but got "`b`"']);
  });

  it('reports at most one parser error per line but every line', () => {
    expect(messages('a = 1 + + 2 + 3\nb = * 3\n')).toEqual(['1:9: expected expression, got +', '2:5: expected expression, got *']);
  });

  it('rejects a block used as an expression', () => {
    expect(messages('a = b {\n}\n')).toEqual(['1:5: cannot use a block as an expression']);
  });
});

describe('parseFile: terminators', () => {
  it('accepts a trailing comma before a newline in arrays', () => {
    expect(messages('a = [\n  1,\n  2,\n]\n')).toEqual([]);
  });

  it('rejects a missing trailing comma before a newline in arrays', () => {
    expect(messages('a = [\n  1,\n  2\n]\n')).toEqual(["3:4: missing ',' in expression list"]);
  });

  it('rejects a missing trailing comma before a newline in objects', () => {
    expect(messages('a = {\n  b = 1\n}\n')).toEqual(["2:8: missing ',' in field list"]);
  });

  it('inserts the terminator before a comment that ends the line', () => {
    expect(messages('a = 1 // one\nb = 2 /* two */\n')).toEqual([]);
  });

  it('does not end the statement at a block comment followed by more code', () => {
    expect(messages('a = 1 /* c */ + 2\n')).toEqual([]);
  });
});

describe('parseFile: expressions', () => {
  it('binds operators by Alloy precedence', () => {
    expect(shape(attrValue('a = x || y && b == c + d * e ^ f\n'))).toBe('(x || (y && (b == (c + (d * (e ^ f))))))');
  });

  it('makes ^ right-associative', () => {
    expect(shape(attrValue('a = 2 ^ 3 ^ 2\n'))).toBe('(2 ^ (3 ^ 2))');
  });

  it('makes - left-associative', () => {
    expect(shape(attrValue('a = 1 - 2 - 3\n'))).toBe('((1 - 2) - 3)');
  });

  it('binds unary operators tighter than ^ and looser than postfix', () => {
    expect(shape(attrValue('a = -x.y[0] ^ 2\n'))).toBe('((-x.y[0]) ^ 2)');
  });

  it('parses calls, objects with string keys and parentheses', () => {
    expect(shape(attrValue('a = f(1, {"k-1" = (2)}, [],)\n'))).toBe('f(1, {k-1=[2]}, [])');
  });

  it('keeps the raw text of literals', () => {
    const v = attrValue('a = [1.5e-3, .5, 1e9, `r\\n`, true, null]\n');
    expect(v.kind === 'Array' && v.elements.map((e) => (e.kind === 'Literal' ? `${e.literalKind}:${e.raw}` : e.kind))).toEqual([
      'float:1.5e-3',
      'float:.5',
      'float:1e9',
      'string:`r\\n`',
      'bool:true',
      'null:null',
    ]);
  });

  it('builds binary nodes spanning both operands', () => {
    const v = attrValue('a = 1 + 22\n') as BinaryExpr;
    expect([v.range.start.column, v.range.end.column]).toEqual([5, 11]);
  });
});

describe('parseFile: comments', () => {
  it('groups adjacent comments and separates groups split by a blank line', () => {
    const { file } = parseFile('// a\n// b\n\n// c\nx = 1 // d\n', 'f');
    expect(file.comments.map((g) => g.comments.map((c) => c.text))).toEqual([['// a', '// b'], ['// c'], ['// d']]);
  });
});

describe('parseFile: deep nesting', () => {
  // Valid files nested n levels deep in each way the faithful parser counts a level.
  const nested: [string, (n: number) => string][] = [
    ['blocks', (n) => `${'a {\n'.repeat(n)}${'}\n'.repeat(n)}`],
    ['unary operators', (n) => `x = ${'!'.repeat(n)}true\n`],
    ['exponents', (n) => `x = ${'1 ^ '.repeat(n)}1\n`],
    ['parentheses', (n) => `x = ${'('.repeat(n)}1${')'.repeat(n)}\n`],
    ['arrays', (n) => `x = ${'['.repeat(n)}1${']'.repeat(n)}\n`],
    ['objects', (n) => `x = ${'{a = '.repeat(n)}1${'}'.repeat(n)}\n`],
    ['indexes', (n) => `x = a${'[a'.repeat(n)}${']'.repeat(n)}\n`],
    ['calls', (n) => `x = f${'(f'.repeat(n)}${')'.repeat(n)}\n`],
  ];
  const depths = [MAX_NESTING - 101, MAX_NESTING - 100, MAX_NESTING - 99, MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1];

  it.each(nested)('reads files nested in %s as the faithful parser does, at and around the nesting limit', (_way, file) => {
    for (const n of depths) {
      const src = file(n);
      expect(parseFile(src, 'f')).toEqual(parseFaithfully(src, 'f'));
    }
  });

  it('reports a valid file nested past the limit', () => {
    const src = `${'a {\n'.repeat(MAX_NESTING + 1)}${'}\n'.repeat(MAX_NESTING + 1)}`;
    expect(parseFile(src, 'f').diagnostics.map((d) => d.message)).toContain(`nesting deeper than ${MAX_NESTING} levels is not supported`);
  });
});

describe('parseExpression', () => {
  it('parses a lone expression', () => {
    const { expr, diagnostics } = parseExpression('a.b[0] + 1');
    expect(diagnostics).toEqual([]);
    expect(shape(expr)).toBe('(a.b[0] + 1)');
  });

  it('rejects trailing input after the expression', () => {
    expect(parseExpression('1 2').diagnostics.map((d) => d.message)).toEqual(['expected TERMINATOR, got NUMBER']);
  });
});
