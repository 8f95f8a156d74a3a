import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/syntax/diagnostics.ts';
import type { Diagnostic } from '../../src/syntax/ast.ts';

function diag(file: string, offset: number, line: number, column: number, message: string): Diagnostic {
  const pos = { offset, line, column };
  return { severity: 'error', file, message, range: { start: pos, end: pos } };
}

describe('formatDiagnostic', () => {
  it('prints file:line:col, the source line and a caret under the column', () => {
    const source = 'a = 1\nb = 2 c\n';
    const out = formatDiagnostic(diag('x.alloy', 12, 2, 7, 'expected TERMINATOR, got IDENT'), source);
    expect(out).toBe('x.alloy:2:7: expected TERMINATOR, got IDENT\n2 | b = 2 c\n  |       ^');
  });

  it('keeps tabs in the caret line so the caret aligns under tab-indented code', () => {
    const source = 'x {\n\ty = @\n}\n';
    const out = formatDiagnostic(diag('x.alloy', 9, 2, 6, 'illegal character'), source);
    expect(out.split('\n')[2]).toBe('  | \t    ^');
  });

  it('omits the file name when it is empty, as Go positions do', () => {
    expect(formatDiagnostic(diag('', 0, 1, 1, 'boom'), 'x').split('\n')[0]).toBe('1:1: boom');
  });

  it('adds ANSI colours only when asked', () => {
    const d = diag('f', 0, 1, 1, 'boom');
    expect(formatDiagnostic(d, 'x', { color: true })).toContain('\u001b[');
    expect(formatDiagnostic(d, 'x')).not.toContain('\u001b[');
  });
});
