// A sequence of compiled stages: Alloy's stages.Pipeline. Before the first stage it copies the
// entry's labels into the extracted map (pipeline.go Run) — also for the nested pipeline of a
// stage.match, which therefore resets extracted keys that share a name with a label.
import type { EntryOutcome, LogEntry } from '../types.ts';
import type { CompiledStage } from './stage.ts';

export class StagePipeline {
  constructor(readonly stages: readonly CompiledStage[]) {}

  process(entry: LogEntry): EntryOutcome[] {
    for (const [k, v] of entry.labels) entry.extracted.set(k, v);
    return this.runFrom(0, entry);
  }

  /** End of input: every stateful stage gives up what it holds, and that goes on downstream. */
  flush(): EntryOutcome[] {
    const out: EntryOutcome[] = [];
    for (let i = 0; i < this.stages.length; i++) {
      const flushed = this.stages[i]!.flush?.() ?? [];
      for (const o of flushed) {
        if (o.kind === 'forward') out.push(...this.runFrom(i + 1, o.entry));
        else out.push(o);
      }
    }
    return out;
  }

  /**
   * Depth first, so outcomes keep the order in which Alloy would emit them. Most stages forward
   * exactly the one entry they were given; that common case walks on in a loop instead of
   * recursing, which is the same order.
   */
  private runFrom(start: number, entry: LogEntry): EntryOutcome[] {
    let i = start;
    let current = entry;
    for (; i < this.stages.length; i++) {
      const produced = this.runStage(i, current);
      if (produced.length === 1 && produced[0]!.kind === 'forward') {
        current = produced[0]!.entry;
        continue;
      }
      const out: EntryOutcome[] = [];
      for (const o of produced) {
        if (o.kind === 'forward') out.push(...this.runFrom(i + 1, o.entry));
        else out.push(o);
      }
      return out;
    }
    return [{ kind: 'forward', entry: current }];
  }

  private runStage(i: number, entry: LogEntry): EntryOutcome[] {
    const stage = this.stages[i]!;
    try {
      return stage.process(entry);
    } catch (e) {
      // A failure of the simulation itself (an engine limit on a hostile line, a bug) must not
      // end the run or pass for a verdict: the entry goes on, marked unknown.
      const message = e instanceof Error ? e.message : String(e);
      entry.unknown.push({ message: `${stage.where}: the simulation failed on this entry: ${message}`, file: stage.file, range: stage.range });
      return [{ kind: 'forward', entry }];
    }
  }
}
