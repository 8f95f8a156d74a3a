// Reading Alloy's test corpus: the expected-error markers of its parser test files and the
// ```alloy snippets of its docs.
import { scanAll } from '../../src/syntax/scanner.ts';

const ERROR_MARKER = /^\/\* *ERROR *(HERE)? *"([^"]*)" *\*\/$/;

/** Expected errors by offset: the marker applies to the previous token, or just after it with HERE. */
export function expectedErrors(src: string): Map<number, string> {
  const expected = new Map<number, string>();
  let prev = 0;
  let here = 0;
  for (const t of scanAll(src).tokens) {
    if (t.kind === 'EOF') break;
    if (t.kind === 'COMMENT') {
      const m = ERROR_MARKER.exec(t.text);
      if (m) expected.set(m[1] === 'HERE' ? here : prev, m[2]!);
      continue;
    }
    if (t.kind === 'TERMINATOR') continue; // Alloy's harness skips every terminator (its text is always a newline)
    prev = t.start.offset;
    here = t.end.offset > t.start.offset ? t.end.offset : t.start.offset + t.kind.length;
  }
  return expected;
}

/** Docs snippets with placeholders such as `<LABEL>` or `...` are not meant to parse. */
export const PLACEHOLDER = /<[A-Za-z_][A-Za-z0-9_ .\-/:|]*>|\.\.\.|…/;

/** The ```alloy fenced blocks of a Markdown text, with the line of each opening fence. */
export function docSnippets(md: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*alloy\b.*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (lines[j]!.trim().startsWith(fence)) break;
      body.push(lines[j]!.slice(Math.min(indent, lines[j]!.length - lines[j]!.trimStart().length)));
    }
    out.push({ line: i + 1, code: body.join('\n') + '\n' });
    i = j;
  }
  return out;
}

