// stage.replace against Go itself: Go's regexp and text/template run the same capture-group
// splice (test/loki/stages/oracle/replace/main.go) over a grid of patterns, templates and lines,
// and every output line and named-group value must agree byte for byte.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { askGoProgramSync, buildGoProgram } from '../../oracle/go.ts';
import { newEntry } from '../../../src/loki/types.ts';
import { simulate, stage } from '../helpers.ts';

const here = dirname(fileURLToPath(import.meta.url));

function oracle(requests: object[]): { out: string; named: Record<string, string> | null }[] {
  return askGoProgramSync(buildGoProgram(join(here, 'oracle', 'replace', 'main.go'), 'stage-replace'), requests);
}

const PATTERNS = [
  '(a)', '(a*)', '(a|b)*', '((a)b)', '(a)(b)?', '(?P<k>\\w+)=(?P<v>\\S*)', '(?i)(pass(word)?)\\s*[:=]\\s*(\\S+)', '()',
  '(x*)(y*)', '(é+)', '(\\d{2,})', '(?:(a)|(b))+', '(.)', '^(\\w+)', '(\\s*)', '(?P<n>a)|(?P<m>b)', '(\\pL+)', '(\\b)',
  '([^"]+)"', '("[^"]*")', '(a)(a)', '((a)|(b))((c)|(d))', 'AKIA[A-Z0-9]{4}', '(postgresql|mysql)://[^:]+:([^@]+)@',
];
const TEMPLATES = ['X', '', '[{{ .Value }}]', '${1}=REDACTED', '{{ .Value }}{{ .Value }}', '{{ printf "%q" .Value }}'];
const LINES = [
  '', 'a', 'aaa', 'abab', 'ba', 'xyxy', 'éé a é', 'password: hunter2', 'k=v k2= k3=x', 'a"b"c', '12 345 6', '日本語 abc',
  'abcd acbd', ' a  b ', 'Password=1 PASS:2', 'key AKIA1234 and AKIAZZZZ', 'postgresql://admin:s3cr3t@db/x mysql://u:p@h',
];

/** The requests on which the simulated stage.replace differs from Go (line or named captures). */
function mismatchesWithGo(reqs: { Expr: string; Repl: string; Input: string }[]): string[] {
  const go = oracle(reqs);
  const mismatches: string[] = [];
  reqs.forEach((r, i) => {
    const o = simulate([stage('replace', { expression: r.Expr, replace: r.Repl })]).process(newEntry(r.Input))[0]!;
    const e = o.kind === 'forward' ? o.entry : undefined;
    const named = Object.entries(go[i]!.named ?? {});
    if (e?.line !== go[i]!.out || named.some(([k, v]) => e.extracted.get(k) !== v)) {
      mismatches.push(`${JSON.stringify(r)}: got ${JSON.stringify(e?.line)}, Go ${JSON.stringify(go[i])}`);
    }
  });
  return mismatches;
}

test('stage.replace agrees with Go on every pattern × template × line of the grid', () => {
  const reqs = PATTERNS.flatMap((Expr) => TEMPLATES.flatMap((Repl) => LINES.map((Input) => ({ Expr, Repl, Input }))));
  expect(mismatchesWithGo(reqs)).toEqual([]);
  expect(reqs.length).toBe(PATTERNS.length * TEMPLATES.length * LINES.length);
  // Building the Go oracle on a cold cache takes a while; this is not a performance bound.
}, 300_000);

// Lines built from the pieces secrets and their scrub rules are made of, drawn with a fixed seed
// so the run is reproducible.
const PIECES = ['password', 'PASSWORD', 'token', 'secret', 'api_key', 'api-key', 'bearer', '=', ':', ' ', '  ', '"', "'", ',', '{', '}',
  'hunter2', 's3cr3t', 'AKIA', 'ASIA', 'ABCDEFGHIJKLMNOP', '0123456789', 'postgresql://', 'mysql://', 'admin', '@', 'db:5432', '/prod',
  'é', '日本', '\t', '\n', 'x'];
const SEED_PATTERNS = [
  `(?i)(password|passwd|secret|api[_-]?key|token|bearer)\\s*[:=]\\s*['"]?([^'"\\s,}{]+)['"]?`,
  '(?:AKIA|ASIA|AROA)[A-Z0-9]{16}',
  '(postgresql|mysql|redis|mongodb)://[^:]+:([^@]+)@',
  '(?P<key>\\w+)\\s*[:=]\\s*(?P<val>[^\\s,]*)',
];

test('stage.replace agrees with Go on 500 generated lines for each of the seed-style rules', () => {
  const lineArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((xs) => xs.join('').replaceAll('\\t', '\t').replaceAll('\\n', '\n'));
  const lines = fc.sample(lineArb, { seed: 20261123, numRuns: 500 });
  const reqs = SEED_PATTERNS.flatMap((Expr) => lines.map((Input) => ({ Expr, Repl: '${1}=REDACTED', Input })));
  expect(mismatchesWithGo(reqs)).toEqual([]);
}, 300_000);
