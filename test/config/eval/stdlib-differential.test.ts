// The string functions of the stdlib against Go's strings package, on strings built from ASCII
// and characters whose handling differs between Go and JavaScript. Code points assigned after
// Unicode 13 (the oracle's Go 1.19 tables) are left out: Alloy's own Go is newer. U+FEFF is left
// out too: src/syntax/strings.ts decodes literals with a TextDecoder that drops a leading BOM
// (reported to the syntax owner).
import { fc } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { ask } from './oracle.ts';
import { evalExpr } from './helpers.ts';

const char = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('é', 'ß', 'İ', 'ı', 'ſ', 'K', 'Σ', 'ς', 'ǅ', 'ﬀ', 'ᾳ', 'ΐ', '😀', '\u00a0', '\u0085', '\u2028', '\u3000', '\u200b', '\t', '\n', '\v', '\f', '\r', ' ', '中'),
  },
);
const text = fc.array(char, { maxLength: 10 }).map((cs) => cs.join(''));

/** An Alloy string literal for `s`, with every non-ASCII or control character escaped. */
function lit(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

it('to_lower, to_upper and trim_space agree with Go', async () => {
  const inputs = fc.sample(text, { numRuns: 1500, seed: 99 });
  const ops = ['lower', 'upper', 'trimspace'] as const;
  const fns = { lower: 'string.to_lower', upper: 'string.to_upper', trimspace: 'string.trim_space' };
  const reqs = inputs.flatMap((s) => ops.map((op) => ({ op, s })));
  const answers = await ask(reqs);
  const wrong = reqs
    .map((r, i) => ({ ...r, ours: evalExpr(`${fns[r.op]}(${lit(r.s)})`), go: answers[i]!.out }))
    .filter((x) => x.ours !== x.go);
  expect(wrong.slice(0, 5)).toEqual([]);
});

it('replace and split agree with Go, including empty patterns', async () => {
  const cases = fc.sample(fc.record({ s: text, old: fc.oneof(fc.constant(''), text), rep: text }), { numRuns: 1500, seed: 5 });
  const answers = await ask(cases.flatMap((c) => [
    { op: 'replace' as const, s: c.s, old: c.old, new: c.rep },
    { op: 'split' as const, s: c.s, old: c.old },
  ]));
  const wrong = cases
    .map((c, i) => ({
      c,
      replace: [evalExpr(`string.replace(${lit(c.s)}, ${lit(c.old)}, ${lit(c.rep)})`), answers[2 * i]!.out],
      split: [evalExpr(`string.split(${lit(c.s)}, ${lit(c.old)})`), answers[2 * i + 1]!.list ?? []],
    }))
    .filter((x) => x.replace[0] !== x.replace[1] || JSON.stringify(x.split[0]) !== JSON.stringify(x.split[1]));
  expect(wrong.slice(0, 5)).toEqual([]);
});
