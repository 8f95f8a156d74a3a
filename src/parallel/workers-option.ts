// `--workers <n|auto>` of run, bench and fuzz: how many worker threads to use, and when to use
// only the main thread whatever was asked (a pipeline that cannot be split).
import { availableParallelism } from 'node:os';

export type WorkersOption = { kind: 'auto' } | { kind: 'count'; count: number };

export const MAX_WORKERS = 64;

/** The option's value, or an error message. */
export function parseWorkersOption(text: string): WorkersOption | string {
  if (text === 'auto') return { kind: 'auto' };
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_WORKERS) return `--workers must be "auto" or an integer from 1 to ${MAX_WORKERS}, not ${JSON.stringify(text)}`;
  return { kind: 'count', count: Number(text) };
}

export interface WorkersPlan {
  /** 1: the main thread does the work, as without the option. */
  workers: number;
  /** For stderr: why an explicit request for several workers is not followed. */
  note?: string;
}

/**
 * `blocker` is why the pipeline cannot be split (eligibility.ts), null when it can; `auto` is the
 * number of workers `auto` means for this job.
 */
export function planWorkers(option: WorkersOption, blocker: string | null, auto: number): WorkersPlan {
  const wanted = option.kind === 'auto' ? auto : option.count;
  if (wanted <= 1) return { workers: 1 };
  if (blocker === null) return { workers: wanted };
  if (option.kind === 'auto') return { workers: 1 };
  return {
    workers: 1,
    note: `alloy-scrub: note: --workers ${option.count}: running on one thread, because ${blocker}; only pipelines that treat every line on its own are split between threads\n`,
  };
}

export function cores(): number {
  return availableParallelism();
}

/** `auto` for `run`: placeholder until measured. */
export function autoRunWorkers(inputBytes: number | null): number {
  void inputBytes;
  return 1;
}

/** `auto` for `fuzz`: placeholder until measured. */
export function autoFuzzWorkers(entries: number): number {
  void entries;
  return 1;
}
