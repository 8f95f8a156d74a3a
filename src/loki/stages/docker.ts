// stage.docker (stages/docker.go): parses Docker's json-file lines {"log","stream","time"} with
// encoding/json into a struct, so keys match case-insensitively and the last duplicate wins. An
// unparsable line or an empty `log` leaves the entry alone; otherwise the line becomes `log`,
// `stream` becomes a label, output/stream/timestamp go into extracted.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { parseRFC3339 } from './go-time.ts';
import { goJsonParse } from './go-json.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function parseDockerLine(line: string): { log: string; stream: string; time: string } | undefined {
  const parsed = goJsonParse(line);
  if (!parsed.ok) return undefined;
  const v = parsed.value;
  const out = { log: '', stream: '', time: '' };
  if (v === null) return out;
  if (!(v instanceof Map)) return undefined;
  let typeError = false;
  for (const [k, x] of v) {
    // encoding/json matches field names with Unicode simple case folding: ASCII case, plus the
    // long s (U+017F) that folds to "s" — the only non-ASCII letter in the orbit of log/time/stream.
    const field = k.replace(/[A-Z]/g, (c) => c.toLowerCase()).replaceAll('\u017F', 's');
    if (field !== 'log' && field !== 'stream' && field !== 'time') continue;
    if (x === null) continue;
    if (typeof x !== 'string') {
      typeError = true; // encoding/json keeps decoding but returns the error
      continue;
    }
    out[field] = x;
  }
  return typeError ? undefined : out;
}

export function compileDocker(block: EvaluatedBlock): CompiledStage {
  new StageArgs(block, {});
  return mutatingStage(block, (entry) => {
    const d = parseDockerLine(entry.line);
    if (!d || d.log === '') return;
    entry.extracted.set('output', d.log);
    entry.extracted.set('stream', d.stream);
    entry.extracted.set('timestamp', d.time);
    entry.line = d.log;
    entry.labels.set('stream', d.stream);
    const ts = parseRFC3339(d.time);
    if (ts !== undefined) entry.timestampNs = ts;
  });
}
