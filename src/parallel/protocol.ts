// The messages between the main thread and its worker threads.
//
// A worker is started with one job (workerData): which runner to build and what kind of task it
// will be sent. It builds the runner once, says `ready`, then answers each task message with one
// result message carrying the task's id, in the order the tasks came. A task that throws is
// answered with its error; the pool then fails the whole run (a lost batch would be lost output).
import type { FuzzSettings } from '../fuzz/engine.ts';
import type { BatchRunOptions } from './batch-run.ts';
import type { PipelineSpec } from './pipeline-spec.ts';

export type WorkerJob =
  | { kind: 'run'; pipeline: PipelineSpec; run: BatchRunOptions; passThrough: boolean }
  | { kind: 'fuzz'; pipeline: PipelineSpec; fuzz: FuzzSettings };

export interface WorkerData {
  job: WorkerJob;
  /** Set when the worker starts from the TypeScript sources: the module worker-boot.mjs loads. */
  alloyScrubWorkerEntry?: string;
}

export interface TaskMessage<T = unknown> {
  id: number;
  task: T;
}

export type WorkerMessage = { type: 'ready' } | { type: 'result'; id: number; result: unknown } | { type: 'failed'; id: number; message: string };
