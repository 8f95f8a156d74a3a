// Removes trailing blanks and tabs from every line, turns '\f' into '\n' and '\v' into '\t', and
// drops the ESCAPE markers while copying escaped text (comments) untouched — the last stage of
// Alloy's printer, after the tab writer.
import { ESCAPE } from './tabwriter.ts';

export function trimTrailingWhitespace(text: string): string {
  const out: string[] = [];
  let space = ''; // blanks seen since the last text, written only if more text follows
  let inText = false;
  let inEscape = false;
  let textStart = 0;

  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    if (c === '\v') c = '\t';
    if (inEscape) {
      if (c === ESCAPE) {
        out.push(text.slice(textStart, i));
        inEscape = false;
        space = '';
      }
      continue;
    }
    if (inText) {
      if (c === '\t' || c === ' ') {
        out.push(text.slice(textStart, i));
        inText = false;
        space = c;
      } else if (c === '\n' || c === '\f') {
        out.push(text.slice(textStart, i), '\n');
        inText = false;
        space = '';
      } else if (c === ESCAPE) {
        out.push(text.slice(textStart, i));
        inText = false;
        inEscape = true;
        textStart = i + 1;
      }
      continue;
    }
    // Between texts: collect blanks, drop them at a line end.
    if (c === '\t' || c === ' ') {
      space += c;
    } else if (c === '\n' || c === '\f') {
      space = '';
      out.push('\n');
    } else if (c === ESCAPE) {
      out.push(space);
      inEscape = true;
      textStart = i + 1;
    } else {
      out.push(space);
      inText = true;
      textStart = i;
    }
  }
  if (inText || inEscape) out.push(text.slice(textStart));
  return out.join('');
}
