// `--reporter pretty` (the default): one line per test with its verdict; under a failure, what was
// expected against what came out, with the changed spans marked, the stage that last changed the
// line, and for leaks the detector that saw it.
import { diffWordsWithSpace } from 'diff';
import pc from 'picocolors';
import { summarize } from './json.ts';
import type { Failure, TestResult, TraceStep } from '../types.ts';

export interface PrettyOptions {
  color: boolean;
}

export function renderPretty(results: TestResult[], opts: PrettyOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  let lastFile = '';
  for (const r of results) {
    if (r.file !== lastFile) {
      out.push(c.bold(r.file));
      lastFile = r.file;
    }
    const mark = r.status === 'pass' ? c.green('✓ pass   ') : r.status === 'fail' ? c.red('✗ FAIL   ') : c.yellow('? UNKNOWN');
    out.push(`  ${mark} ${r.name}${r.component ? c.dim(`  (${r.component})`) : ''}`);
    for (const f of r.failures) out.push(...renderFailure(f, c).map((l) => `      ${l}`));
    for (const w of r.warnings) out.push(...renderFailure(w, c, 'warning').map((l) => `      ${l}`));
    if (r.trace) out.push(...renderTrace(r.trace, c).map((l) => `      ${l}`));
  }
  const s = summarize(results);
  out.push('');
  out.push(
    `${c.green(`${s.passed} passed`)}, ${s.failed > 0 ? c.red(`${s.failed} failed`) : `${s.failed} failed`}, ${
      s.unknown > 0 ? c.yellow(`${s.unknown} unknown`) : `${s.unknown} unknown`
    }`,
  );
  return `${out.join('\n')}\n`;
}

type Colors = ReturnType<typeof pc.createColors>;

function renderFailure(f: Failure, c: Colors, level = ''): string[] {
  const head = `${level ? c.yellow(`${level}: `) : ''}${c.bold(`[${f.kind}]`)} ${f.message}`;
  const lines = [head];
  if (f.detector) lines.push(`  detector: ${f.detector}${f.secret ? `, value ${f.secret}` : ''}`);
  else if (f.secret) lines.push(`  value: ${f.secret}`);
  if (f.expected !== undefined && f.actual !== undefined) {
    lines.push(`  ${c.dim('expected:')} ${markDiff(f.expected, f.actual, c, 'expected')}`);
    lines.push(`  ${c.dim('actual:  ')} ${markDiff(f.expected, f.actual, c, 'actual')}`);
  } else if (f.expected !== undefined) {
    lines.push(`  ${c.dim('expected:')} ${f.expected}`);
  } else if (f.actual !== undefined) {
    lines.push(`  ${c.dim('actual:  ')} ${f.actual}`);
  }
  if (f.lastChange) lines.push(`  ${c.dim('last changed by:')} ${f.lastChange}`);
  return lines.flatMap((l) => l.split('\n').map((x, i) => (i === 0 ? x : `            ${x}`)));
}

/** The text with the spans that differ from the other side marked: colour on a terminal,
 * brackets elsewhere so a CI log still shows them. */
function markDiff(expected: string, actual: string, c: Colors, side: 'expected' | 'actual'): string {
  const parts = diffWordsWithSpace(expected, actual);
  return parts
    .map((p) => {
      if (side === 'expected' && p.added) return '';
      if (side === 'actual' && p.removed) return '';
      if (!p.added && !p.removed) return p.value;
      if (!c.isColorSupported) return side === 'expected' ? `[-${p.value}-]` : `{+${p.value}+}`;
      return side === 'expected' ? c.bgRed(c.white(p.value)) : c.bgGreen(c.black(p.value));
    })
    .join('');
}

function renderTrace(trace: TraceStep[][], c: Colors): string[] {
  const lines: string[] = [];
  trace.forEach((steps, i) => {
    lines.push(c.dim(`trace of input ${i + 1}:`));
    let previous: TraceStep | undefined;
    for (const s of steps) {
      const changed = previous !== undefined && previous.line !== s.line;
      const line = previous ? markDiff(previous.line, s.line, c, 'actual') : s.line;
      lines.push(`  ${changed ? c.yellow('*') : ' '} ${c.bold(s.step)}${s.dropped ? c.red(`  dropped: ${s.dropped}`) : ''}`);
      lines.push(`      line:      ${line}`);
      lines.push(`      labels:    ${JSON.stringify(s.labels)}`);
      lines.push(`      extracted: ${JSON.stringify(s.extracted)}`);
      previous = s;
    }
  });
  return lines;
}
