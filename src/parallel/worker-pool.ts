// A fixed set of worker threads that all run one job (protocol.ts), and a queue of tasks for them.
// A task goes to the worker with the fewest tasks outstanding, and only while that worker has
// fewer than `maxPerWorker`, so a slow task does not pile others up behind it.
//
// Any failure — a worker's uncaught error, a worker that stops, a task that throws, a message that
// cannot be read — fails every task, queued or sent, with one clear error and stops the workers:
// a run that lost a batch must end with an error, never wait for it or go on without it.
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { TaskMessage, WorkerData, WorkerJob, WorkerMessage } from './protocol.ts';

export interface WorkerPoolOptions {
  /** Tasks a worker may hold at once (one running, the others waiting in its port). Default 2. */
  maxPerWorker?: number;
  /** The worker program; tests replace it. Default: the bundled or source worker-entry. */
  script?: WorkerScript;
}

export interface WorkerScript {
  url: URL;
  /** For a program started through worker-boot.mjs: the module it loads. */
  entry?: string;
}

interface Task {
  id: number;
  task: unknown;
  transfer: readonly TransferListItem[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker and not answered yet, by id. */
  outstanding: Map<number, Task>;
  ready: boolean;
}

/**
 * The worker program next to this module: in the bundle (dist/alloy-scrub.mjs) the second bundle
 * built beside it; in the sources, worker-entry.ts through worker-boot.mjs, which loads tsx first.
 */
export function defaultWorkerScript(): WorkerScript {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./worker-boot.mjs', here), entry: new URL('./worker-entry.ts', here).href };
  return { url: new URL('./alloy-scrub-worker.mjs', here) };
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly maxPerWorker: number;
  private nextId = 0;
  private failure: Error | null = null;
  private closing = false;
  private readyWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(size: number, job: WorkerJob, opts: WorkerPoolOptions = {}) {
    this.maxPerWorker = Math.max(1, opts.maxPerWorker ?? 2);
    const script = opts.script ?? defaultWorkerScript();
    const workerData: WorkerData = script.entry ? { job, alloyScrubWorkerEntry: script.entry } : { job };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script.url, { workerData });
      const slot: Slot = { worker, outstanding: new Map(), ready: false };
      const name = `worker thread ${i + 1} of ${size}`;
      worker.on('message', (m: WorkerMessage) => this.onMessage(slot, name, m));
      worker.on('error', (err: Error) => this.fail(new Error(`${name} failed: ${err?.message ?? String(err)}`)));
      worker.on('messageerror', (err: Error) => this.fail(new Error(`${name}: a message could not be read: ${err.message}`)));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`${name} stopped unexpectedly (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every worker has built its runner. */
  ready(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.slots.every((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Runs a task on some worker; `transfer` lists memory moved to the worker rather than copied. */
  run<R>(task: unknown, transfer: readonly TransferListItem[] = []): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every worker. Tasks not answered yet fail. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.rejectAll(this.failure ?? new Error('the worker pool was closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.failure) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.outstanding.size < this.maxPerWorker && (!best || s.outstanding.size < best.outstanding.size)) best = s;
      if (!best) return;
      const t = this.queue.shift()!;
      best.outstanding.set(t.id, t);
      const msg: TaskMessage = { id: t.id, task: t.task };
      try {
        best.worker.postMessage(msg, t.transfer as TransferListItem[]);
      } catch (err) {
        this.fail(new Error(`a task could not be sent to a worker thread: ${(err as Error).message}`));
      }
    }
  }

  private onMessage(slot: Slot, name: string, m: WorkerMessage): void {
    if (m.type === 'ready') {
      slot.ready = true;
      if (this.slots.every((s) => s.ready)) for (const w of this.readyWaiters.splice(0)) w.resolve();
      return;
    }
    const t = slot.outstanding.get(m.id);
    if (!t) return;
    if (m.type === 'failed') {
      // Fails this task with the others: a failed batch is lost output.
      this.fail(new Error(`${name} failed: ${m.message}`));
      return;
    }
    slot.outstanding.delete(m.id);
    t.resolve(m.result);
    this.dispatch();
  }

  private fail(err: Error): void {
    if (this.failure || this.closing) return;
    this.failure = err;
    this.rejectAll(err);
    for (const w of this.readyWaiters.splice(0)) w.reject(err);
    void this.close();
  }

  private rejectAll(err: Error): void {
    for (const t of this.queue.splice(0)) t.reject(err);
    for (const s of this.slots) {
      for (const t of s.outstanding.values()) t.reject(err);
      s.outstanding.clear();
    }
  }
}
