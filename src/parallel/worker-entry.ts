// The program of a worker thread: builds the runner its job describes, says ready, then answers
// every task. Started by WorkerPool, from dist/alloy-scrub-worker.mjs in the bundled build or
// through worker-boot.mjs from the sources.
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { fuzzWorker } from './fuzz-worker.ts';
import type { TaskMessage, WorkerData, WorkerMessage } from './protocol.ts';
import { runWorker } from './run-worker.ts';

export type TaskHandler = (task: unknown) => Promise<{ result: unknown; transfer: TransferListItem[] }>;

const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs in a worker thread only');
const { job } = workerData as WorkerData;
// A setup failure is thrown: the pool sees it as the worker's error and fails the run with it.
const handle: TaskHandler = job.kind === 'run' ? runWorker(job) : fuzzWorker(job);
const post = (m: WorkerMessage, transfer: TransferListItem[] = []): void => port.postMessage(m, transfer);

port.on('message', (msg: TaskMessage) => {
  handle(msg.task).then(
    ({ result, transfer }) => post({ type: 'result', id: msg.id, result }, transfer),
    (err: unknown) => post({ type: 'failed', id: msg.id, message: (err as Error)?.message ?? String(err) }),
  );
});
post({ type: 'ready' });
