// The labelled detector corpus: lines where each expected secret is written «detector-id|value».
// Parsing strips the markers and records the exact span each detector is expected to report;
// scoring compares detector output to those spans (exact detector id and exact span).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTORS, detectSecrets } from '../../src/detect/index.ts';

export interface Expected {
  detector: string;
  start: number;
  end: number;
}

export interface CorpusLine {
  file: string;
  lineNo: number;
  text: string;
  expected: Expected[];
}

const CORPUS_DIR = join(import.meta.dirname, 'corpus');

export function parseCorpusLine(raw: string): { text: string; expected: Expected[] } {
  let text = '';
  const expected: Expected[] = [];
  let i = 0;
  for (;;) {
    const open = raw.indexOf('«', i);
    if (open < 0) break;
    const bar = raw.indexOf('|', open);
    const close = raw.indexOf('»', bar);
    if (bar < 0 || close < 0) throw new Error(`unterminated marker in: ${raw}`);
    text += raw.slice(i, open);
    const value = raw.slice(bar + 1, close);
    expected.push({ detector: raw.slice(open + 1, bar), start: text.length, end: text.length + value.length });
    text += value;
    i = close + 1;
  }
  return { text: text + raw.slice(i), expected };
}

export function loadCorpus(): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n');
    lines.forEach((raw, idx) => {
      if (raw === '' || raw.startsWith('#')) return;
      out.push({ file, lineNo: idx + 1, ...parseCorpusLine(raw) });
    });
  }
  return out;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export interface Evaluation {
  perDetector: Map<string, Score>;
  overall: Score;
  /** Human-readable mistakes, for assertion messages. */
  mistakes: string[];
}

export function precision(s: Score): number {
  return s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
}

export function recall(s: Score): number {
  return s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
}

export function evaluate(corpus: CorpusLine[]): Evaluation {
  const perDetector = new Map<string, Score>(DETECTORS.map((d) => [d.id, { tp: 0, fp: 0, fn: 0 }]));
  const overall: Score = { tp: 0, fp: 0, fn: 0 };
  const mistakes: string[] = [];
  const bump = (id: string, k: keyof Score): void => {
    const s = perDetector.get(id) ?? { tp: 0, fp: 0, fn: 0 };
    s[k]++;
    perDetector.set(id, s);
    overall[k]++;
  };
  for (const line of corpus) {
    const found = detectSecrets(line.text);
    const key = (d: string, s: number, e: number): string => `${d}:${s}:${e}`;
    const want = new Set(line.expected.map((x) => key(x.detector, x.start, x.end)));
    const got = new Set(found.map((f) => key(f.detector, f.start, f.end)));
    for (const f of found) {
      if (want.has(key(f.detector, f.start, f.end))) bump(f.detector, 'tp');
      else {
        bump(f.detector, 'fp');
        mistakes.push(`${line.file}:${line.lineNo}: unexpected ${f.detector} ${JSON.stringify(f.value)}`);
      }
    }
    for (const x of line.expected) {
      if (!got.has(key(x.detector, x.start, x.end))) {
        bump(x.detector, 'fn');
        mistakes.push(`${line.file}:${line.lineNo}: missed ${x.detector} ${JSON.stringify(line.text.slice(x.start, x.end))}`);
      }
    }
  }
  return { perDetector, overall, mistakes };
}
