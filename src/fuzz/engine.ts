// The fuzz run: for each selected cell (secret type × context), generate entries with fast-check,
// push each through the user's pipeline and judge it; shrink the first leak of each cell to a
// minimal line (fast-check's shrinker, with a deterministic budget) and keep its replay path;
// then measure over-redaction on clean lines. Pure library code: no files, no terminal.
import fc from 'fast-check';
import type { LogPathRunner } from '../loki/graph.ts';
import { CONTEXTS } from './contexts/catalog.ts';
import type { FuzzEntry } from './contexts/entry.ts';
import type { Context } from './contexts/types.ts';
import { cleanLine } from './clean-lines.ts';
import { changedClean, judge, type JudgeOptions, type Verdict } from './judge.ts';
import { DEFAULT_MIN_FRAGMENT } from './leak.ts';
import { SECRET_TYPES } from './secrets/catalog.ts';
import type { SecretType } from './secrets/types.ts';
import { cellSeed } from './seed.ts';

export const DEFAULT_RUNS = 100;
/** Shrink steps (pipeline evaluations) one leak may spend; bounded so a run's cost is known in
 * advance. 0 reports the leak as first found, unshrunk. */
export const DEFAULT_SHRINK_BUDGET = 400;
/** Unix ns of 2024-01-01T00:00:00Z: entries and the pipeline's clock, fixed for determinism. */
export const FUZZ_TIME_NS = 1_704_067_200_000_000_000n;

