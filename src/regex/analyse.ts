// Static facts about a Go regexp, computed from our own parse tree (so they hold for exactly the
// language Go's regexp accepts): group count and names, whether an empty match is possible, and
// a set of literals of which every match must contain at least one (a prefilter for the linter
// and the performance work). Analysis never under-approximates: a line that contains none of
// the required literals (compared with mayMatch) cannot match.
import type { Node } from './syntax/ast.ts';
import { nullable } from './syntax/nullable.ts';
import { parseRegex } from './syntax/parser.ts';
import { goText } from './text.ts';
import { classSize, foldOrbit, minFoldRune, type Ranges } from './unicode/classes.ts';

export interface RequiredLiterals {
  /** Every match contains at least one of these (never empty strings). */
  alternatives: string[];
  /**
   * True when the alternatives are in case-fold key form (see caseFoldKey) and must be looked
   * for in caseFoldKey(text) rather than in the text itself: `(?i)` made them case-insensitive.
   */
  caseFolded: boolean;
}

export interface RegexAnalysis {
  numSubexp: number;
  subexpNames: string[];
  /** Some input has an empty match (over-approximated for contradictory assertions like \b\B). */
  canMatchEmpty: boolean;
  requiredLiterals: RequiredLiterals | null;
}

/** Throws RegexSyntaxError (with Go's message) when Go would reject the pattern. */
export function analyseRegex(pattern: string): RegexAnalysis {
  const parsed = parseRegex(pattern);
  return {
    numSubexp: parsed.numCap,
    subexpNames: [...parsed.names],
    canMatchEmpty: nullable(parsed.root),
    requiredLiterals: requiredLiterals(parsed.root),
  };
}

/**
 * Maps every character to the smallest member of its simple case-folding orbit, so two strings
 * are equal under Go's (?i) exactly when their keys are equal. This is not toLowerCase: "K",
 * "k" and U+212A KELVIN SIGN all map to "K"; "S", "s" and U+017F LONG S all map to "S". Lone
 * surrogates (invalid UTF-8 bytes) map to U+FFFD, as Go reads them.
 */
export function caseFoldKey(s: string): string {
  let out = '';
  for (const ch of goText(s)) out += String.fromCodePoint(minFoldRune(ch.codePointAt(0)!));
  return out;
}

/** False only when `text` provably cannot contain a match (none of the literals occurs). */
export function mayMatch(required: RequiredLiterals | null, text: string): boolean {
  if (required === null) return true;
  const haystack = required.caseFolded ? caseFoldKey(text) : goText(text);
  return required.alternatives.some((lit) => haystack.includes(lit));
}

// --- required literals -----------------------------------------------------------------------

/** Limits that keep the analysis small; beyond them we prove less, never something false. */
const MAX_ALTERNATIVES = 16;
const MAX_CLASS_SIZE = 8;
const MAX_TOTAL_CHARS = 4096;

/** A set of strings, and whether (?i) parts of them are in case-fold key form. */
interface LitSet {
  strings: Set<string>;
  folded: boolean;
}

interface Info {
  /** Exactly the strings the node can match, when that set is small; may contain "". */
  exact: LitSet | null;
  /** Every match contains one of these (no ""), or null when nothing is known. */
  required: LitSet | null;
}

/**
 * A fast, sound "can this text match?" test for compiled regexps, or null when the analysis
 * proves nothing cheap to check. Only case-sensitive literals are used (folding the text would
 * cost more than it saves); U+FFFD literals search the text as Go reads it.
 */
export function prefilterFor(root: Node): ((s: string) => boolean) | null {
  const req = requiredLiterals(root);
  if (req === null || req.caseFolded) return null;
  const alternatives = req.alternatives;
  const needsGoText = alternatives.some((a) => a.includes('\uFFFD'));
  return (s) => {
    const text = needsGoText ? goText(s) : s;
    for (const a of alternatives) if (text.includes(a)) return true;
    return false;
  };
}

function requiredLiterals(root: Node): RequiredLiterals | null {
  const info = infoOf(root);
  const chosen = best([asRequirement(info.exact), info.required]);
  if (chosen === null) return null;
  const alternatives = chosen.folded ? [...new Set([...chosen.strings].map(caseFoldKey))] : [...chosen.strings];
  return { alternatives: alternatives.sort(), caseFolded: chosen.folded };
}

/** An exact set is a requirement only if it cannot match the empty string. */
function asRequirement(set: LitSet | null): LitSet | null {
  if (set === null || set.strings.has('') || set.strings.size === 0) return null;
  return set;
}

function small(set: Set<string>): boolean {
  if (set.size > MAX_ALTERNATIVES) return false;
  let chars = 0;
  for (const s of set) chars += s.length;
  return chars <= MAX_TOTAL_CHARS;
}

