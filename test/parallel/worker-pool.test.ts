// WorkerPool with a stand-in worker program (fixtures/test-worker.mjs): how tasks are spread and
// how every kind of worker failure ends the tasks with an error instead of a wait.
import { describe, expect, it } from 'vitest';
import type { WorkerJob } from '../../src/parallel/protocol.ts';
import { WorkerPool } from '../../src/parallel/worker-pool.ts';

const script = { url: new URL('fixtures/test-worker.mjs', import.meta.url) };
const pool = (behaviour: string, size = 2): WorkerPool => new WorkerPool(size, { behaviour } as unknown as WorkerJob, { script });

describe('WorkerPool', () => {
  it('answers each task with its own result', async () => {
    const p = pool('answer');
    try {
      const results = await Promise.all([1, 2, 3].map((n) => p.run<{ task: number }>(n)));
      expect(results.map((r) => r.task)).toEqual([1, 2, 3]);
    } finally {
      await p.close();
    }
  });

  it('spreads tasks over its workers', async () => {
    const p = pool('answer');
    try {
      const results = await Promise.all([1, 2, 3, 4].map((n) => p.run<{ threadId: number }>(n)));
      expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
    } finally {
      await p.close();
    }
  });

  it('is ready once every worker has started', async () => {
    const p = pool('answer');
    try {
      await expect(p.ready()).resolves.toBeUndefined();
    } finally {
      await p.close();
    }
  });

  it('fails every task, with the worker named, when a worker crashes', async () => {
    const p = pool('crash');
    try {
      const tasks = [1, 2, 3].map((n) => p.run(n));
      for (const t of tasks) await expect(t).rejects.toThrow(/^worker thread \d of 2 failed: crashed on a task$/);
      await expect(p.run(4)).rejects.toThrow('crashed on a task');
    } finally {
      await p.close();
    }
  });

  it('fails the tasks when a worker stops', async () => {
    const p = pool('exit', 1);
    try {
      await expect(p.run(1)).rejects.toThrow('worker thread 1 of 1 stopped unexpectedly (exit code 3)');
    } finally {
      await p.close();
    }
  });

  it('fails the run when a task fails', async () => {
    const p = pool('fail-task', 1);
    try {
      await expect(p.run(1)).rejects.toThrow('worker thread 1 of 1 failed: the task threw');
    } finally {
      await p.close();
    }
  });

  it('fails when a worker cannot start', async () => {
    const p = pool('fail-at-start', 1);
    try {
      await expect(p.ready()).rejects.toThrow('worker thread 1 of 1 failed: cannot build the runner');
    } finally {
      await p.close();
    }
  });

  it('refuses tasks once closed', async () => {
    const p = pool('answer', 1);
    await p.close();
    await expect(p.run(1)).rejects.toThrow('the worker pool is closed');
  });
});
