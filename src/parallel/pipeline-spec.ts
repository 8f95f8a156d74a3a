// What a worker thread needs to build the same log path runner as the main thread: the config's
// text (not re-read from disk, so both see the same bytes), where the run starts, the run's clock
// and the process-wide settings that shape compilation (regex engine, stage prefilters).
import { configRelativeReader } from '../cli/config-loading.ts';
import { loadConfig } from '../config/load.ts';
import type { ConfigModel } from '../config/model.ts';
import { buildLogPath, type LogPathRunner } from '../loki/graph.ts';
import { setStagePrefilters, stagePrefiltersEnabled } from '../loki/stages/prefilter-switch.ts';
import { getDefaultEngine, setDefaultEngine, type EngineName } from '../regex/index.ts';

export interface PipelineSpec {
  configFile: string;
  configSource: string;
  /** Values for env() in the config; the main thread's process environment by default. */
  env?: Record<string, string>;
  startId: string;
  nowNs: bigint;
  /** Whether components may read the files they name, relative to the config (run and fuzz do). */
  readFiles: boolean;
  engine: EngineName;
  stagePrefilters: boolean;
}

/** The spec of a runner built in this thread now, with the current engine and prefilter settings. */
export function pipelineSpec(fields: Omit<PipelineSpec, 'engine' | 'stagePrefilters'>): PipelineSpec {
  return { ...fields, engine: getDefaultEngine(), stagePrefilters: stagePrefiltersEnabled() };
}

/** In a worker: applies the settings and builds the model and runner the spec describes. */
export function buildFromSpec(spec: PipelineSpec): { model: ConfigModel; runner: LogPathRunner } {
  setDefaultEngine(spec.engine);
  setStagePrefilters(spec.stagePrefilters);
  const model = loadConfig(spec.configSource, spec.configFile, { env: spec.env ?? (process.env as Record<string, string>) });
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  // The main thread loaded the same text without errors; anything else is a bug, not a user error.
  if (errors.length > 0) throw new Error(`the configuration did not load in the worker thread: ${errors[0]!.message}`);
  const readFile = spec.readFiles ? configRelativeReader(spec.configFile) : undefined;
  return { model, runner: buildLogPath(model, spec.startId, { nowNs: spec.nowNs, readFile }) };
}
