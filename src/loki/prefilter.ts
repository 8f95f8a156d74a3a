// Line prefilters for the text fast path of `run`: decide from a line's raw bytes, before it is
// decoded or becomes an entry, that no rule of the pipeline can change it, so the bytes can be
// written out as they came in.
//
// This is only sound where "no rule matches" really means "nothing happens", so it is offered for
// one shape of pipeline only: the start component is a loki.process made of stage.replace blocks
// without `source`, and its entries go to sinks (or nowhere) and to no other component. For such a
// stage, a line without a match is left untouched with no mark, no extracted value and no error
// (replace.go returns before anything else when FindAllStringSubmatchIndex finds nothing), and
// when the first stage does not change the line the next stage sees the same line. Every rule
// should have required literals (analyseRegex). When one has none and the native engine is the
// default, an RE2.Set of all the expressions screens the bytes instead (replace-set.ts), for valid
// UTF-8 lines only: C++ RE2 does not read an invalid byte as U+FFFD the way Go does.
// The runner must have one path: with several, text output repeats each line once per sink.
import { Buffer, isUtf8 } from 'node:buffer';
import type { ConfigModel } from '../config/model.ts';
import { analyseRegex } from '../regex/index.ts';
import { combinedByteScanner, combinedByteScreen, literalScreen, type LiteralScreen } from '../regex/literal-screen.ts';
import type { SinkInfo } from './graph.ts';
import { secretFilterPassThrough } from './secretfilter/screen.ts';
import { lineReplaceExpression, replaceRuleSet, type ReplaceRuleSet } from './replace-set.ts';
import type { RawLine } from './line-codec.ts';
import type { PassThroughScreen } from './run-stream.ts';

const SINKS = new Set(['loki.write', 'loki.echo']);

/** The screen of one stage.replace expression, or null when the analyser proves nothing usable. */
export function replaceExpressionScreen(expression: string): LiteralScreen | null {
  try {
    return literalScreen(analyseRegex(expression).requiredLiterals);
  } catch {
    return null; // a pattern Go rejects: the compiler reports it, the screen just stays out
  }
}

/**
 * For a text-in/text-out run starting at `startId`: a test on a line's bytes that is false only
 * when the line provably leaves the pipeline unchanged; null when the pipeline is not of the shape
 * described above.
 */
export function passThroughScreen(model: ConfigModel, startId: string, paths: readonly SinkInfo[]): PassThroughScreen | null {
  // An unknown sink marks every entry (a warning on stderr): not a pass-through.
  if (paths.length !== 1 || paths[0]!.kind === 'unknown') return null;
  const start = model.components.get(startId);
  if (!start || start.custom || (start.componentName !== 'loki.process' && start.componentName !== 'loki.secretfilter')) return null;
  for (const e of model.edges) {
    if (e.from !== startId || e.kind === 'reference') continue;
    const target = model.components.get(e.to);
    if (!target || !SINKS.has(target.componentName)) return null;
  }
  if (start.componentName === 'loki.secretfilter') return secretFilterPassThrough(start);
  const expressions: string[] = [];
  for (const block of start.blocks) {
    const expression = lineReplaceExpression(block);
    if (expression === null) return null;
    expressions.push(expression);
  }
  if (expressions.length === 0) return () => false;
  const screens = expressions.map(replaceExpressionScreen);
  const rules = replaceRuleSet(expressions);
  if (screens.every((s) => s !== null)) return literalPassThrough(screens as LiteralScreen[], rules);
  if (rules === null) return null;
  // The set's answer for a candidate line is handed to the stages (which share `rules`), so they
  // do not ask again about the same line.
  let askedBytes: Buffer | null = null;
  let askedHits: number[] = [];
  const screen: PassThroughScreen = (bytes) => {
    if (!isUtf8(bytes)) return true;
    askedBytes = bytes;
    askedHits = rules.hitsForBytes(bytes);
    return askedHits.length > 0;
  };
  screen.decoded = (bytes, line) => {
    if (bytes === askedBytes) rules.remember(line, askedHits);
    askedBytes = null;
  };
  return screen;
}

/**
 * Every rule has required literals: a line without any of them passes through. Lines are screened
 * a region at a time (all lines of one input chunk), and a line that may change has the rule set's
 * answer (when there is one) handed to the stages, which then skip the rules that cannot match.
 */
function literalPassThrough(screens: readonly LiteralScreen[], rules: ReplaceRuleSet | null): PassThroughScreen {
  const scan = combinedByteScanner(screens);
  const screen: PassThroughScreen = Object.assign(combinedByteScreen(screens), {
    lines: (lines: readonly RawLine[]) => screenLineRegions(lines, scan, screen),
  });
  if (rules !== null) {
    screen.decoded = (bytes: Buffer, line: string) => {
      if (isUtf8(bytes)) rules.remember(line, rules.hitsForBytes(bytes));
    };
  }
  return screen;
}

/**
 * 1 for each line that may change. Consecutive lines cut from one buffer are scanned as one region
 * (from the first line's start to the last line's end, line ends included). A possible literal
 * found at an offset marks the line it starts in — also when it starts in a line end or runs on
 * into the next line, which only marks a line that a per-line test would have let pass — and the
 * scan goes on from the start of the next line, so a line's own literals are always found.
 */
export function screenLineRegions(lines: readonly RawLine[], scan: (region: Buffer, onHit: (offset: number) => number) => void, perLine: (bytes: Buffer) => boolean): Uint8Array {
  const flags = new Uint8Array(lines.length);
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (first.kind !== 'line') {
      flags[i++] = 1;
      continue;
    }
    // The longest run of lines that follow each other in the same memory.
    let j = i + 1;
    let end = first.bytes.byteOffset + first.bytes.length;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.kind !== 'line' || l.bytes.buffer !== first.bytes.buffer || l.bytes.byteOffset < end) break;
      end = l.bytes.byteOffset + l.bytes.length;
    }
    if (j - i === 1) {
      flags[i] = perLine(first.bytes) ? 1 : 0;
      i = j;
      continue;
    }
    const base = first.bytes.byteOffset;
    const region = Buffer.from(first.bytes.buffer, base, end - base);
    let k = i;
    const runEnd = j;
    scan(region, (offset) => {
      const at = base + offset;
      while (k + 1 < runEnd && (lines[k + 1] as { bytes: Buffer }).bytes.byteOffset <= at) k++;
      flags[k] = 1;
      return k + 1 < runEnd ? (lines[k + 1] as { bytes: Buffer }).bytes.byteOffset - base : region.length;
    });
    i = j;
  }
  return flags;
}
