// Elastic tabstops with the semantics of Go's text/tabwriter, restricted to the configuration
// Alloy's printer uses: minwidth 0, tabwidth 8, padding 1, pad with spaces, DiscardEmptyColumns and
// TabIndent, escapes kept in the output. The printer's `=` alignment is this algorithm, so its
// rules (a line without tabs ends an alignment block, a form feed always does) decide the output.
//
// Text is made of cells separated by '\t' or '\v' and lines ended by '\n' or '\f'. Text between two
// ESCAPE characters is one opaque run (not split into cells), counted without the ESCAPEs.

/** Stands for Go's tabwriter.Escape byte (0xFF, never part of UTF-8); a lone surrogate never occurs in valid input. */
export const ESCAPE = '\udfff';

const TAB_WIDTH = 8;
const PADDING = 1;

interface Cell {
  text: string;
  /** Width in code points, escapes excluded. */
  width: number;
  /** True when the cell was ended by '\t' (not '\v'). */
  htab: boolean;
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Count a surrogate pair once; a lone surrogate (our ESCAPE) counts as one, like an invalid byte.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export class TabWriter {
  private out: string[] = [];
  private lines: Cell[][] = [[]];
  private cellText = '';
  private cellWidth = 0;
  private inEscape = false;
  private widths: number[] = [];

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.inEscape) {
        if (ch === ESCAPE) {
          const seg = this.pendingEscape + text.slice(start, i + 1);
          this.pendingEscape = '';
          this.cellText += seg;
          this.cellWidth += codePoints(seg) - 2; // the two ESCAPEs do not count
          this.inEscape = false;
          start = i + 1;
        }
        continue;
      }
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        this.appendPlain(text.slice(start, i));
        start = i + 1;
        const ncells = this.terminateCell(ch === '\t');
        if (ch === '\n' || ch === '\f') {
          this.lines.push([]);
          if (ch === '\f' || ncells === 1) this.flushLines();
        }
      } else if (ch === ESCAPE) {
        this.appendPlain(text.slice(start, i));
        start = i;
        this.inEscape = true;
      }
    }
    const rest = text.slice(start);
    if (this.inEscape) {
      // Width of an open escape is settled when it closes; keep the text pending.
      this.pendingEscape += rest;
    } else {
      this.appendPlain(rest);
    }
  }

  /** Text of an escape run that a write ended in the middle of. */
  private pendingEscape = '';

  private appendPlain(s: string): void {
    this.cellText += s;
    this.cellWidth += codePoints(s);
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cellText, width: this.cellWidth, htab });
    this.cellText = '';
    this.cellWidth = 0;
    return line.length;
  }

  /** Formats and emits every complete line, then starts over. */
  private flushLines(): void {
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  /** Ends the input: returns everything written. */
  finish(): string {
    if (this.inEscape) {
      const seg = this.pendingEscape;
      this.pendingEscape = '';
      this.cellText += seg;
      this.cellWidth += codePoints(seg) - 2;
      this.inEscape = false;
    }
    if (this.cellText.length > 0) this.terminateCell(false);
    this.flushLines();
    return this.out.join('');
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur]!.length - 1) continue;
      // `cur` starts a block of lines that all have a cell in this column.
      this.writeLines(line0, cur);
      line0 = cur;
      let width = 0;
      let discardable = true;
      for (; cur < line1; cur++) {
        const line = this.lines[cur]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        width = Math.max(width, c.width + PADDING);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable) width = 0;
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      let useTabs = true; // TabIndent: leading empty cells become tabs
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        if (c.text.length === 0) {
          if (j < this.widths.length) this.pad(c.width, this.widths[j]!, useTabs);
        } else {
          useTabs = false;
          this.out.push(c.text);
          if (j < this.widths.length) this.pad(c.width, this.widths[j]!, false);
        }
      }
      if (i + 1 === this.lines.length) {
        this.out.push(this.cellText);
      } else {
        this.out.push('\n');
      }
    }
  }

  private pad(textWidth: number, cellWidth: number, useTabs: boolean): void {
    if (useTabs) {
      const rounded = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
      const n = rounded - textWidth;
      this.out.push('\t'.repeat(Math.ceil(n / TAB_WIDTH)));
      return;
    }
    this.out.push(' '.repeat(Math.max(0, cellWidth - textWidth)));
  }
}
