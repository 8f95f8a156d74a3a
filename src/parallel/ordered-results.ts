// Results that complete in any order, handed out strictly in sequence order: batch 3 may finish
// before batch 2, but nobody sees it before batch 2 has been taken. A failure has a place in the
// sequence too: the results before it are still handed out, then the error.
export class OrderedResults<T> {
  private readonly ready = new Map<number, T>();
  private waiting: { seq: number; resolve: (v: T | undefined) => void; reject: (e: unknown) => void } | null = null;
  private failure: { at: number; error: unknown } | null = null;
  /** Number of results there will be, once known. */
  private count: number | null = null;

  put(seq: number, value: T): void {
    if (this.failure && seq >= this.failure.at) return;
    if (this.waiting?.seq === seq) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve(value);
      return;
    }
    this.ready.set(seq, value);
  }

  /** There will be `count` results, numbered 0 to count - 1. */
  close(count: number): void {
    this.count = count;
    if (this.waiting && this.waiting.seq >= count) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve(undefined);
    }
  }

  /** Result number `at` failed: taking it, or any later one, gives the error (the earliest wins). */
  fail(error: unknown, at: number): void {
    if (this.failure && this.failure.at <= at) return;
    this.failure = { at, error };
    for (const seq of [...this.ready.keys()]) if (seq >= at) this.ready.delete(seq);
    if (this.waiting && this.waiting.seq >= at) {
      const w = this.waiting;
      this.waiting = null;
      w.reject(error);
    }
  }

  /** Result number `seq` (taken in order, one at a time); undefined after the last one. */
  take(seq: number): Promise<T | undefined> {
    if (this.failure && seq >= this.failure.at) return Promise.reject(this.failure.error);
    if (this.ready.has(seq)) {
      const v = this.ready.get(seq)!;
      this.ready.delete(seq);
      return Promise.resolve(v);
    }
    if (this.count !== null && seq >= this.count) return Promise.resolve(undefined);
    if (this.waiting) return Promise.reject(new Error('OrderedResults.take: one taker at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { seq, resolve, reject };
    });
  }
}

/** A fixed number of slots: what bounds the batches in flight, from input reading to stdout. */
export class Slots {
  private free: number;
  private readonly queue: ((ok: boolean) => void)[] = [];
  private closed = false;

  constructor(count: number) {
    this.free = count;
  }

  /** Resolves true with a slot, or false once the slots are closed. */
  acquire(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next(true);
    else this.free++;
  }

  /** Wakes every waiter with false; later acquires get false at once. */
  close(): void {
    this.closed = true;
    for (const w of this.queue.splice(0)) w(false);
  }
}
