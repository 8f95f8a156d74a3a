// Go's parser factors common leading pieces out of alternations (ABC|ABD → AB(C|D)). That is
// meant to be invisible, but its "common leading character" round compares single-rune
// literals without their case-folding flag, so the pieces of later alternatives are replaced by
// the first one's: in Go, `S(?i:x)|(?i)s` does not match "s", because the second alternative's
// (?i)s became the first alternative's case-sensitive S. To match Go byte for byte we replay
// Go's factoring rounds on the shapes Go's parser would have built (literal runs merged, single
// characters classes turned into literals) and record which literals Go replaced, and by what.
import type { Node } from './ast.ts';
import { foldOrbit, minFoldRune, simpleFold } from '../unicode/classes.ts';

type LiteralNode = Extract<Node, { op: 'literal' }>;

/** A merged literal run as Go stores it (runes folded to the orbit minimum under (?i)). */
interface LitItem {
  kind: 'lit';
  runes: number[];
  fold: boolean;
  /** For each rune, the nodes of our tree it stands for. */
  owners: Node[][];
}

interface NodeItem {
  kind: 'node';
  node: Node;
}

type Item = LitItem | NodeItem;
/** One alternative as Go sees it: a concatenation of items ([] is the empty match). */
type Alt = Item[];

const OPAQUE: NodeItem = { kind: 'node', node: { op: 'emptyMatch' } };

/** Returns the tree with the literals Go's factoring replaces replaced the same way. */
export function applyGoFactoring(root: Node): Node {
  const replaced = new Map<Node, Node>();
  visit(root, replaced);
  return replaced.size === 0 ? root : rebuild(root, replaced);
}

function visit(node: Node, replaced: Map<Node, Node>): void {
  switch (node.op) {
    case 'capture':
    case 'repeat':
      visit(node.sub, replaced);
      return;
    case 'concat':
      node.subs.forEach((s) => visit(s, replaced));
      return;
    case 'alternate':
      node.subs.forEach((s) => visit(s, replaced));
      factor(mergeCharClassRuns(alternativesOf(node.subs)), replaced);
      return;
  }
}

function rebuild(node: Node, replaced: Map<Node, Node>): Node {
  const r = replaced.get(node);
  if (r) return r;
  switch (node.op) {
    case 'capture':
    case 'repeat':
      return { ...node, sub: rebuild(node.sub, replaced) };
    case 'concat':
    case 'alternate':
      return { ...node, subs: node.subs.map((s) => rebuild(s, replaced)) };
    default:
      return node;
  }
}

/**
 * While parsing, Go merges adjacent alternatives that are single characters or classes into
 * one class (correctly, folding included) before any factoring; so do we, in the shape only.
 */
function mergeCharClassRuns(alts: Alt[]): Alt[] {
  const out: Alt[] = [];
  let run: Item[] = [];
  const flush = () => {
    if (run.length === 1) out.push([run[0]!]);
    if (run.length > 1) out.push([mergeSingles(run)]);
    run = [];
  };
  for (const a of alts) {
    if (a.length === 1 && isCharClass(a[0]!)) {
      run.push(a[0]!);
      continue;
    }
    flush();
    out.push(a);
  }
  flush();
  return out;
}

/** Go's mergeCharClass over a run: equal literals (rune and fold flag) stay one literal. */
function mergeSingles(run: Item[]): Item {
  const head = run[0]!;
  if (head.kind === 'lit' && run.every((i) => i.kind === 'lit' && i.fold === head.fold && i.runes[0] === head.runes[0])) {
    return { kind: 'lit', runes: head.runes, fold: head.fold, owners: [run.flatMap((i) => (i as LitItem).owners[0]!)] };
  }
  // Otherwise a class; its contents never matter for the factoring replayed here.
  return { kind: 'node', node: { op: 'class', ranges: [] } };
}

