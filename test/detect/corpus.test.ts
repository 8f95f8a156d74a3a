// Precision and recall of every detector on the labelled corpus (test/detect/corpus/*.txt).
// Thresholds: ≥ 0.95 per detector and ≥ 0.98 overall. The per-detector bar allows one miss in
// twenty; the corpus is small enough that anything lower would mean a detector is broken, not
// unlucky. Figures are recorded in RESULTS.md.

import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detect/index.ts';
import { evaluate, loadCorpus, parseCorpusLine, precision, recall } from './corpus.ts';

const corpus = loadCorpus();
const evaluation = evaluate(corpus);

describe('detector corpus', () => {
  it('marks a labelled secret with its exact span once the markers are removed', () => {
    const parsed = parseCorpusLine('a=«email|x@example.org» b');
    expect(parsed.text).toBe('a=x@example.org b');
    expect(parsed.expected).toEqual([{ detector: 'email', start: 2, end: 15 }]);
  });

  it('labels only detectors that exist', () => {
    const ids = new Set(DETECTORS.map((d) => d.id));
    const unknown = corpus.flatMap((l) => l.expected.filter((x) => !ids.has(x.detector)).map((x) => `${l.file}:${l.lineNo} ${x.detector}`));
    expect(unknown).toEqual([]);
  });

  it('has at least three labelled positives for every detector', () => {
    const thin = DETECTORS.filter((d) => corpus.reduce((n, l) => n + l.expected.filter((x) => x.detector === d.id).length, 0) < 3).map((d) => d.id);
    expect(thin).toEqual([]);
  });

  it.each(DETECTORS.map((d) => d.id))('%s reaches precision ≥ 0.95 on the corpus', (id) => {
    const s = evaluation.perDetector.get(id)!;
    expect(precision(s), evaluation.mistakes.filter((m) => m.includes(` ${id} `)).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it.each(DETECTORS.map((d) => d.id))('%s reaches recall ≥ 0.95 on the corpus', (id) => {
    const s = evaluation.perDetector.get(id)!;
    expect(recall(s), evaluation.mistakes.filter((m) => m.includes(` ${id} `)).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches precision and recall ≥ 0.98 overall', () => {
    expect(precision(evaluation.overall), evaluation.mistakes.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(recall(evaluation.overall), evaluation.mistakes.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('reports nothing on the negative lines', () => {
    const noisy = evaluation.mistakes.filter((m) => m.startsWith('negatives.txt'));
    expect(noisy).toEqual([]);
  });
});
