// Starts a worker thread from the TypeScript sources (no bundle, e.g. under tsx or vitest): Node 20
// does not apply `--import tsx` to a worker's entry module, so this plain module registers tsx in
// the worker thread first and then loads the entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.alloyScrubWorkerEntry);