/** The alternatives of an alternation, with nested alternations hoisted as Go's collapse does. */
function alternativesOf(subs: Node[]): Alt[] {
  const out: Alt[] = [];
  for (const sub of subs) {
    if (sub.op === 'alternate') out.push(...alternativesOf(sub.subs));
    else out.push(itemsOf(sub));
  }
  return out;
}

function itemsOf(node: Node): Alt {
  const flat: Node[] = [];
  const flatten = (n: Node) => (n.op === 'concat' ? n.subs.forEach(flatten) : flat.push(n));
  flatten(node);
  const items: Item[] = [];
  for (const n of flat) {
    const lit = asGoLiteral(n);
    const last = items[items.length - 1];
    if (lit && last?.kind === 'lit' && last.fold === lit.fold) {
      last.runes.push(...lit.runes);
      last.owners.push(...lit.owners);
    } else {
      items.push(lit ?? { kind: 'node', node: n });
    }
  }
  return items;
}

/** A literal as Go's parser stores it, including one-character classes such as [a] and [Aa]. */
function asGoLiteral(n: Node): LitItem | null {
  if (n.op === 'literal') {
    return { kind: 'lit', runes: [n.foldFlag ? minFoldRune(n.rune) : n.rune], fold: n.foldFlag, owners: [[n]] };
  }
  if (n.op === 'class') {
    const r = n.ranges;
    if (r.length === 2 && r[0] === r[1]) return { kind: 'lit', runes: [r[0]!], fold: false, owners: [[n]] };
    const pairOf = (a: number, b: number) => simpleFold(a) === b && simpleFold(b) === a;
    if ((r.length === 4 && r[0] === r[1] && r[2] === r[3] && pairOf(r[0]!, r[2]!)) || (r.length === 2 && r[0]! + 1 === r[1] && pairOf(r[0]!, r[1]!))) {
      return { kind: 'lit', runes: [r[0]!], fold: true, owners: [[n]] };
    }
  }
  return null;
}

/** Go's factor rounds 1 (common literal prefixes) and 2 (common leading character). */
function factor(alts: Alt[], replaced: Map<Node, Node>): void {
  if (alts.length < 2) return;

  // Round 1: runs sharing a literal prefix with the same fold flag become prefix(suffixes).
  const round1: Alt[] = [];
  let start = 0;
  let str: number[] = [];
  let strFold = false;
  for (let i = 0; i <= alts.length; i++) {
    let istr: number[] = [];
    let ifold = false;
    if (i < alts.length) {
      const lead = alts[i]![0];
      if (lead?.kind === 'lit') {
        istr = lead.runes;
        ifold = lead.fold;
      }
      if (ifold === strFold) {
        let same = 0;
        while (same < str.length && same < istr.length && str[same] === istr[same]) same++;
        if (same > 0) {
          str = str.slice(0, same);
          continue;
        }
      }
    }
    if (i - start === 1) {
      round1.push(alts[start]!);
    } else if (i - start >= 2) {
      const owners: Node[][] = str.map((_, k) => alts.slice(start, i).flatMap((a) => (a[0] as LitItem).owners[k]!));
      const suffixes = alts.slice(start, i).map((a) => removeLeadingString(a, str.length));
      factor(collapse(suffixes), replaced);
      round1.push([{ kind: 'lit', runes: str, fold: strFold, owners }, OPAQUE]);
    }
    start = i;
    str = istr;
    strFold = ifold;
  }

  // Round 2: runs whose leading piece is Equal (Go ignores literal fold flags here) and a single
  // character or a fixed repeat of one share the first run member's leading piece.
  start = 0;
  let first: Item | null = null;
  for (let i = 0; i <= round1.length; i++) {
    let ifirst: Item | null = null;
    if (i < round1.length) {
      ifirst = leading(round1[i]!);
      if (first && ifirst && goEqual(first, ifirst) && factorable(first)) continue;
    }
    if (i - start >= 2 && first) {
      for (let j = start + 1; j < i; j++) replaceLeading(round1[j]![0]!, first, replaced);
      factor(collapse(round1.slice(start, i).map((a) => a.slice(1))), replaced);
    }
    start = i;
    first = ifirst;
  }
}

