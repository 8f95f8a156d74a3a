// Removes trailing blanks and tabs from every line and drops the ESCAPE markers while copying
// escaped text (comments) untouched — the last stage of Alloy's printer, after the tab writer.
//
// Alloy's trimmer also turns '\f' into '\n' and '\v' into '\t'; outside escaped text the tab writer
// never emits those characters (they are its cell and line separators), and inside escaped text
// they are copied as they are, so this implementation only needs to handle blanks and newlines.
import { ESCAPE } from './tabwriter.ts';

const ESC = ESCAPE.charCodeAt(0);

export function trimTrailingWhitespace(text: string): string {
  const out: string[] = [];
  let chunkStart = 0; // start of text not yet copied
  let blankStart = -1; // start of the current run of blanks, or -1
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      if (blankStart < 0) blankStart = i;
      continue;
    }
    if (c === 0x0a) {
      // Blanks before a line end are dropped.
      if (blankStart >= 0) {
        out.push(text.slice(chunkStart, blankStart));
        chunkStart = i;
      }
      blankStart = -1;
      continue;
    }
    if (c === ESC) {
      // Blanks before escaped text are kept; the escaped text is copied as it is.
      out.push(text.slice(chunkStart, i));
      let j = text.indexOf(ESCAPE, i + 1);
      if (j < 0) j = n;
      out.push(text.slice(i + 1, j));
      i = j;
      chunkStart = j + 1;
      blankStart = -1;
      continue;
    }
    blankStart = -1;
  }
  if (chunkStart < n) out.push(text.slice(chunkStart, blankStart >= 0 ? blankStart : n));
  return out.join('');
}
