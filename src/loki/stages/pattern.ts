// stage.pattern (stages/pattern.go over Loki's logql/log/pattern): `<name>` captures, `<_>` skips,
// everything else is literal text. Matching walks the line left to right: a leading literal must
// be at the very start; each capture takes the text up to the next occurrence of the following
// literal; a capture whose literal is missing takes the rest of the line and matching stops
// there; text after a final literal is ignored. Named captures go into extracted (and labels with
// labels_from_groups).
//
// Follows Loki v3.7.5, the version Alloy pins (checked against that package on 5508 cases).
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError, sourceString } from './common.ts';
import { isValidLabelValue } from './go-values.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

type PatternNode = { capture: string } | { literal: string };

/** Loki's lexer + parser: identifiers `<[A-Za-z_][A-Za-z0-9_]*>`; every other character is literal. */
export function parsePattern(pattern: string): PatternNode[] {
  const nodes: PatternNode[] = [];
  let literal = '';
  const ident = /^<([A-Za-z_][A-Za-z0-9_]*)>/;
  for (let i = 0; i < pattern.length; ) {
    const m = pattern[i] === '<' ? ident.exec(pattern.slice(i, i + 512)) : null;
    if (m) {
      if (literal !== '') nodes.push({ literal });
      literal = '';
      nodes.push({ capture: m[1]! });
      i += m[0].length;
      continue;
    }
    literal += pattern[i];
    i++;
  }
  if (literal !== '') nodes.push({ literal });
  return nodes;
}

function captureNames(nodes: PatternNode[]): string[] {
  return nodes.flatMap((n) => ('capture' in n && n.capture !== '_' ? [n.capture] : []));
}

/** expr.validate(): the error text, or undefined. */
export function validatePattern(nodes: PatternNode[]): string | undefined {
  if (captureNames(nodes).length === 0) return 'at least one capture is required';
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i]!;
    const b = nodes[i + 1]!;
    if ('capture' in a && 'capture' in b) return `found consecutive capture '<${a.capture}><${b.capture}>': invalid expression`;
  }
  const seen = new Set<string>();
  for (const c of captureNames(nodes)) {
    if (seen.has(c)) return `duplicate capture name (${c}): invalid expression`;
    seen.add(c);
  }
  return undefined;
}

/** The matcher, over a validated pattern (captures and literals alternate). */
export function matchPattern(nodes: PatternNode[], input: string): string[] | undefined {
  if (input === '' || nodes.length === 0) return undefined;
  let rest = input;
  let expr = nodes;
  const first = expr[0]!;
  if ('literal' in first) {
    if (!rest.startsWith(first.literal)) return undefined;
    rest = rest.slice(first.literal.length);
    expr = expr.slice(1);
  }
  if (expr.length === 0) return undefined;
  const captures: string[] = [];
  while (expr.length > 0) {
    const capt = expr[0]!;
    if (!('capture' in capt)) return undefined; // unreachable once validated
    if (expr.length === 1) {
      if (capt.capture !== '_') captures.push(rest);
      return captures;
    }
    const ls = expr[1]!;
    if (!('literal' in ls)) return undefined; // unreachable once validated
    expr = expr.slice(2);
    const i = rest.indexOf(ls.literal);
    if (i === -1) {
      if (capt.capture !== '_') captures.push(rest);
      return captures;
    }
    if (capt.capture !== '_') captures.push(rest.slice(0, i));
    rest = rest.slice(i + ls.literal.length);
  }
  return captures;
}

export function readPatternConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['pattern'], optional: ['source', 'labels_from_groups'] });
  return {
    args,
    cfg: { pattern: args.string('pattern'), source: args.optionalString('source'), labelsFromGroups: args.bool('labels_from_groups') },
  };
}

export function compilePattern(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readPatternConfig(block);
  if (cfg.pattern === '') throw buildError(args, 'pattern is required', 'pattern');
  if (cfg.source === '') throw buildError(args, 'empty source', 'source');
  const nodes = parsePattern(cfg.pattern);
  const invalid = validatePattern(nodes);
  if (invalid) throw buildError(args, `failed to parse pattern: ${invalid}`, 'pattern');
  const names = captureNames(nodes);
  return mutatingStage(block, (entry) => {
    let input = entry.line;
    if (cfg.source !== undefined) {
      const s = sourceString(entry.extracted, cfg.source);
      if (s === undefined) return;
      input = s;
    }
    const m = matchPattern(nodes, input);
    if (!m) return;
    m.forEach((v, i) => {
      const name = names[i]!;
      entry.extracted.set(name, v);
      if (cfg.labelsFromGroups && isValidLabelValue(v)) entry.labels.set(name, v);
    });
  });
}
