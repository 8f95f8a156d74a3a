// Position-free view of a syntax tree, for comparing trees parsed from differently formatted text
// (formatting must not change the tree) and trees built by different parsers.
const POSITION_KEYS = new Set(['range', 'nameRange', 'labelRange', 'lCurly', 'rCurly', 'lBrack', 'rBrack', 'lParen', 'rParen', 'opPos']);

/** A deep copy of `node` without any position field; comment groups become lists of comment texts. */
export function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (POSITION_KEYS.has(k)) continue;
    if (k === 'comments' && Array.isArray(v)) {
      out[k] = v.map((g: { comments?: { text: string }[]; text?: string }) => (g.comments ? g.comments.map((c) => c.text) : g.text));
      continue;
    }
    out[k] = stripPositions(v);
  }
  return out;
}
