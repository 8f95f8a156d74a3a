// `--workers <n|auto>` of run, bench and fuzz: how many worker threads to use, and when to use
// only the main thread whatever was asked (a pipeline that cannot be split).
import { availableParallelism, loadavg } from 'node:os';

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

/** What `auto` looks at: the machine's cores and how busy they are. */
export interface Machine {
  cores: number;
  /** 1-minute load average (0 where the platform has none). */
  load: number;
}

export function thisMachine(): Machine {
  return { cores: availableParallelism(), load: loadavg()[0] ?? 0 };
}

// The figures behind these choices are in bench/RESULTS.md ("Worker threads"). A worker costs
// ~0.2 s of CPU to start and ~90–105 MiB of memory; on the 2-vCPU machine measured, two threads
// running at once each ran slower, and no run or fuzz got reliably faster with 2 workers, idle or
// busy. So `auto` keeps one thread unless the job is large and, besides the core the main thread
// needs to read, cut and write, at least two cores are idle — never on a 2-core machine.

/** `run`: a regular input file at least this large (stdin's size is not known in advance). */
export const AUTO_RUN_MIN_BYTES = 64 * 1024 * 1024;
/** `fuzz`: at least this many entries (cells × runs). */
export const AUTO_FUZZ_MIN_ENTRIES = 200_000;
/** Never more by default: memory grows by one runner per worker. */
export const AUTO_MAX_WORKERS = 4;

function autoWorkers(m: Machine): number {
  const idleBesidesMain = Math.floor(m.cores - m.load - 1);
  return idleBesidesMain >= 2 ? Math.min(idleBesidesMain, AUTO_MAX_WORKERS) : 1;
}

/** `auto` for `run`: inputBytes is null when the input is not a regular file. */
export function autoRunWorkers(inputBytes: number | null, m: Machine = thisMachine()): number {
  return inputBytes !== null && inputBytes >= AUTO_RUN_MIN_BYTES ? autoWorkers(m) : 1;
}

/** `auto` for `fuzz`. */
export function autoFuzzWorkers(entries: number, m: Machine = thisMachine()): number {
  return entries >= AUTO_FUZZ_MIN_ENTRIES ? autoWorkers(m) : 1;
}
