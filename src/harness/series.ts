// Series in a test file (`series:` / `expect_series:`) are Prometheus exposition text; they are read
// and printed with the relabel layer's own reader and writer so both sides agree on the format.
// In a test file the sample value is optional: only the labels are compared.
import { ExpositionError, parseExposition, formatSeries as formatOne } from '../relabel/index.ts';
import type { LabelSet } from '../relabel/types.ts';

export class SeriesTextError extends Error {}

/** The label sets (with `__name__`) of every sample line; comments and blank lines are skipped. */
export function parseSeriesText(text: string): LabelSet[] {
  const out: LabelSet[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    out.push(parseOne(line, i + 1));
  }
  return out;
}

function parseOne(line: string, n: number): LabelSet {
  for (const candidate of [line, `${line} 0`]) {
    try {
      const sample = parseExposition(candidate).find((l) => l.kind === 'sample');
      if (sample && sample.kind === 'sample') return sample.labels;
    } catch (err) {
      if (!(err instanceof ExpositionError)) throw err;
      if (candidate !== line) throw new SeriesTextError(`series line ${n}: ${err.message}`);
    }
  }
  throw new SeriesTextError(`series line ${n}: not a series`);
}

/** One canonical line per series, without value: labels in Prometheus' sorted order. */
export function formatSeries(labels: LabelSet): string {
  return formatOne(labels);
}
