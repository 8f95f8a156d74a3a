// stage.cri (stages/cri.go, stages/cri/parse.go): parses `<time> <stream> <flag> <content>`.
// The line becomes the content, `stream` becomes a label, flags/stream/content/time go into the
// extracted map, and an RFC3339Nano time becomes the entry's timestamp. A line that does not
// parse passes untouched. Partial lines (flag P) are held per label set and joined with the next
// lines of the same stream until a full line (F) arrives; when more than max_partial_lines
// streams hold partial lines, all of them are emitted as they are.
import type { EvaluatedBlock } from '../../config/model.ts';
import type { EntryOutcome, LogEntry } from '../types.ts';
import { StageArgs } from './args.ts';
import { byteLength, sliceBytes } from './go-bytes.ts';
import { parseRFC3339 } from './go-time.ts';
import { addMark, describeWhere, markOf, type CompiledStage } from './stage.ts';

export interface CriConfig {
  maxPartialLines: number;
  maxPartialLineSize: number;
  maxPartialLineSizeTruncate: boolean;
}

export interface ParsedCri {
  time: string;
  stream: 'stdout' | 'stderr';
  flag: 'P' | 'F';
  content: string;
}

// unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space property.
const GO_SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/u;

export function parseCri(line: string): ParsedCri | undefined {
  const sp = line.search(GO_SPACE);
  let time = '';
  let rest = line;
  if (sp >= 0) {
    time = line.slice(0, sp);
    rest = line.slice(sp);
  }
  // Exactly one ASCII space is skipped between fields; other whitespace fails the parse.
  if (!rest.startsWith(' ')) return undefined;
  rest = rest.slice(1);
  let stream: ParsedCri['stream'];
  if (rest.startsWith('stdout')) stream = 'stdout';
  else if (rest.startsWith('stderr')) stream = 'stderr';
  else return undefined;
  rest = rest.slice(6);
  if (!rest.startsWith(' ')) return undefined;
  rest = rest.slice(1);
  let flag: ParsedCri['flag'] = 'F';
  if (rest.startsWith('P')) {
    flag = 'P';
    rest = rest.slice(1);
  } else if (rest.startsWith('F')) {
    rest = rest.slice(1);
  }
  if (rest.startsWith(' ')) rest = rest.slice(1);
  return { time, stream, flag, content: rest };
}

export function readCriConfig(block: EvaluatedBlock): { args: StageArgs; cfg: CriConfig } {
  const args = new StageArgs(block, {
    optional: ['max_partial_lines', 'max_partial_line_size', 'max_partial_line_size_truncate'],
  });
  const cfg = {
    maxPartialLines: args.int('max_partial_lines', 100),
    maxPartialLineSize: args.int('max_partial_line_size', 0),
    maxPartialLineSizeTruncate: args.bool('max_partial_line_size_truncate', false),
  };
  if (cfg.maxPartialLines <= 0) throw args.error('max_partial_lines must be greater than 0', 'max_partial_lines');
  return { args, cfg };
}

/** The label set's identity, standing in for model.LabelSet.Fingerprint. */
export function labelsKey(labels: ReadonlyMap<string, string>): string {
  return JSON.stringify([...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function compileCri(block: EvaluatedBlock): CompiledStage {
  const { cfg } = readCriConfig(block);
  const where = describeWhere(block);
  const partial = new Map<string, LogEntry>();
  const truncate = (e: LogEntry): void => {
    if (cfg.maxPartialLineSizeTruncate && byteLength(e.line) > cfg.maxPartialLineSize) {
      e.line = sliceBytes(e.line, cfg.maxPartialLineSize);
    }
  };
  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(e): EntryOutcome[] {
      const parsed = parseCri(e.line);
      if (!parsed) return [{ kind: 'forward', entry: e }];
      e.extracted.set('flags', parsed.flag);
      e.extracted.set('stream', parsed.stream);
      e.extracted.set('content', parsed.content);
      e.extracted.set('time', parsed.time);
      e.line = parsed.content;
      const ts = parseRFC3339(parsed.time);
      if (ts !== undefined) e.timestampNs = ts;
      e.labels.set('stream', parsed.stream);
      const key = labelsKey(e.labels);

      if (parsed.flag === 'P') {
        if (partial.size >= cfg.maxPartialLines) {
          // Alloy emits the held lines in Go map order (random); here in arrival order.
          const flushed: EntryOutcome[] = [...partial.values()].map((entry) => ({ kind: 'forward', entry }));
          partial.clear();
          truncate(e);
          partial.set(key, e);
          return [...flushed, { kind: 'held', by: where }];
        }
        const prev = partial.get(key);
        if (prev) e.line = prev.line + e.line;
        truncate(e);
        partial.set(key, e);
        return [{ kind: 'held', by: where }];
      }
      const prev = partial.get(key);
      if (prev) {
        e.line = prev.line + e.line;
        truncate(e);
        partial.delete(key);
      }
      return [{ kind: 'forward', entry: e }];
    },
    flush(): EntryOutcome[] {
      // Alloy never times out a partial line: it waits for the final part (and loses it on
      // shutdown). Emit it so it is still checked, but marked: this is not what Alloy forwards.
      const out: EntryOutcome[] = [];
      for (const entry of partial.values()) {
        addMark(entry, markOf(block, `${where}: partial CRI line never completed by end of input; Alloy would still be holding it`));
        out.push({ kind: 'forward', entry });
      }
      partial.clear();
      return out;
    },
  };
}
