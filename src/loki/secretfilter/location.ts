// Where gitleaks says a match sits inside a fragment (a log entry's line): the line number and
// column of its start and the text of "its line". For a log line without newlines that text is
// the whole line. With newlines gitleaks' arithmetic has quirks that matter here because an
// allowlist with `regexTarget = "line"` and the `gitleaks:allow` marker look at that text:
//  * a line's text starts AT the newline before it (the "\n" is included);
//  * a match on the last line when the entry does not end in "\n" gets everything from the start
//    of the entry up to the end of the match's line.
// Columns are byte counts, as in Go.

import { byteLength } from '../stages/go-bytes.ts';

export interface MatchLocation {
  startLine: number;
  startColumn: number;
  /** The text gitleaks calls the finding's Line. */
  line: string;
}

export function locate(raw: string, start: number, end: number): MatchLocation {
  const newlines: number[] = [];
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) newlines.push(i);
  if (newlines.length === 0) newlines.push(raw.length);
  let prev = 0;
  let set = false;
  let startLine = 0;
  let startColumn = 0;
  let lineStart = 0;
  let lineEnd = 0;
  for (let k = 0; k < newlines.length; k++) {
    const nl = newlines[k]!;
    if (prev <= start && start < nl) {
      set = true;
      startLine = k;
      startColumn = byteLength(raw.slice(prev, start)) + 1;
      lineStart = prev;
      lineEnd = nl;
    }
    if (prev < end && end <= nl) lineEnd = nl;
    prev = nl;
  }
  if (!set) {
    startColumn = byteLength(raw.slice(prev, start)) + 1;
    startLine = newlines.length;
    lineStart = 0;
    let i = end;
    while (i < raw.length && raw[i] !== '\n' && raw[i] !== '\r') i++;
    lineEnd = i;
  }
  if (end > lineEnd) lineEnd = end;
  return { startLine, startColumn, line: raw.slice(lineStart, lineEnd) };
}
