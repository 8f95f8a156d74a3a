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

  /** Depth first, so outcomes keep the order in which Alloy would emit them. */
  private runFrom(start: number, entry: LogEntry): EntryOutcome[] {
    if (start >= this.stages.length) return [{ kind: 'forward', entry }];
    const out: EntryOutcome[] = [];
    const stage = this.stages[start]!;
    let produced: EntryOutcome[];
    try {
      produced = stage.process(entry);
    } catch (e) {
      // A failure of the simulation itself (an engine limit on a hostile line, a bug) must not
      // end the run or pass for a verdict: the entry goes on, marked unknown.
      const message = e instanceof Error ? e.message : String(e);
      entry.unknown.push({ message: `${stage.where}: the simulation failed on this entry: ${message}`, file: stage.file, range: stage.range });
      produced = [{ kind: 'forward', entry }];
    }
    for (const o of produced) {
      if (o.kind === 'forward') out.push(...this.runFrom(start + 1, o.entry));
      else out.push(o);
    }
    return out;
  }
}
