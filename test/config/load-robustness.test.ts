// loadConfig reads untrusted text: whatever the input, it returns a model with diagnostics and
// never throws. Inputs are bundled samples with lines dropped, duplicated or swapped, and random
// expressions put in attribute position.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';

const DIR = join(import.meta.dirname, '../../samples/configs');
const SAMPLES = readdirSync(DIR)
  .filter((f) => f.endsWith('.alloy'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

const edit = fc.record({
  kind: fc.constantFrom('drop', 'duplicate', 'swap'),
  at: fc.nat(),
  other: fc.nat(),
});

function mutate(src: string, edits: Array<{ kind: string; at: number; other: number }>): string {
  const lines = src.split('\n');
  for (const e of edits) {
    const i = e.at % lines.length;
    const j = e.other % lines.length;
    if (e.kind === 'drop') lines.splice(i, 1);
    else if (e.kind === 'duplicate') lines.splice(i, 0, lines[j]!);
    else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    if (lines.length === 0) lines.push('');
  }
  return lines.join('\n');
}

test.prop([fc.nat(), fc.array(edit, { minLength: 1, maxLength: 6 })], { numRuns: 300 })(
  'loads mutated sample configs without throwing',
  (pick, edits) => {
    const src = mutate(SAMPLES[pick % SAMPLES.length]!, edits);
    const m = loadConfig(src, 'mutated.alloy', { env: {}, readFile: () => 'declare "x" {}\n' });
    expect(Array.isArray(m.diagnostics)).toBe(true);
  },
);

const atom = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.constantFrom('1.5', '"s"', 'true', 'null', '[]', '{}', 'env("X")', 'constants.hostname', 'loki.echo.e.receiver', 'discovery.kubernetes.k.targets', 'string.format("%d", 1)', 'array.concat([1], [2])', 'encoding.from_json("{}")', 'nope.x'),
);
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '^', '==', '!=', '<', '>=', '&&', '||'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('e').map((a) => `(${a})`),
    tie('e').map((a) => `!${a}`),
    fc.array(tie('e'), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a}[${b}]`),
    tie('e').map((a) => `{k = ${a}}.k`),
  ),
})).e as fc.Arbitrary<string>;

test.prop([expr], { numRuns: 500 })('evaluates random expressions into a value or a diagnostic, never a throw', (e) => {
  const src = `loki.echo "e" {}\ndiscovery.kubernetes "k" {\n  role = "pod"\n}\nloki.process "p" {\n  stage.static_labels {\n    values = { v = ${e} }\n  }\n  forward_to = []\n}\n`;
  const m = loadConfig(src, 'expr.alloy', { env: {} });
  const p = m.components.get('loki.process.p');
  const ok = p !== undefined || m.diagnostics.some((d) => d.severity === 'error');
  expect(ok).toBe(true);
});
