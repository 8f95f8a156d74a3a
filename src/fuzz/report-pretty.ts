// The human report of `alloy-scrub fuzz`: each distinct leak (one per secret type × context),
// shrunk, with the command that replays it; the coverage matrix; the over-redaction rate; and
// what could not be decided.
import pc from 'picocolors';
import type { CellCoverage, FuzzLeak, FuzzReport } from './engine.ts';
import { maskOccurrences, maskOutput, maskSecret } from './mask.ts';

export interface PrettyReportOptions {
  reveal: boolean;
  color: boolean;
  /** The command line that replays one leak. */
  replayCommand: (leak: FuzzLeak) => string;
}

type Paint = (s: string) => string;

export function fuzzReportPretty(report: FuzzReport, opts: PrettyReportOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  for (const leak of report.leaks) out.push(...leakBlock(leak, report.minFragment, opts, c.red, c.dim), '');
  out.push(...matrix(report.coverage, c), '');
  const o = report.overRedaction;
  const rate = o.runs === 0 ? 0 : (100 * o.changed) / o.runs;
  out.push(`over-redaction: ${o.changed} of ${o.runs} clean lines changed (${rate.toFixed(1)}%)${o.unknown ? `, ${o.unknown} unknown` : ''}`);
  for (const e of o.examples) out.push(c.dim(`  e.g. ${e}`));
  const unknown = report.coverage.reduce((n, x) => n + x.unknown, 0);
  if (unknown > 0) {
    out.push(c.yellow(`unknown: ${unknown} entries passed through something alloy-scrub does not simulate; they are not counted as redacted:`));
    for (const r of report.unknownReasons.slice(0, 10)) out.push(c.yellow(`  - ${r}`));
  } else out.push('every entry was decided (nothing on the path is unsimulated)');
  const cells = new Set(report.leaks.map((l) => `${l.secretType}×${l.context}`)).size;
  const leakedEntries = report.coverage.reduce((n, x) => n + x.leaked, 0);
  out.push(
    report.leaks.length > 0
      ? c.red(`${leakedEntries} leaking entries in ${cells} secret type × context cells (seed ${report.seed}, ${report.entries} entries run)`)
      : c.green(`no leak in ${report.coverage.length} cell${report.coverage.length === 1 ? "" : "s"} (seed ${report.seed}, ${report.entries} entries run)`),
  );
  return out.join('\n') + '\n';
}

function leakBlock(leak: FuzzLeak, minFragment: number, opts: PrettyReportOptions, red: Paint, dim: Paint): string[] {
  const show = (s: string): string => JSON.stringify(s);
  return [
    red(`LEAK ${leak.secretType} in ${leak.context}`) + ` — reached ${leak.sink} (${leak.where})`,
    `  secret  ${opts.reveal ? leak.secret : maskSecret(leak.secret)}`,
    `  line    ${show(opts.reveal ? leak.line : maskOccurrences(leak.line, leak.forms))}`,
    `  output  ${show(opts.reveal ? leak.output : maskOutput(leak.output, leak.forms, minFragment))}`,
    dim(`  replay  ${opts.replayCommand(leak)}`),
  ];
}

/** Rows: secret types; columns: contexts; cells: share of entries redacted (— not applicable). */
function matrix(coverage: readonly CellCoverage[], c: ReturnType<typeof pc.createColors>): string[] {
  const types = [...new Set(coverage.map((x) => x.secretType))];
  const contexts = [...new Set(coverage.map((x) => x.context))];
  const byKey = new Map(coverage.map((x) => [`${x.secretType}\u0000${x.context}`, x]));
  const width = Math.max(...types.map((t) => t.length), 'secret type'.length);
  const colW = (ctx: string): number => Math.max(ctx.length, 4);
  const runs = coverage[0]?.runs ?? 0;
  const lines = [`coverage: share of entries redacted per secret type × context (${runs} runs per cell; a leak or an unknown entry is not redacted; ? = all unknown, — = context cannot carry the type)`];
  lines.push(['secret type'.padEnd(width), ...contexts.map((x) => x.padStart(colW(x)))].join(' '));
  for (const t of types) {
    const cells = contexts.map((ctx) => {
      const cell = byKey.get(`${t}\u0000${ctx}`);
      if (!cell) return '—'.padStart(colW(ctx));
      const redacted = cell.runs - cell.leaked - cell.unknown;
      const pct = cell.runs === 0 ? 100 : Math.floor((100 * redacted) / cell.runs);
      // A cell nothing could be decided in is "?", not a 0% that reads as a leak.
      const text = (cell.leaked === 0 && cell.unknown === cell.runs && cell.runs > 0 ? '?' : `${pct}%`).padStart(colW(ctx));
      return cell.leaked > 0 ? c.red(text) : cell.unknown > 0 ? c.yellow(text) : c.green(text);
    });
    lines.push([t.padEnd(width), ...cells].join(' '));
  }
  const imperfect = coverage.filter((x) => x.leaked > 0 || x.unknown > 0);
  if (imperfect.length > 0) {
    lines.push('counts where not all entries were redacted (leaked / unknown / runs):');
    for (const x of imperfect) lines.push(`  ${x.secretType} × ${x.context}: ${x.leaked} leaked, ${x.unknown} unknown, ${x.runs} runs`);
  }
  return lines;
}
