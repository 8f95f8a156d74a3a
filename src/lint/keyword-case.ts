// Finds alternations of lower-case keywords written without (?i): `(password|secret|token)`.
// The proof is in the parse tree: a literal without the fold flag matches exactly its own rune,
// so a branch made only of lower-case letter literals cannot match `Password` or `TOKEN`, which
// applications and HTTP headers (`Authorization: Bearer …`) write all the time.
import { parseRegex } from '../regex/syntax/parser.ts';
import type { Node } from '../regex/syntax/ast.ts';

export interface CaseSensitiveKeywords {
  /** The keywords of the first such alternation, as the branches spell them. */
  keywords: string[];
}

const MIN_LETTERS = 3;

/** The first keyword alternation that only matches lower case, or undefined. Throws on a pattern Go rejects. */
export function caseSensitiveKeywords(pattern: string): CaseSensitiveKeywords | undefined {
  const { root } = parseRegex(pattern);
  return search(root);
}

function search(node: Node, prev?: Node): CaseSensitiveKeywords | undefined {
  const alt = node.op === 'capture' ? node.sub : node;
  if (alt.op === 'alternate' && alt.subs.length >= 2 && !(prev && fixesCase(prev))) {
    // Every match passes through this alternation (see below), so each contains one of the keywords.
    const words = alt.subs.map(keywordOf);
    if (words.every((w): w is string => w !== undefined) && words.some(isCredentialWord)) return { keywords: words };
  }
  if (node.op === 'concat') {
    for (let i = 0; i < node.subs.length; i++) {
      const found = search(node.subs[i]!, node.subs[i - 1]);
      if (found) return found;
    }
    return undefined;
  }
  // Only the spine: parts every match goes through. Below an alternation or an optional part,
  // another branch might match the capitalised spelling, and the claim would not hold.
  if (node.op === 'capture' || (node.op === 'repeat' && node.min >= 1)) return search(node.sub);
  return undefined;
}

/**
 * Contexts whose spelling is fixed by convention, so lower case is what gets written: a
 * command-line flag (`--password`) or a URL query parameter (`[?&]api_key=`).
 */
function fixesCase(prev: Node): boolean {
  if (prev.op === 'literal') return prev.rune === 0x2d; // '-'
  if (prev.op === 'class') {
    const r = prev.ranges;
    for (let i = 0; i < r.length; i += 2) if ((r[i]! <= 0x26 && r[i + 1]! >= 0x26) || (r[i]! <= 0x3f && r[i + 1]! >= 0x3f)) return true;
  }
  return false;
}

/**
 * Words that logs, headers and config dumps write capitalised or upper-case as often as not
 * (`Password:`, `Authorization: Bearer`, `API_KEY=`, `Token`). An alternation of other words (URL
 * schemes such as postgresql|mysql) is left alone: those are conventionally lower case.
 */
const CREDENTIAL_WORDS = /^(pass|pwd|secret|token|bearer|basic|auth|api|key|access|credential|cred|session|cookie|private|client)/;

function isCredentialWord(word: string): boolean {
  return CREDENTIAL_WORDS.test(word.replace(/[^a-z]/g, ''));
}

/**
 * The keyword a branch spells when it is made of unfolded lower-case letters (optionally with
 * separators such as `[_-]?` between them, which hold no letters), else undefined.
 */
function keywordOf(node: Node): string | undefined {
  const parts = node.op === 'concat' ? node.subs : [node];
  let word = '';
  let letters = 0;
  for (const p of parts) {
    if (p.op === 'literal') {
      if (p.fold) return undefined;
      const ch = String.fromCodePoint(p.rune);
      if (/[A-Z]/.test(ch)) return undefined;
      if (/[a-z]/.test(ch)) letters++;
      word += ch;
    } else if (!holdsNoLetter(p)) {
      return undefined;
    }
  }
  return letters >= MIN_LETTERS ? word : undefined;
}

/** A separator part: a class or optional class without any ASCII letter. */
function holdsNoLetter(node: Node): boolean {
  if (node.op === 'repeat') return holdsNoLetter(node.sub);
  if (node.op !== 'class') return false;
  const r = node.ranges;
  for (let i = 0; i < r.length; i += 2) {
    const lo = r[i]!;
    const hi = r[i + 1]!;
    if ((lo <= 0x5a && hi >= 0x41) || (lo <= 0x7a && hi >= 0x61)) return false;
  }
  return true;
}
