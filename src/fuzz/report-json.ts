// The `--format json` document of `alloy-scrub fuzz` (field names are part of the CLI contract).
import type { FuzzReport } from './engine.ts';
import { maskOccurrences, maskOutput, maskSecret } from './mask.ts';

export interface JsonReportOptions {
  reveal: boolean;
}

export function fuzzReportJson(report: FuzzReport, opts: JsonReportOptions): unknown {
  const unknownEntries = report.coverage.reduce((n, c) => n + c.unknown, 0);
  return {
    leaks: report.leaks.map((l) => ({
      secret_type: l.secretType,
      context: l.context,
      line: opts.reveal ? l.line : maskOccurrences(l.line, l.forms),
      secret: opts.reveal ? l.secret : maskSecret(l.secret),
      sink: l.sink,
      output: opts.reveal ? l.output : maskOutput(l.output, l.forms, report.minFragment),
      where: l.where,
      seed: l.seed,
      path: l.path,
    })),
    coverage: report.coverage.map((c) => ({ secret_type: c.secretType, context: c.context, runs: c.runs, leaked: c.leaked, unknown: c.unknown, dropped: c.dropped })),
    over_redaction: { runs: report.overRedaction.runs, changed: report.overRedaction.changed, unknown: report.overRedaction.unknown },
    unknown: { entries: unknownEntries, decided: unknownEntries === 0, reasons: report.unknownReasons },
    seed: report.seed,
    runs: report.runs,
    min_fragment: report.minFragment,
    entries: report.entries,
  };
}
