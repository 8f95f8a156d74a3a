// stage.luhn (stages/luhn.go): replaces digit runs of at least min_length digits that pass the
// Luhn check. What it really does, which the docs do not say:
//  * with `source`, the extracted value (only if it is a Go string) is scanned and the result is
//    written to the LOG LINE, replacing the whole line; the extracted value is not changed;
//  * runs longer than int64 (19+ significant digits) fail strconv.Atoi and are never redacted;
//  * non-ASCII digits (unicode.IsDigit) join a run but make Atoi fail, so that run is kept;
//  * the line is rebuilt rune by rune, so invalid UTF-8 bytes come out as U+FFFD;
//  * with `delimiters`, only the last delimiter after a redacted number is kept.
import type { EvaluatedBlock } from '../../config/model.ts';
import type { GoRegexp } from '../../regex/index.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex } from './common.ts';
import { byteLength } from './go-bytes.ts';
import { mutatingStage, type CompiledStage } from './stage.ts';

export interface LuhnConfig {
  replacement: string;
  source: string | undefined;
  minLength: number;
  delimiters: string;
  skipRegex: string;
}

export function readLuhnConfig(block: EvaluatedBlock): { args: StageArgs; cfg: LuhnConfig } {
  const args = new StageArgs(block, { optional: ['replacement', 'source', 'min_length', 'delimiters', 'skip_regex'] });
  const replacement = args.string('replacement');
  const minLength = args.int('min_length');
  return {
    args,
    cfg: {
      replacement: replacement === '' ? '**REDACTED**' : replacement,
      source: args.optionalString('source'),
      minLength: minLength < 1 ? 13 : minLength,
      delimiters: args.string('delimiters'),
      skipRegex: args.string('skip_regex'),
    },
  };
}

export function compileLuhn(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readLuhnConfig(block);
  if (cfg.source === '') throw buildError(args, 'empty source', 'source');
  const skip = cfg.skipRegex === '' ? undefined : compileStageRegex(args, 'skip_regex', cfg.skipRegex, 'could not compile regular expression: ');
  return mutatingStage(block, (entry) => {
    let input = entry.line;
    if (cfg.source !== undefined) {
      const v = entry.extracted.get(cfg.source);
      if (typeof v !== 'string') return; // absent, or not a Go string (value.(string) fails)
      input = v;
    }
    entry.line = redactLuhn(input, cfg, skip);
  });
}

const INT64_MAX = 9223372036854775807n;
const GO_DIGIT = /^\p{Nd}$/u;

/** strconv.Atoi succeeds and the value passes the Luhn check. */
export function isLuhnNumber(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits) || BigInt(digits) > INT64_MAX) return false;
  let sum = 0;
  for (let i = digits.length - 1, k = 0; i >= 0; i--, k++) {
    let d = digits.charCodeAt(i) - 48;
    if (k % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** One Go rune of the input at index i: [the rune as written out, width in UTF-16 units]. */
function runeAt(s: string, i: number): [string, number] {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [s.slice(i, i + 2), 2];
  }
  if (c >= 0xd800 && c <= 0xdfff) return ['\uFFFD', 1]; // an invalid byte ranges as RuneError
  return [s[i]!, 1];
}

export function redactLuhn(input: string, cfg: LuhnConfig, skip: GoRegexp | undefined): string {
  let out = '';
  let digits = '';
  let text = ''; // the run as written: digits and absorbed delimiters
  let trailing = ''; // the last delimiter absorbed after the last digit
  let start = -1;
  let digitsEnd = -1;
  let skipMatches: [number, number][] | undefined;
  let skipIdx = 0;
  const isSkipped = (s: number, e: number): boolean => {
    skipMatches ??= skip!.findAllStringIndex(input, -1);
    while (skipIdx < skipMatches.length && skipMatches[skipIdx]![1] <= s) skipIdx++;
    if (skipIdx === skipMatches.length) return false;
    const m = skipMatches[skipIdx]!;
    return m[0] <= s && e <= m[1];
  };
  const flush = (): void => {
    if (digits !== '') {
      // currentNumber.Len() is a byte count.
      if (byteLength(digits) >= cfg.minLength && isLuhnNumber(digits)) {
        if (skip && isSkipped(start, digitsEnd)) out += text;
        else out += cfg.replacement + trailing;
      } else {
        out += text; // the run as written (digits, plus absorbed delimiters if any)
      }
    }
    digits = '';
    text = '';
    trailing = '';
    start = -1;
    digitsEnd = -1;
  };
  for (let i = 0; i < input.length; ) {
    const [r, w] = runeAt(input, i);
    if (GO_DIGIT.test(r)) {
      if (start === -1) start = i;
      digits += r;
      text += r;
      digitsEnd = i + w;
      trailing = '';
    } else if (cfg.delimiters !== '' && cfg.delimiters.includes(r) && digits !== '') {
      text += r;
      trailing = r;
    } else {
      flush();
      out += r;
    }
    i += w;
  }
  flush();
  return out;
}
