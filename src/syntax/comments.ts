// Grouping of comments as Alloy's parser does it: a run of comment tokens with nothing else between
// them forms groups, a comment joining the group when it starts at most one line after the previous
// comment ended (so a blank line starts a new group).
import type { Comment, CommentGroup } from './ast.ts';
import type { Token } from './tokens.ts';

export function groupComments(tokens: readonly Token[]): CommentGroup[] {
  const groups: CommentGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.kind !== 'COMMENT') {
      i++;
      continue;
    }
    const list: Comment[] = [];
    let endLine = tokens[i]!.start.line;
    while (i < tokens.length && tokens[i]!.kind === 'COMMENT' && tokens[i]!.start.line <= endLine + 1) {
      const t = tokens[i]!;
      endLine = t.start.line;
      if (t.text[1] === '*') for (const c of t.text) if (c === '\n') endLine++;
      list.push({ text: t.text, range: { start: t.start, end: t.end } });
      i++;
    }
    groups.push({ comments: list, range: { start: list[0]!.range.start, end: list[list.length - 1]!.range.end } });
  }
  return groups;
}