function cross(a: LitSet, b: LitSet): LitSet | null {
  if (a.strings.size * b.strings.size > MAX_ALTERNATIVES) return null;
  const out = new Set<string>();
  for (const x of a.strings) for (const y of b.strings) out.add(x + y);
  return small(out) ? { strings: out, folded: a.folded || b.folded } : null;
}

function union(sets: LitSet[]): LitSet | null {
  const out = new Set<string>();
  let folded = false;
  for (const s of sets) {
    for (const x of s.strings) out.add(x);
    folded ||= s.folded;
  }
  return small(out) ? { strings: out, folded } : null;
}

/** The most selective requirement: longest shortest alternative, then fewest alternatives. */
function best(candidates: (LitSet | null)[]): LitSet | null {
  let chosen: LitSet | null = null;
  let chosenScore = -1;
  for (const c of candidates) {
    if (c === null || c.strings.size === 0 || c.strings.has('')) continue;
    const shortest = Math.min(...[...c.strings].map((s) => s.length));
    const score = shortest * 1000 - c.strings.size;
    if (score > chosenScore) {
      chosen = c;
      chosenScore = score;
    }
  }
  return chosen;
}

const EMPTY: LitSet = { strings: new Set(['']), folded: false };
const UNKNOWN: Info = { exact: null, required: null };

function infoOf(node: Node): Info {
  switch (node.op) {
    case 'literal': {
      if (!node.fold) return { exact: { strings: new Set([String.fromCodePoint(node.rune)]), folded: false }, required: null };
      return { exact: { strings: new Set([String.fromCodePoint(minFoldRune(node.rune))]), folded: true }, required: null };
    }
    case 'class':
      return { exact: classLiterals(node.ranges), required: null };
    case 'anyChar':
    case 'anyCharNotNL':
      return UNKNOWN;
    case 'capture':
      return infoOf(node.sub);
    case 'repeat':
      return repeatInfo(node);
    case 'concat':
      return concatInfo(node.subs.map(infoOf));
    case 'alternate': {
      const infos = node.subs.map(infoOf);
      const exacts = infos.map((i) => i.exact);
      const exact = exacts.every((e) => e !== null) ? union(exacts as LitSet[]) : null;
      const reqs = infos.map((i) => best([asRequirement(i.exact), i.required]));
      const required = reqs.every((r) => r !== null) ? union(reqs as LitSet[]) : null;
      return { exact, required };
    }
    default:
      return { exact: EMPTY, required: null };
  }
}

/** Small classes are literal sets; a larger class closed under case folding may become fold keys. */
function classLiterals(ranges: Ranges): LitSet | null {
  const size = classSize(ranges);
  if (size === 0 || size > MAX_CLASS_SIZE * 3) return null;
  const members: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) for (let c = ranges[i]!; c <= ranges[i + 1]!; c++) members.push(c);
  if (members.some((c) => c >= 0xd800 && c <= 0xdfff)) return null;
  // Exact members are tighter; fold keys only help when a case-closed class is too big.
  if (members.length <= MAX_CLASS_SIZE) {
    return { strings: new Set(members.map((c) => String.fromCodePoint(c))), folded: false };
  }
  const memberSet = new Set(members);
  const closed = members.every((c) => foldOrbit(c).every((f) => memberSet.has(f)));
  if (!closed) return null;
  const keys = new Set(members.map((c) => String.fromCodePoint(minFoldRune(c))));
  return keys.size <= MAX_CLASS_SIZE ? { strings: keys, folded: true } : null;
}

function repeatInfo(node: Extract<Node, { op: 'repeat' }>): Info {
  const sub = infoOf(node.sub);
  if (node.min === 0) {
    const exact = node.max === 1 && sub.exact ? union([sub.exact, EMPTY]) : node.max === 0 ? EMPTY : null;
    return { exact, required: null };
  }
  // At least one copy of the sub-expression is in every match.
  const required = best([asRequirement(sub.exact), sub.required]);
  let exact: LitSet | null = null;
  if (node.min === node.max && sub.exact) {
    exact = EMPTY;
    for (let k = 0; k < node.min && exact; k++) exact = cross(exact, sub.exact);
  }
  return { exact, required };
}

/** Concatenation: runs of exactly-known parts multiply into longer literals. */
function concatInfo(infos: Info[]): Info {
  const candidates: (LitSet | null)[] = [];
  let run: LitSet = EMPTY;
  let allExact = true;
  for (const info of infos) {
    const next = info.exact ? cross(run, info.exact) : null;
    if (next) {
      run = next;
      continue;
    }
    allExact = false;
    candidates.push(run, info.required);
    run = info.exact && small(info.exact.strings) ? info.exact : EMPTY;
  }
  if (allExact) return { exact: run, required: null };
  candidates.push(run);
  return { exact: null, required: best(candidates.map(asRequirement)) };
}