export interface FuzzOptions {
  /** Entries per cell. */
  runs?: number;
  seed: number;
  /** Secret type ids (default: all). */
  secrets?: readonly string[];
  /** Context ids (default: all). */
  contexts?: readonly string[];
  minFragment?: number;
  /** Stream labels of every entry. */
  labels?: ReadonlyMap<string, string>;
  /** Clean lines for the over-redaction rate (default: runs × 5). */
  cleanRuns?: number;
  shrinkBudget?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FuzzLeak {
  secretType: string;
  context: string;
  /** The shrunk input line. */
  line: string;
  /** The secret's sensitive value (unmasked: reporters mask it). */
  secret: string;
  /** Every spelling of every secret in the line, for masking. */
  forms: string[];
  sink: string;
  /** What reached the sink where the leak was seen. */
  output: string;
  /** line, `label NAME` or `structured metadata NAME`. */
  where: string;
  /** The fragment that survived. */
  fragment: string;
  seed: number;
  path: string;
}

export interface CellCoverage {
  secretType: string;
  context: string;
  runs: number;
  leaked: number;
  unknown: number;
  /** Entries no sink received (dropped, or sent nowhere). */
  dropped: number;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  minFragment: number;
  entries: number;
  leaks: FuzzLeak[];
  coverage: CellCoverage[];
  overRedaction: { runs: number; changed: number; unknown: number; examples: string[] };
  /** Distinct reasons entries were judged unknown (what was not simulated). */
  unknownReasons: string[];
}

export interface Cell {
  type: SecretType;
  context: Context;
}

/** The selected cells, in matrix order; cells whose context cannot carry the type are left out. */
export function selectCells(secrets?: readonly string[], contexts?: readonly string[]): Cell[] {
  const types = SECRET_TYPES.filter((t) => !secrets || secrets.includes(t.id));
  const ctxs = CONTEXTS.filter((c) => !contexts || contexts.includes(c.id));
  const cells: Cell[] = [];
  for (const type of types) for (const context of ctxs) if (context.accepts(type)) cells.push({ type, context });
  return cells;
}

/** What every cell of one run shares: FuzzOptions with the defaults filled in. */
export interface FuzzSettings {
  seed: number;
  runs: number;
  minFragment: number;
  labels: ReadonlyMap<string, string>;
  cleanRuns: number;
  shrinkBudget: number;
}

export function fuzzSettings(opts: FuzzOptions): FuzzSettings {
  const runs = opts.runs ?? DEFAULT_RUNS;
  return {
    seed: opts.seed,
    runs,
    minFragment: opts.minFragment ?? DEFAULT_MIN_FRAGMENT,
    labels: opts.labels ?? new Map(),
    cleanRuns: opts.cleanRuns ?? runs * 5,
    shrinkBudget: opts.shrinkBudget ?? DEFAULT_SHRINK_BUDGET,
  };
}

/** What one cell found. Cells are independent (each has its own seed), so they can run anywhere. */
export interface CellResult {
  coverage: CellCoverage;
  leak?: FuzzLeak;
  /** Pipeline evaluations, shrinking included. */
  entries: number;
  /** Distinct reasons for unknown verdicts, in order of first appearance, at most MAX_UNKNOWN_REASONS. */
  unknownReasons: string[];
}

export interface CleanResult {
  overRedaction: FuzzReport['overRedaction'];
  entries: number;
}

export function fuzzLogPath(runner: LogPathRunner, opts: FuzzOptions): FuzzReport {
  const settings = fuzzSettings(opts);
  const cells = selectCells(opts.secrets, opts.contexts);
  const total = cells.length * settings.runs + settings.cleanRuns;
  const results: CellResult[] = [];
  for (const cell of cells) {
    results.push(fuzzCell(runner, cell, settings));
    opts.onProgress?.(results.length * settings.runs, total);
  }
  const clean = fuzzClean(runner, settings);
  if (settings.cleanRuns > 0) opts.onProgress?.(total, total);
  return fuzzReport(settings, results, clean);
}

/** Generates `runs` entries of one cell, judges each, and shrinks the cell's first leak. */
export function fuzzCell(runner: LogPathRunner, cell: Cell, settings: FuzzSettings): CellResult {
  const jopts = judgeOptions(settings);
  const seed = cellSeed(settings.seed, cell.type.id, cell.context.id);
  const arb = cell.context.arbitrary(cell.type);
  const cov: CellCoverage = { secretType: cell.type.id, context: cell.context.id, runs: 0, leaked: 0, unknown: 0, dropped: 0 };
  const unknownReasons = new Set<string>();
  let firstLeak = -1;
  // Every run passes, so fast-check generates exactly `runs` entries; run i is the value that
  // fast-check's path "i" names, which is where the shrink below starts.
  rethrow(fc.check(
    fc.property(arb, (entry) => {
      const v = judge(runner, entry, jopts);
      if (v.kind === 'leaked') {
        if (firstLeak < 0) firstLeak = cov.runs;
        cov.leaked++;
      } else if (v.kind === 'unknown') {
        cov.unknown++;
        // Bounded: reasons come from the config, but a failing simulation's message may not.
        for (const r of v.reasons) if (unknownReasons.size < MAX_UNKNOWN_REASONS) unknownReasons.add(r);
      } else if (v.dropped) cov.dropped++;
      cov.runs++;
      return true;
    }),
    { seed, numRuns: settings.runs },
  ));
  const result: CellResult = { coverage: cov, entries: cov.runs, unknownReasons: [...unknownReasons] };
  if (firstLeak >= 0) {
    const shrunk = shrinkLeak(runner, arb, seed, String(firstLeak), jopts, settings.shrinkBudget);
    result.entries += shrunk.evaluations;
    if (shrunk.leak) result.leak = { ...shrunk.leak, seed: settings.seed };
  }
  return result;
}

/** The over-redaction measure: clean lines through the pipeline, counting those it changes. */
export function fuzzClean(runner: LogPathRunner, settings: FuzzSettings): CleanResult {
  const jopts = judgeOptions(settings);
  const overRedaction = { runs: 0, changed: 0, unknown: 0, examples: [] as string[] };
  if (settings.cleanRuns > 0) {
    rethrow(fc.check(
      fc.property(cleanLine(), (entry) => {
        const r = changedClean(runner, entry, jopts);
        overRedaction.runs++;
        if (r === 'changed') {
          overRedaction.changed++;
          if (overRedaction.examples.length < 3) overRedaction.examples.push(entry.line);
        } else if (r === 'unknown') overRedaction.unknown++;
        return true;
      }),
      { seed: cellSeed(settings.seed, 'clean', 'clean'), numRuns: settings.cleanRuns },
    ));
  }
  return { overRedaction, entries: overRedaction.runs };
}

/** The report of a run from its cells' results, in matrix order, and the clean-line measure. */
export function fuzzReport(settings: FuzzSettings, cells: readonly CellResult[], clean: CleanResult): FuzzReport {
  const unknownReasons = new Set<string>();
  for (const c of cells) for (const r of c.unknownReasons) if (unknownReasons.size < MAX_UNKNOWN_REASONS) unknownReasons.add(r);
  return {
    seed: settings.seed,
    runs: settings.runs,
    minFragment: settings.minFragment,
    entries: cells.reduce((n, c) => n + c.entries, 0) + clean.entries,
    leaks: cells.flatMap((c) => (c.leak ? [c.leak] : [])),
    coverage: cells.map((c) => c.coverage),
    overRedaction: clean.overRedaction,
    unknownReasons: [...unknownReasons],
  };
}

function judgeOptions(settings: FuzzSettings): JudgeOptions {
  return { minFragment: settings.minFragment, labels: settings.labels, timestampNs: FUZZ_TIME_NS };
}

const MAX_UNKNOWN_REASONS = 50;

/** A counting run's property always holds, so a failed check is an exception: never hide it. */
function rethrow<Ts>(details: fc.RunDetails<Ts>): void {
  if (!details.failed) return;
  const err = details.errorInstance;
  throw err instanceof Error ? err : new Error(`fuzz run failed: ${String(err)}`);
}

interface ShrinkResult {
  leak?: Omit<FuzzLeak, 'seed'>;
  evaluations: number;
}

/**
 * Shrinks the leak at `path` with fast-check. After `budget` shrink evaluations every further
 * candidate is declared passing, which ends the shrink deterministically at the smallest leak
 * found so far.
 */
function shrinkLeak(runner: LogPathRunner, arb: fc.Arbitrary<FuzzEntry>, seed: number, path: string, jopts: JudgeOptions, budget: number): ShrinkResult {
  let evaluations = 0;
  const details = fc.check(
    fc.property(arb, (entry) => {
      // The first evaluation is the leak itself (path "i"); the budget counts shrink steps.
      if (evaluations > budget) return true;
      evaluations++;
      return judge(runner, entry, jopts).kind !== 'leaked';
    }),
    { seed, path, numRuns: Number(path.split(':')[0]) + 1 },
  );
  if (!details.failed || !details.counterexample || details.counterexamplePath === null) return { evaluations };
  const entry = details.counterexample[0];
  const v = judge(runner, entry, jopts);
  evaluations++;
  if (v.kind !== 'leaked') return { evaluations };
  return { leak: leakRecord(entry, v, details.counterexamplePath), evaluations };
}

function leakRecord(entry: FuzzEntry, v: Extract<Verdict, { kind: 'leaked' }>, path: string): Omit<FuzzLeak, 'seed'> {
  const leaked = entry.secrets.find((p) => p.forms.some((f) => f.includes(v.site.needle) || v.site.needle.includes(f))) ?? entry.secrets[0]!;
  return {
    secretType: entry.type,
    context: entry.context,
    line: entry.line,
    secret: leaked.sample.secret,
    forms: entry.secrets.flatMap((p) => p.forms),
    sink: v.output.sink,
    output: v.site.text,
    where: v.site.where,
    fragment: v.site.needle,
    path,
  };
}

export interface ReplayResult {
  entry: FuzzEntry;
  verdict: Verdict;
}

/** The entry at fast-check `path` of one cell, run through the pipeline once more. */
export function replay(runner: LogPathRunner, opts: { seed: number; secretType: string; context: string; path: string; minFragment?: number; labels?: ReadonlyMap<string, string> }): ReplayResult {
  const cells = selectCells([opts.secretType], [opts.context]);
  if (cells.length !== 1) throw new Error(`context ${opts.context} does not carry ${opts.secretType}`);
  const cell = cells[0]!;
  const details = fc.check(
    fc.property(cell.context.arbitrary(cell.type), () => false),
    { seed: cellSeed(opts.seed, opts.secretType, opts.context), path: opts.path, endOnFailure: true },
  );
  if (!details.counterexample) throw new Error(`fast-check path ${opts.path} names no entry`);
  const entry = details.counterexample[0] as FuzzEntry;
  const jopts: JudgeOptions = { minFragment: opts.minFragment ?? DEFAULT_MIN_FRAGMENT, labels: opts.labels ?? new Map(), timestampNs: FUZZ_TIME_NS };
  return { entry, verdict: judge(runner, entry, jopts) };
}
