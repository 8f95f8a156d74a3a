// `run` through a loki.secretfilter with its screens (pass-through on raw bytes, keyword
// automaton, credential screen) must write the same bytes and the same messages as without them.

import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { loadConfig } from '../../../src/config/load.ts';
import { DETECTORS } from '../../../src/detect/index.ts';
import { buildLogPath } from '../../../src/loki/graph.ts';
import { passThroughScreen } from '../../../src/loki/prefilter.ts';
import { runStream } from '../../../src/loki/run-stream.ts';
import { setStagePrefilters } from '../../../src/loki/stages/prefilter-switch.ts';
import { corpusBuffer, corpusSample } from '../../../bench/corpus.ts';
import { files, USER_RULES_TOML } from './helpers.ts';
import { lineFor, SAMPLES } from './samples.ts';

const DEFAULT_CONFIG = readFileSync(new URL('../../../bench/rules/secretfilter-default.alloy', import.meta.url), 'utf8');
const DEFAULT_ID = 'loki.secretfilter.default';
// The user's own rules from a file, to a loki.write sink: the screen must use what the run compiled.
const USER_CONFIG = `
loki.secretfilter "mine" {
  gitleaks_config = "/cfg/gitleaks.toml"
  redact_with     = "<$SECRET_NAME>"
  forward_to      = [loki.write.out.receiver]
}
loki.write "out" {
  endpoint {
    url = "http://loki:3100/loki/api/v1/push"
  }
}
`;
const USER_ID = 'loki.secretfilter.mine';
const readFile = files({ '/cfg/gitleaks.toml': USER_RULES_TOML });

interface Output {
  stdout: Buffer;
  stderr: string;
  screened: boolean;
}

async function run(input: Buffer, screens: boolean, config = DEFAULT_CONFIG, id = DEFAULT_ID, chunk = 4096): Promise<Output> {
  const restore = setStagePrefilters(screens);
  try {
    const model = loadConfig(config, 'rules.alloy', { env: {} });
    const runner = buildLogPath(model, id, { nowNs: 0n, readFile });
    const passThrough = passThroughScreen(model, id, runner.paths) ?? undefined;
    async function* chunks() {
      for (let i = 0; i < input.length; i += chunk) yield input.subarray(i, i + chunk);
    }
    const out: Buffer[] = [];
    let stderr = '';
    for await (const c of runStream(chunks(), runner, { now: () => 0n, passThrough })) {
      if (c.stream === 'stdout') out.push(c.data);
      else stderr += c.data;
    }
    return { stdout: Buffer.concat(out), stderr, screened: passThrough !== undefined };
  } finally {
    restore();
  }
}

const CREDENTIAL_TEXTS = DETECTORS.filter((d) => d.kind === 'credential').flatMap((d) => d.examples);
const RULE_LINES = Object.entries(SAMPLES).map(([id, s]) => lineFor(id, s));

/** The bench corpus with every rule's sample, every credential example and encoding traps mixed in. */
function corpusWithSecrets(): Buffer {
  const { data } = corpusBuffer(512 * 1024, { seed: 11, secretRate: 0.05 });
  const extra = [...RULE_LINES, ...CREDENTIAL_TEXTS.map((t) => t.replace(/\n/g, '\\n')), 'api_\u212Aey=Zx81Qp0LmN4vB7cT', 'SECRET_\u0130D=4f9a8b7c6d5e4f3a', 'vk_0123456789abcdef', 'found secret_0a1b2c3d', '\r', '\uFEFFcurl -u admin:S3cretPw http://x'];
  const parts: Buffer[] = [];
  const lines = data.toString('latin1').split('\n');
  lines.forEach((l, i) => {
    parts.push(Buffer.from(l, 'latin1'), Buffer.from('\n'));
    if (i % 40 === 0) parts.push(Buffer.from(extra[(i / 40) % extra.length]! + '\n', 'utf8'));
    if (i % 97 === 0) parts.push(Buffer.from([0x74, 0x6f, 0x6b, 0xff, 0x65, 0x6e, 0x3d, 0xc4, 0x0a]));
  });
  return Buffer.concat(parts);
}

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RULE_LINES, ...CREDENTIAL_TEXTS, ...corpusSample(200, { seed: 5, secretRate: 0.3 }).map((l) => l.line)).map((s) => Buffer.from(s, 'utf8')) },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\uFEFF', ' ', 'KEY', '\u212Aey=', 'SECRET_\u0130D=', 'curl', 'vk_', 'secret_0a1b2c3d').map((s) => Buffer.from(s, 'utf8')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => Buffer.from(s, 'utf8')) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 3 }).map((a) => Buffer.from(a)) },
);
const inputArb = fc.array(piece, { maxLength: 25 }).map((ps) => Buffer.concat(ps));

describe('run through loki.secretfilter with screens', () => {
  it('offers a pass-through screen for the default set and for the user’s rules', async () => {
    expect((await run(Buffer.from('x\n'), true)).screened).toBe(true);
    expect((await run(Buffer.from('x\n'), true, USER_CONFIG, USER_ID)).screened).toBe(true);
  });

  it('writes the same bytes and messages as without them on the bench corpus with secrets', async () => {
    const input = corpusWithSecrets();
    const fast = await run(input, true);
    const plain = await run(input, false);
    expect(fast.stderr).toBe(plain.stderr);
    expect(fast.stdout.equals(plain.stdout)).toBe(true);
  });

  it('writes the same bytes and messages as without them for the user’s rules', async () => {
    const input = corpusWithSecrets();
    const fast = await run(input, true, USER_CONFIG, USER_ID);
    const plain = await run(input, false, USER_CONFIG, USER_ID);
    expect(fast.stderr).toBe(plain.stderr);
    expect(fast.stdout.equals(plain.stdout)).toBe(true);
  });

  test.prop([inputArb, fc.integer({ min: 1, max: 64 })], { numRuns: 300 })('writes the same bytes and messages as without them on any input', async (input, chunk) => {
    const fast = await run(input, true, DEFAULT_CONFIG, DEFAULT_ID, chunk);
    const plain = await run(input, false, DEFAULT_CONFIG, DEFAULT_ID, chunk);
    expect(fast.stderr).toBe(plain.stderr);
    expect(fast.stdout.equals(plain.stdout)).toBe(true);
  });
});
