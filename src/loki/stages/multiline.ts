// stage.multiline (stages/multiline.go): per label set, a line matching `firstline` starts a
// block; following lines are appended (joined with "\n", trailing \r\n trimmed when
// trim_newlines) until the next first line, max_lines lines, or the end of input. The block
// comes out as one entry carrying the first line's labels, timestamp and extracted values. Lines
// seen before any first line pass through alone.
//
// Alloy also flushes a block after max_wait_time of wall-clock silence; here all input arrives at
// once, so only first lines, max_lines and the end of input (flush) close a block.
import type { EvaluatedBlock } from '../../config/model.ts';
import { cloneEntry, type EntryOutcome, type LogEntry, type UnknownMark } from '../types.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex } from './common.ts';
import { labelsKey } from './cri.ts';
import { describeWhere, type CompiledStage } from './stage.ts';

interface BlockState {
  lines: string[];
  start: LogEntry | undefined;
  marks: UnknownMark[];
}

export function readMultilineConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { required: ['firstline'], optional: ['max_lines', 'max_wait_time', 'trim_newlines'] });
  const cfg = {
    firstline: args.string('firstline'),
    maxLines: args.int('max_lines', 128),
    maxWaitNs: args.durationNs('max_wait_time') ?? 3_000_000_000n,
    trimNewlines: args.bool('trim_newlines', true),
  };
  if (cfg.maxWaitNs <= 0n) throw args.error('max_wait_time must be greater than 0', 'max_wait_time');
  return { args, cfg };
}

export function compileMultiline(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readMultilineConfig(block);
  if (cfg.firstline === '') throw buildError(args, 'multiline stage config must define `firstline` regular expression', 'firstline');
  const re = compileStageRegex(args, 'firstline', cfg.firstline, 'multiline stage first line regex compilation error: ');
  const where = describeWhere(block);
  const streams = new Map<string, BlockState>();

  const flushState = (s: BlockState): EntryOutcome => {
    const start = s.start!;
    const e = cloneEntry(start);
    e.line = s.lines.join('\n');
    // Fail closed: a mark on any line of the block is a mark on the block.
    for (const m of s.marks) if (!e.unknown.includes(m)) e.unknown.push(m);
    s.lines = [];
    s.marks = [];
    return { kind: 'forward', entry: e };
  };

  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(e): EntryOutcome[] {
      const key = labelsKey(e.labels);
      let state = streams.get(key);
      const out: EntryOutcome[] = [];
      const isFirst = re.matchString(e.line);
      if (!state) {
        if (!isFirst) return [{ kind: 'forward', entry: e }];
        state = { lines: [], start: undefined, marks: [] };
        streams.set(key, state);
      }
      if (isFirst && state.lines.length > 0) out.push(flushState(state));
      // A continuation after a flush still belongs to the previous first line (Alloy keeps it).
      if (isFirst) state.start = e;
      state.lines.push(cfg.trimNewlines ? e.line.replace(/[\r\n]+$/, '') : e.line);
      for (const m of e.unknown) if (!state.marks.includes(m)) state.marks.push(m);
      if (state.lines.length === cfg.maxLines) out.push(flushState(state));
      else out.push({ kind: 'held', by: where });
      return out;
    },
    flush(): EntryOutcome[] {
      const out: EntryOutcome[] = [];
      for (const s of streams.values()) if (s.lines.length > 0) out.push(flushState(s));
      streams.clear();
      return out;
    },
  };
}
