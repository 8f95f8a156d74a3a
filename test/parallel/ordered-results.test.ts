import { describe, expect, it } from 'vitest';
import { OrderedResults, Slots } from '../../src/parallel/ordered-results.ts';

describe('OrderedResults', () => {
  it('hands out results in sequence order when they complete in reverse order', async () => {
    const r = new OrderedResults<string>();
    const taken: string[] = [];
    const taker = (async () => {
      for (let seq = 0; ; seq++) {
        const v = await r.take(seq);
        if (v === undefined) return;
        taken.push(v);
      }
    })();
    for (const seq of [3, 2, 1, 0]) r.put(seq, `batch ${seq}`);
    r.close(4);
    await taker;
    expect(taken).toEqual(['batch 0', 'batch 1', 'batch 2', 'batch 3']);
  });

  it('does not hand out a later result while an earlier one is missing', async () => {
    const r = new OrderedResults<string>();
    r.put(1, 'second');
    let first: string | undefined;
    const taking = r.take(0).then((v) => (first = v));
    await Promise.resolve();
    expect(first).toBeUndefined();
    r.put(0, 'first');
    await taking;
    expect(first).toBe('first');
    expect(await r.take(1)).toBe('second');
  });

  it('says there is nothing more once every result was taken', async () => {
    const r = new OrderedResults<number>();
    r.put(0, 7);
    r.close(1);
    expect(await r.take(0)).toBe(7);
    expect(await r.take(1)).toBeUndefined();
  });

  it('fails the taker of the failed result, after handing out the results before it', async () => {
    const r = new OrderedResults<number>();
    r.put(0, 10);
    r.put(2, 12);
    r.fail(new Error('worker thread 1 of 2 failed: boom'), 1);
    expect(await r.take(0)).toBe(10);
    await expect(r.take(1)).rejects.toThrow('boom');
  });

  it('fails a taker that is already waiting for the failed result', async () => {
    const r = new OrderedResults<number>();
    const waiting = r.take(0);
    r.fail(new Error('boom'), 0);
    await expect(waiting).rejects.toThrow('boom');
  });

  it('keeps the earliest failure when several results fail', async () => {
    const r = new OrderedResults<number>();
    r.fail(new Error('later'), 3);
    r.fail(new Error('earlier'), 1);
    r.put(0, 1);
    expect(await r.take(0)).toBe(1);
    await expect(r.take(1)).rejects.toThrow('earlier');
  });
});

describe('Slots', () => {
  it('makes the next taker wait until a slot is given back', async () => {
    const s = new Slots(1);
    expect(await s.acquire()).toBe(true);
    let second: boolean | undefined;
    const waiting = s.acquire().then((v) => (second = v));
    await Promise.resolve();
    expect(second).toBeUndefined();
    s.release();
    await waiting;
    expect(second).toBe(true);
  });

  it('wakes waiters with false when closed', async () => {
    const s = new Slots(0);
    const waiting = s.acquire();
    s.close();
    expect(await waiting).toBe(false);
    expect(await s.acquire()).toBe(false);
  });
});
