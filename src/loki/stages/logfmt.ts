// stage.logfmt (stages/logfmt.go, go-logfmt's Decoder): extracts key=value pairs. `mapping` maps
// extracted names to logfmt keys (an empty key means the same name); `regex` extracts every key
// that matches under its own name. Values are always strings (a bare key gives ""). A syntax
// error stops decoding, but what was extracted before it stays.
import type { EvaluatedBlock } from '../../config/model.ts';
import type { GoRegexp } from '../../regex/index.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex, sourceString } from './common.ts';
import { byteLength } from './go-bytes.ts';
import { goJsonParse } from './go-json.ts';
import { isValidUtf8 } from './go-values.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export function readLogfmtConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { optional: ['mapping', 'source', 'regex'] });
  return {
    args,
    cfg: {
      mapping: args.stringMap('mapping', false) ?? new Map<string, string | null>(),
      source: args.string('source'),
      regex: args.string('regex'),
    },
  };
}

/** bufio.Scanner's default token limit: a longer line stops the decoder with ErrTooLong. */
const MAX_RECORD_BYTES = 64 * 1024;

/** go-logfmt key/value pairs of the text, in order, up to the first syntax error. */
export function decodeLogfmt(text: string): [string, string][] {
  const out: [string, string][] = [];
  // bufio.ScanLines: split on \n, drop one trailing \r.
  const records = text.split('\n');
  if (records.length > 1 && records[records.length - 1] === '') records.pop();
  for (let rec of records) {
    if (rec.endsWith('\r')) rec = rec.slice(0, -1);
    if (byteLength(rec) >= MAX_RECORD_BYTES) return out;
    let pos = 0;
    const n = rec.length;
    const le = (i: number): boolean => rec.charCodeAt(i) <= 0x20;
    while (true) {
      while (pos < n && le(pos)) pos++;
      if (pos >= n) break;
      const start = pos;
      let key: string | undefined;
      let sawEq = false;
      for (; pos < n; pos++) {
        const c = rec[pos]!;
        if (c === '=') {
          sawEq = true;
          break;
        }
        if (c === '"') return out;
        if (le(pos)) break;
      }
      if (pos > start) key = rec.slice(start, pos);
      if (key !== undefined && (key.includes('\uFFFD') || !isValidUtf8(key))) return out; // invalid key
      if (!sawEq) {
        if (key !== undefined) out.push([key, '']);
        continue;
      }
      if (key === undefined) return out; // `=` with no key
      pos++; // past '='
      if (pos >= n || le(pos)) {
        out.push([key, '']);
        continue;
      }
      if (rec[pos] === '"') {
        let esc = false;
        let hasEsc = false;
        let end = -1;
        for (let j = pos + 1; j < n; j++) {
          const c = rec[j]!;
          if (esc) esc = false;
          else if (c === '\\') {
            esc = true;
            hasEsc = true;
          } else if (c === '"') {
            end = j;
            break;
          }
        }
        if (end < 0) return out; // unterminated quoted value
        const quoted = rec.slice(pos, end + 1);
        let value: string;
        if (hasEsc) {
          const parsed = goJsonParse(quoted);
          if (!parsed.ok || typeof parsed.value !== 'string') return out; // invalid quoted value
          value = parsed.value;
        } else value = quoted.slice(1, -1);
        out.push([key, value]);
        pos = end + 1;
        continue;
      }
      const vstart = pos;
      for (; pos < n; pos++) {
        const c = rec[pos]!;
        if (c === '=' || c === '"') return out;
        if (le(pos)) break;
      }
      out.push([key, rec.slice(vstart, pos)]);
    }
  }
  return out;
}

export function compileLogfmt(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readLogfmtConfig(block);
  if (cfg.mapping.size === 0 && cfg.regex === '') throw buildError(args, 'logfmt mapping or regex is required');
  const inverse = new Map<string, string>();
  for (const [k, v] of cfg.mapping) inverse.set(v === '' || v === null ? k : v, k);
  let re: GoRegexp | undefined;
  if (cfg.regex !== '') re = compileStageRegex(args, 'regex', cfg.regex, '');
  return mutatingStage(block, (entry) => {
    let input = entry.line;
    if (cfg.source !== '') {
      const s = sourceString(entry.extracted, cfg.source);
      if (s === undefined) return;
      input = s;
    }
    for (const [k, v] of decodeLogfmt(input)) {
      const mapped = inverse.get(k);
      if (mapped !== undefined) entry.extracted.set(mapped, v);
      if (re && re.matchString(k)) entry.extracted.set(k, v);
    }
  });
}