function collapse(alts: Alt[]): Alt[] {
  const out: Alt[] = [];
  for (const a of alts) {
    const only = a.length === 1 ? a[0]! : null;
    if (only?.kind === 'node' && only.node.op === 'alternate') out.push(...alternativesOf(only.node.subs));
    else out.push(a);
  }
  return out;
}

function removeLeadingString(alt: Alt, n: number): Alt {
  const lead = alt[0] as LitItem;
  if (lead.runes.length === n) return alt.slice(1);
  return [{ kind: 'lit', runes: lead.runes.slice(n), fold: lead.fold, owners: lead.owners.slice(n) }, ...alt.slice(1)];
}

function leading(alt: Alt): Item | null {
  const lead = alt[0];
  if (!lead || (lead.kind === 'node' && lead.node.op === 'emptyMatch')) return null;
  return lead;
}

function isCharClass(item: Item): boolean {
  if (item.kind === 'lit') return item.runes.length === 1;
  const op = item.node.op;
  return op === 'class' || op === 'anyChar' || op === 'anyCharNotNL';
}

function factorable(item: Item): boolean {
  if (isCharClass(item)) return true;
  if (item.kind !== 'node' || item.node.op !== 'repeat') return false;
  const r = item.node;
  return r.written === '{}' && r.min === r.max && isCharClass(asItem(r.sub));
}

function asItem(n: Node): Item {
  return asGoLiteral(n) ?? { kind: 'node', node: n };
}

/** Go's Regexp.Equal, which compares literals by runes only. */
function goEqual(a: Item, b: Item): boolean {
  if (a.kind === 'lit' || b.kind === 'lit') {
    return a.kind === 'lit' && b.kind === 'lit' && a.runes.length === b.runes.length && a.runes.every((r, i) => r === b.runes[i]);
  }
  return nodesEqual(a.node, b.node);
}

function nodesEqual(x: Node, y: Node): boolean {
  const lx = asGoLiteral(x);
  const ly = asGoLiteral(y);
  if (lx || ly) return !!lx && !!ly && lx.runes[0] === ly.runes[0];
  if (x.op !== y.op) return false;
  switch (x.op) {
    case 'class': {
      const yr = (y as typeof x).ranges;
      return x.ranges.length === yr.length && x.ranges.every((v, i) => v === yr[i]);
    }
    case 'repeat': {
      const yy = y as typeof x;
      return x.written === yy.written && x.min === yy.min && x.max === yy.max && x.greedy === yy.greedy && nodesEqual(x.sub, yy.sub);
    }
    case 'capture': {
      const yy = y as typeof x;
      return x.index === yy.index && x.name === yy.name && nodesEqual(x.sub, yy.sub);
    }
    case 'concat':
    case 'alternate': {
      const ys = (y as typeof x).subs;
      return x.subs.length === ys.length && x.subs.every((s, i) => nodesEqual(s, ys[i]!));
    }
    default:
      return true;
  }
}

/** Records that Go replaced `target` (a leading piece) with `first`. */
function replaceLeading(target: Item, first: Item, replaced: Map<Node, Node>): void {
  if (target.kind === 'lit' && first.kind === 'lit') {
    if (target.fold === first.fold) return;
    const rune = first.runes[0]!;
    const literal: LiteralNode = { op: 'literal', rune, fold: first.fold && foldOrbit(rune).length > 1, foldFlag: first.fold };
    for (const owner of target.owners[0]!) replaced.set(owner, literal);
    return;
  }
  if (target.kind === 'node' && first.kind === 'node' && target.node.op === 'repeat' && first.node.op === 'repeat') {
    const t = asItem(target.node.sub);
    const f = asItem(first.node.sub);
    if (t.kind === 'lit' && f.kind === 'lit' && t.fold !== f.fold) {
      replaced.set(target.node, { ...target.node, sub: f.owners[0]![0]! });
    }
  }
}
