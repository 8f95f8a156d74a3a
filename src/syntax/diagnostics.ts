// Rendering of diagnostics as `file:line:col: message` followed by a code frame: the offending
// source line and a caret under the column. Columns are Alloy's (UTF-8 bytes, 1-based); the caret
// is placed by characters so that it sits under the right glyph.
import pc from 'picocolors';
import type { Diagnostic, Pos } from './ast.ts';

export interface FormatOptions {
  color?: boolean;
}

/** `file:line:col`, or `line:col` without a file name, as Go's token.Position prints. */
export function formatPosition(file: string, pos: Pos): string {
  const at = `${pos.line}:${pos.column}`;
  return file ? `${file}:${at}` : at;
}

function lineAround(source: string, offset: number): { text: string; startOffset: number } {
  const at = Math.max(0, Math.min(offset, source.length));
  const start = source.lastIndexOf('\n', at - 1) + 1;
  let end = source.indexOf('\n', at);
  if (end < 0) end = source.length;
  return { text: source.slice(start, end), startOffset: start };
}

export function formatDiagnostic(d: Diagnostic, source: string, opts: FormatOptions = {}): string {
  const colors = pc.createColors(opts.color ?? false);
  const header = `${formatPosition(d.file, d.range.start)}: ${d.message}`;
  const { text, startOffset } = lineAround(source, d.range.start.offset);
  const before = text.slice(0, Math.max(0, d.range.start.offset - startOffset));

  // Keep tabs so the caret lines up with the source line in any terminal; drop carriage returns.
  const shown = text.replaceAll('\r', '');
  const pad = Array.from(before.replaceAll('\r', ''), (c) => (c === '\t' ? '\t' : ' ')).join('');
  const gutter = String(d.range.start.line);
  const blank = ' '.repeat(gutter.length);
  const severity = d.severity === 'warning' ? colors.yellow : colors.red;
  return [
    colors.bold(header),
    `${colors.dim(`${gutter} |`)} ${shown}`,
    `${colors.dim(`${blank} |`)} ${pad}${severity(colors.bold('^'))}`,
  ].join('\n');
}

/** All diagnostics of a file, separated by blank lines, ending with a newline. */
export function formatDiagnostics(diags: readonly Diagnostic[], source: string, opts: FormatOptions = {}): string {
  return diags.map((d) => formatDiagnostic(d, source, opts)).join('\n\n') + (diags.length ? '\n' : '');
}
