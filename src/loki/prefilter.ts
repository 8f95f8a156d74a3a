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
import { combinedByteScreen, literalScreen, type LiteralScreen } from '../regex/literal-screen.ts';
import type { SinkInfo } from './graph.ts';
import { secretFilterPassThrough } from './secretfilter/screen.ts';
import { buildReplaceSet, lineReplaceExpression } from './replace-set.ts';

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
export function passThroughScreen(model: ConfigModel, startId: string, paths: readonly SinkInfo[]): ((bytes: Buffer) => boolean) | null {
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
  if (screens.every((s) => s !== null)) return combinedByteScreen(screens as LiteralScreen[]);
  const set = buildReplaceSet(expressions);
  if (set === null) return null;
  return (bytes) => !isUtf8(bytes) || set.test(bytes);
}
