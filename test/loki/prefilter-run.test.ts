import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { buildLogPath } from '../../src/loki/graph.ts';
import { passThroughScreen } from '../../src/loki/prefilter.ts';
import { runStream, type RunStreamOptions } from '../../src/loki/run-stream.ts';

const SEED = readFileSync(new URL('../../bench/rules/seed.alloy', import.meta.url), 'utf8');
const REALISTIC = readFileSync(new URL('../../bench/rules/realistic.alloy', import.meta.url), 'utf8');

async function run(input: Buffer, opts: RunStreamOptions, config = SEED, id = 'loki.process.scrub_secrets', chunk = 7): Promise<{ stdout: Buffer; stderr: string }> {
  const model = loadConfig(config, 'rules.alloy', { env: {} });
  const runner = buildLogPath(model, id, { nowNs: 0n });
  const passThrough = passThroughScreen(model, id, runner.paths) ?? undefined;
  async function* chunks() {
    for (let i = 0; i < input.length; i += chunk) yield input.subarray(i, i + chunk);
  }
  const out: Buffer[] = [];
  let stderr = '';
  for await (const c of runStream(chunks(), runner, { ...opts, now: () => 0n, passThrough: opts.passThrough === undefined ? undefined : passThrough })) {
    if (c.stream === 'stdout') out.push(c.data);
    else stderr += c.data;
  }
  return { stdout: Buffer.concat(out), stderr };
}

const ON = { passThrough: () => true };

/** Byte pieces: secrets, near misses, fold traps, invalid UTF-8, CR/LF and BOM bytes. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => Buffer.from(s, 'utf8')) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom('10.1.2.3', '4111111111111111', '123-45-6789', 'a@b.io', '+49 170 1234 5678', 'DE89 3704 0044 0532 0130 00', 'password=', 'PA\u017F\u017FWORD: ', 'api_\u212Aey=', 'token : ', 'bearer', 'AKIA0123456789ABCDEF', 'mysql://a:b@c', '/api/v1', '\n', '\r\n', '\r', '\uFEFF', ' ')
      .map((s) => Buffer.from(s, 'utf8')),
  },
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 3 }).map((a) => Buffer.from(a)) },
);
const inputArb = fc.array(piece, { maxLength: 30 }).map((ps) => Buffer.concat(ps));

describe('run with the pass-through prefilter', () => {
  test.prop([inputArb, fc.boolean()], { numRuns: 400 })('writes the same bytes and messages as without it', async (input, keepCr) => {
    const fast = await run(input, { ...ON, keepCr });
    const plain = await run(input, { keepCr });
    expect(fast.stdout.equals(plain.stdout)).toBe(true);
    expect(fast.stderr).toBe(plain.stderr);
  });

  // The realistic set has a rule without literals: on the native engine an RE2.Set screens it.
  test.prop([inputArb], { numRuns: 300 })('writes the same bytes for the realistic rules as without it', async (input) => {
    const fast = await run(input, ON, REALISTIC, 'loki.process.scrub_realistic');
    const plain = await run(input, {}, REALISTIC, 'loki.process.scrub_realistic');
    expect(fast.stdout.equals(plain.stdout)).toBe(true);
  });

  // Lines cut from one big chunk are screened a chunk at a time and passed through as slices of
  // the chunk; the 9000-byte line keeps the input out of Node's small-buffer pool.
  const bigInputArb = fc.array(inputArb, { minLength: 1, maxLength: 40 }).map((parts) => Buffer.concat([...parts, Buffer.from(`\n${'x'.repeat(9000)}\n`), ...parts]));
  const chunkArb = fc.constantFrom(64 * 1024, 8193, 1000);

  test.prop([bigInputArb, chunkArb, fc.boolean()], { numRuns: 150 })('writes the same bytes when whole regions of lines are screened at once', async (input, chunk, keepCr) => {
    const fast = await run(input, { ...ON, keepCr }, SEED, 'loki.process.scrub_secrets', chunk);
    const plain = await run(input, { keepCr }, SEED, 'loki.process.scrub_secrets', chunk);
    expect(fast.stdout.equals(plain.stdout)).toBe(true);
    expect(fast.stderr).toBe(plain.stderr);
  });

  test.prop([bigInputArb, chunkArb], { numRuns: 100 })('writes the same bytes for the realistic rules when input comes in big chunks', async (input, chunk) => {
    const fast = await run(input, ON, REALISTIC, 'loki.process.scrub_realistic', chunk);
    const plain = await run(input, {}, REALISTIC, 'loki.process.scrub_realistic', chunk);
    expect(fast.stdout.equals(plain.stdout)).toBe(true);
  });

  it('counts the lines it wrote out without running the pipeline', async () => {
    const model = loadConfig(SEED, 'rules.alloy', { env: {} });
    const runner = buildLogPath(model, 'loki.process.scrub_secrets', { nowNs: 0n });
    const passThrough = passThroughScreen(model, 'loki.process.scrub_secrets', runner.paths) ?? undefined;
    const input = Buffer.from('GET /index.html 200\npassword=hunter2\nGET /about 200\n');
    const run = runStream((async function* () {
      yield input;
    })(), runner, { now: () => 0n, passThrough });
    let r = await run.next();
    while (!r.done) r = await run.next();
    expect(r.value.passedThrough).toBe(2);
    expect(r.value.entries).toBe(3);
  });

  it('is not used for jsonl output', async () => {
    const input = Buffer.from('plain line\n');
    const fast = await run(input, { ...ON, outputFormat: 'jsonl' });
    expect(JSON.parse(fast.stdout.toString()).line).toBe('plain line');
  });
});
