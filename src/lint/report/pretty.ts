// Human output: `file:line:col: severity [rule-id] message`, the source line with a caret (the
// same code frame as every other command's diagnostics), then the suggested fix.
import { formatDiagnostic } from '../../syntax/diagnostics.ts';
import type { Finding } from '../types.ts';

export interface PrettyOptions {
  color?: boolean;
  /** Source text of another file a finding points into (an imported module). */
  sourceOf?: (file: string) => string;
}

export function formatFindingPretty(f: Finding, source: string, opts: PrettyOptions = {}): string {
  const frame = formatDiagnostic(
    { severity: f.severity === 'error' ? 'error' : 'warning', file: f.file, range: f.range, message: `${f.severity} [${f.rule}] ${f.message}` },
    source,
    { color: opts.color ?? false },
  );
  return `${frame}\n  fix: ${f.fix}`;
}

/** Every finding of one file, blank-line separated, and a one-line summary. */
export function formatPretty(results: ReadonlyArray<{ file: string; source: string; findings: readonly Finding[] }>, opts: PrettyOptions = {}): string {
  const blocks: string[] = [];
  const count = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      const source = f.file === r.file ? r.source : (opts.sourceOf?.(f.file) ?? '');
      blocks.push(formatFindingPretty(f, source, opts));
      count[f.severity]++;
    }
  }
  const total = count.error + count.warning + count.info;
  const summary = total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'}: ${count.error} error, ${count.warning} warning, ${count.info} info`;
  return [...blocks, summary].join('\n\n') + '\n';
}
