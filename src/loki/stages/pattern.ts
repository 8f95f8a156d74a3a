// stage.pattern (stages/pattern.go over Loki's logql/log/pattern): `<name>` captures, `<_>` skips,
// everything else is literal text. Matching walks the line left to right: a leading literal must
// be at the very start; each capture takes the text up to the next occurrence of the following
// literal; a capture whose literal is missing takes the rest of the line and matching stops
// there; text after a final literal is ignored. Named captures go into extracted (and labels with
// labels_from_groups).
//
// Quirks kept: Loki's lexer reads literals byte by byte and re-encodes each byte as a rune, so a
// non-ASCII literal never matches the same text in a line. Two captures in a row after a leading
// literal pass validation and make Loki panic when a line is matched; that is reported as unknown.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError, sourceString } from './common.ts';
import { toBytes } from './go-bytes.ts';
import { isValidLabelValue } from './go-values.ts';
import { addMark, describeWhere, markOf, mutatingStage, type CompiledStage } from './stage.ts';

type PatternNode = { capture: string } | { literal: string };

/** Loki's lexer + parser: identifiers `<[A-Za-z_][A-Za-z0-9_]*>`, all else literal bytes. */
export function parsePattern(pattern: string): PatternNode[] {
  const bytes = toBytes(pattern);
  const nodes: PatternNode[] = [];
  let literal = '';
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] === 0x3c /* < */) {
      let j = i + 1;
      const isStart = (b: number | undefined) => b !== undefined && (b === 0x5f || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
      const isPart = (b: number | undefined) => isStart(b) || (b !== undefined && b >= 0x30 && b <= 0x39);
      if (isStart(bytes[j])) {
        while (isPart(bytes[j])) j++;
        if (bytes[j] === 0x3e /* > */) {
          if (literal !== '') nodes.push({ literal });
          literal = '';
          nodes.push({ capture: String.fromCharCode(...bytes.subarray(i + 1, j)) });
          i = j + 1;
          continue;
        }
      }
    }
    // Each byte becomes the rune of the same number (so bytes ≥ 0x80 turn into Latin-1 letters).
    literal += String.fromCharCode(bytes[i]!);
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
  for (let i = 0; i + 1 < nodes.length; i += 2) {
    if ('capture' in nodes[i]! && 'capture' in nodes[i + 1]!) return 'found consecutive capture: invalid expression';
  }
  const seen = new Set<string>();
  for (const c of captureNames(nodes)) {
    if (seen.has(c)) return `duplicate capture name (${c}): invalid expression`;
    seen.add(c);
  }
  return undefined;
}

/** The matcher; 'panic' where Loki's type assertions fail on this node sequence. */
export function matchPattern(nodes: PatternNode[], input: string): string[] | undefined | 'panic' {
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
    if (!('capture' in capt)) return 'panic';
    if (expr.length === 1) {
      if (capt.capture !== '_') captures.push(rest);
      return captures;
    }
    const ls = expr[1]!;
    if (!('literal' in ls)) return 'panic';
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
  const panicMark = markOf(block, `${describeWhere(block)}: two captures in a row make Alloy panic when matching; the result is unknown`);
  return mutatingStage(block, (entry) => {
    let input = entry.line;
    if (cfg.source !== undefined) {
      const s = sourceString(entry.extracted, cfg.source);
      if (s === undefined) return;
      input = s;
    }
    const m = matchPattern(nodes, input);
    if (m === 'panic') {
      addMark(entry, panicMark);
      return;
    }
    if (!m) return;
    m.forEach((v, i) => {
      const name = names[i]!;
      entry.extracted.set(name, v);
      if (cfg.labelsFromGroups && isValidLabelValue(v)) entry.labels.set(name, v);
    });
  });
}
