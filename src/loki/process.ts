// loki.process: compiles a component's `stage.*` blocks, in order, into a simulation that runs
// entries the way Alloy's loki.process does. `forward_to` is the graph runner's business.
import { ConfigError } from '../config/errors.ts';
import type { Component } from '../config/model.ts';
import { screenReplaceStagesWithSet } from './replace-set.ts';
import { compileStages } from './stages/index.ts';
import { StagePipeline } from './stages/pipeline.ts';
import { defaultContext, type StageContext } from './stages/stage.ts';
import { cloneEntry, type EntryOutcome, type LogEntry, type LokiComponentSimulation } from './types.ts';

export interface LokiProcessOptions {
  /** Alloy's wall clock for the run, Unix nanoseconds (drop.older_than, pack, timestamp). */
  nowNs?: bigint;
  /** Seed for stage.sampling's stand-in random source. */
  samplingSeed?: number;
}

export function compileLokiProcess(component: Component, opts: LokiProcessOptions = {}): LokiComponentSimulation {
  for (const b of component.blocks) {
    if (!b.name.startsWith('stage.')) {
      throw new ConfigError(`unrecognized block name "${b.name}"`, b.file, b.range);
    }
  }
  const base = defaultContext();
  const ctx: StageContext = {
    nowNs: opts.nowNs ?? base.nowNs,
    samplingSeed: opts.samplingSeed ?? base.samplingSeed,
    path: [],
  };
  // With the native engine, one RE2.Set picks the stage.replace rules that can match a line.
  const pipeline = new StagePipeline(screenReplaceStagesWithSet(component.blocks, compileStages(component.blocks, ctx)));
  return {
    id: component.id,
    // Alloy clones each entry as it enters the component; the caller's entry stays as it was.
    process: (entry: LogEntry): EntryOutcome[] => pipeline.process(cloneEntry(entry)),
    flush: (): EntryOutcome[] => pipeline.flush(),
  };
}

export { describeLokiProcess, describeStage } from './stages/describe.ts';
export type { StageDescription, StageEffect, StageRegex } from './stages/describe.ts';
export { compileStage } from './stages/index.ts';
export { DEFAULT_NOW_NS, defaultContext } from './stages/stage.ts';
export type { CompiledStage, StageContext } from './stages/stage.ts';
export { parseSelector, matchesLabels, matchesLine } from './logql/selector.ts';
export type { Selector } from './logql/selector.ts';
