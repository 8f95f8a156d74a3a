// The Go baseline is a differential oracle: `run` on a rule set must give byte-identical output
// to Go's regexp and text/template running Alloy's stage.replace algorithm on the same corpus.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusBuffer } from '../../bench/corpus.ts';
import { runGoBaseline } from '../../bench/go-baseline.ts';
import { RULE_SETS, loadRuleSetModel, replaceRules, type RuleSet } from '../../bench/rules.ts';
import { buildLogPath } from '../../src/loki/graph.ts';
import { passThroughScreen } from '../../src/loki/prefilter.ts';
import { runStream } from '../../src/loki/run-stream.ts';

/** Lines the generator does not make: folding traps, invalid UTF-8, overlapping and empty groups. */
const EXTRA_LINES: Buffer[] = [
  Buffer.from('PA\u017F\u017FWORD=hunter2 api_\u212Aey: "abc123def456ghi789" Token : x'),
  Buffer.from('secret=a,token=b password="c" bearer: d}'),
  Buffer.concat([Buffer.from('password='), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(' tail \xe9', 'latin1')]),
  Buffer.from('mongodb://root:p@ss@db:27017 redis://:@x mysql://a:b@c postgresql://u:v@h'),
  Buffer.from('AKIAABCDEFGHIJKLMNOP ASIA0123456789ABCDEF AROA1234'),
  Buffer.from('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dGVzdHNpZ25hdHVyZTEy'),
  Buffer.from('contact ops+oncall@example.co.uk from 192.168.10.255 card 4111111111111111 ssn 123-45-6789'),
  Buffer.from('IBAN DE89 3704 0044 0532 0130 00, phone +49 170 1234 5678, ghp_0123456789abcdefghijABCDEFGHIJ012345'),
  Buffer.from('-----BEGIN RSA PRIVATE KEY----- xoxb-1234567890-abcdef sk_live_0123456789abcdefghijklmn glpat-abcdefghij0123456789'),
  Buffer.from('https://hooks.slack.com/services/T0000/B1111/XXXXXXXX AIza0123456789abcdefghijklmnopqrstuvw'),
  Buffer.from(''),
  Buffer.from('ユーザー password=パスワード 😀 token=😀😀'),
];

function corpusFile(): { file: string; data: Buffer } {
  const { data } = corpusBuffer(192 * 1024, { seed: 7, secretRate: 0.25 });
  const all = Buffer.concat([data, ...EXTRA_LINES.flatMap((l) => [l, Buffer.from('\n')])]);
  const file = join(mkdtempSync(join(tmpdir(), 'bench-corpus-')), 'corpus.txt');
  writeFileSync(file, all);
  return { file, data: all };
}

async function runOurs(set: RuleSet, data: Buffer): Promise<Buffer> {
  const model = loadRuleSetModel(set);
  const runner = buildLogPath(model, set.component, { nowNs: 0n });
  // As the run command does it: with the pass-through prefilter of the rule set.
  const passThrough = passThroughScreen(model, set.component, runner.paths) ?? undefined;
  const parts: Buffer[] = [];
  async function* input() {
    for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
  }
  for await (const c of runStream(input(), runner, { now: () => 0n, passThrough })) if (c.stream === 'stdout') parts.push(c.data);
  return Buffer.concat(parts);
}

describe('Go baseline as oracle', () => {
  const corpus = corpusFile();
  for (const set of RULE_SETS.filter((s) => s.name !== 'secretfilter')) {
    it(`run gives the Go baseline's bytes for the ${set.name} rules`, async () => {
      const go = runGoBaseline(replaceRules(loadRuleSetModel(set), set.component), corpus.file);
      const ours = await runOurs(set, corpus.data);
      expect(ours.equals(go.output)).toBe(true);
      // The corpus must exercise the rules: Go changed some lines.
      expect(go.output.equals(corpus.data)).toBe(false);
    });
  }
});
