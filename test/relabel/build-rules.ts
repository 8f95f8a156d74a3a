// Builds `rule` blocks the way the config model hands them over (evaluated attributes with their
// expressions and positions), so the engine can be tested without the parser.
import type { EvaluatedAttribute, EvaluatedBlock } from '../../src/config/model.ts';
import type { AlloyValue } from '../../src/config/value.ts';
import type { Expr, Range } from '../../src/syntax/ast.ts';

export const FILE = 'test.alloy';

export function at(line: number, column = 1): Range {
  return { start: { offset: 0, line, column }, end: { offset: 0, line, column: column + 1 } };
}

function literal(v: AlloyValue, range: Range): Expr {
  if (Array.isArray(v)) return { kind: 'Array', elements: v.map((e) => literal(e, range)), lBrack: range.start, rBrack: range.end, range };
  if (typeof v === 'string') return { kind: 'Literal', literalKind: 'string', raw: JSON.stringify(v), range };
  if (typeof v === 'number') return { kind: 'Literal', literalKind: 'number', raw: String(v), range };
  if (typeof v === 'boolean') return { kind: 'Literal', literalKind: 'bool', raw: String(v), range };
  if (v === null) return { kind: 'Literal', literalKind: 'null', raw: 'null', range };
  return { kind: 'Identifier', name: 'value', range };
}

/** A `rule { … }` block written at `line`, attributes one per following line in the given order. */
export function ruleBlock(attrs: Record<string, AlloyValue>, line = 1): EvaluatedBlock {
  const attributes = new Map<string, EvaluatedAttribute>();
  let l = line;
  for (const [name, value] of Object.entries(attrs)) {
    l++;
    const range = at(l, 3);
    attributes.set(name, { name, value, expr: literal(value, at(l, 3 + name.length + 3)), range });
  }
  return { name: 'rule', attributes, blocks: [], range: { start: at(line).start, end: at(l + 1, 2).end }, file: FILE };
}

export function labels(obj: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(obj));
}

export function plain(m: Map<string, string> | null): Record<string, string> | null {
  return m === null ? null : Object.fromEntries(m);
}
