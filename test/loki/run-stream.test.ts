import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { buildLogPath } from '../../src/loki/graph.ts';
import { formatRfc3339Nano, parseJsonEntry, runStream, type RunChunk, type RunStats, type RunStreamOptions } from '../../src/loki/run-stream.ts';
import { FAKE_COMPILERS, comp, model, receiver } from './graph-fixtures.ts';

const single = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
const secretOnly = model(comp('loki.secretfilter.s', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
const twoSinks = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w'), receiver('loki.echo.e')] }), comp('loki.write.w'), comp('loki.echo.e'));

async function* chunks(input: Buffer, size = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < input.length; i += size) yield input.subarray(i, i + size);
}

async function collect(m: ReturnType<typeof model>, start: string, input: string | Buffer, opts: RunStreamOptions = {}) {
  const runner = buildLogPath(m, start, { compilers: FAKE_COMPILERS });
  const gen = runStream(chunks(typeof input === 'string' ? Buffer.from(input) : input), runner, { now: () => 0n, ...opts });
  const stdout: Buffer[] = [];
  let stderr = '';
  let r: IteratorResult<RunChunk, RunStats>;
  while (!(r = await gen.next()).done) {
    if (r.value.stream === 'stdout') stdout.push(r.value.data);
    else stderr += r.value.data;
  }
  return { stdout: Buffer.concat(stdout), stderr, stats: r.value };
}

const jsonLines = (b: Buffer) => b.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));

describe('runStream, text in and out', () => {
  it('prints one line per entry that reaches the sink', async () => {
    const { stdout, stats } = await collect(single, 'loki.process.a', 'a\nb\n');
    expect(stdout.toString()).toBe('a|a\nb|a\n');
    expect(stats).toMatchObject({ entries: 2, records: 2, dropped: 0, errors: 0 });
  });

  it('reports a dropped entry on stderr with its input line, keeping stdout clean', async () => {
    const { stdout, stderr } = await collect(single, 'loki.process.a', 'keep\nDROP\n');
    expect(stdout.toString()).toBe('keep|a\n');
    expect(stderr).toBe('alloy-scrub: input line 2 dropped by stage.drop in a: line contains DROP\n');
  });

  it('writes invalid UTF-8 bytes back unchanged', async () => {
    const input = Buffer.from([0x70, 0x77, 0x3d, 0xff, 0xfe, 0x00, 0x0a]);
    const { stdout } = await collect(secretOnly, 'loki.secretfilter.s', input);
    expect(stdout.equals(input)).toBe(true);
  });

  it('keeps empty lines as entries', async () => {
    const { stdout, stats } = await collect(secretOnly, 'loki.secretfilter.s', '\n\n');
    expect(stdout.toString()).toBe('\n\n');
    expect(stats.entries).toBe(2);
  });

  it('drops the CR of CRLF line ends by default and keeps it with keepCr', async () => {
    expect((await collect(secretOnly, 'loki.secretfilter.s', 'a\r\n')).stdout.toString()).toBe('a\n');
    expect((await collect(secretOnly, 'loki.secretfilter.s', 'a\r\n', { keepCr: true })).stdout.toString()).toBe('a\r\n');
  });

  it('prints an entry per sink and says so once on stderr', async () => {
    const { stdout, stderr } = await collect(twoSinks, 'loki.process.a', 'x\n');
    expect(stdout.toString()).toBe('x|a\nx|a\n');
    expect(stderr).toContain('each line is printed once per sink, in this order: loki.write.w, loki.echo.e');
  });

  it('reports a too-long line as an error and goes on', async () => {
    const { stdout, stderr, stats } = await collect(secretOnly, 'loki.secretfilter.s', 'ok\n0123456789\nok2\n', { maxLineBytes: 5 });
    expect(stdout.toString()).toBe('ok\nok2\n');
    expect(stderr).toContain('input line 2: line is 10 bytes long');
    expect(stats.errors).toBe(1);
  });

  it('releases held entries at the end of input', async () => {
    const { stdout } = await collect(single, 'loki.process.a', 'one\\');
    expect(stdout.toString()).toBe('one\\|a\n');
  });

  it('warns once per distinct unknown mark', async () => {
    const m = model(comp('loki.enrich.e', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const { stderr } = await collect(m, 'loki.enrich.e', 'a\nb\nc\n');
    expect(stderr.match(/warning/g)).toHaveLength(1);
    expect(stderr).toContain('test.alloy:1:1: loki.enrich.e (loki.enrich) is not simulated');
  });

  it('applies the given stream labels', async () => {
    const { stdout } = await collect(single, 'loki.process.a', 'x\n', { outputFormat: 'jsonl', labels: new Map([['ns', 'prod']]) });
    expect(jsonLines(stdout)[0].labels).toEqual({ ns: 'prod' });
  });
});

describe('runStream, streaming', () => {
  it('reads input only as fast as output is taken (backpressure)', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) {
        pulled++;
        yield Buffer.from('line\n');
      }
    }
    const gen = runStream(endless(), buildLogPath(secretOnly, 'loki.secretfilter.s', { compilers: FAKE_COMPILERS }), { now: () => 0n });
    for (let i = 0; i < 5; i++) await gen.next();
    await gen.return({ entries: 0, records: 0, dropped: 0, errors: 0, unknown: 0 });
    expect(pulled).toBe(5);
  });

  it('emits the output of each input chunk before reading the next', async () => {
    const gen = runStream(chunks(Buffer.from('a\nb\n'), 2), buildLogPath(secretOnly, 'loki.secretfilter.s', { compilers: FAKE_COMPILERS }), { now: () => 0n });
    const first = await gen.next();
    expect(!first.done && first.value.stream === 'stdout' && first.value.data.toString()).toBe('a\n');
  });
});

describe('runStream, jsonl', () => {
  it('writes line, labels, extracted and dropped for every entry, in order', async () => {
    const { stdout } = await collect(single, 'loki.process.a', 'x\nDROP\n', { outputFormat: 'jsonl' });
    expect(jsonLines(stdout)).toEqual([
      { line: 'x|a', labels: {}, extracted: { seen_a: 'yes' }, dropped: null },
      { line: 'DROP', labels: {}, extracted: {}, dropped: { by: 'stage.drop in a', reason: 'line contains DROP' } },
    ]);
  });

  it('adds the sink when there are several', async () => {
    const { stdout } = await collect(twoSinks, 'loki.process.a', 'x\n', { outputFormat: 'jsonl' });
    expect(jsonLines(stdout).map((r) => r.sink)).toEqual(['loki.write.w', 'loki.echo.e']);
  });

  it('adds unknown marks with their position', async () => {
    const m = model(comp('loki.enrich.e', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const { stdout } = await collect(m, 'loki.enrich.e', 'a\n', { outputFormat: 'jsonl' });
    expect(jsonLines(stdout)[0].unknown).toEqual([{ message: expect.stringContaining('not simulated'), at: 'test.alloy:1:1' }]);
  });

  it('reads entries with labels, and entry labels win over stream labels', async () => {
    const input = '{"line":"x","labels":{"ns":"own","app":"a"}}\n';
    const { stdout } = await collect(single, 'loki.process.a', input, { inputFormat: 'jsonl', outputFormat: 'jsonl', labels: new Map([['ns', 'stream'], ['env', 'e']]) });
    expect(jsonLines(stdout)[0].labels).toEqual({ ns: 'own', env: 'e', app: 'a' });
  });

  it('turns a bad line into an error record with its line number and goes on', async () => {
    const input = '{"line":"a"}\n{not json\n{"line":"b"}\n';
    const { stdout, stats } = await collect(single, 'loki.process.a', input, { inputFormat: 'jsonl', outputFormat: 'jsonl' });
    const recs = jsonLines(stdout);
    expect(recs.map((r) => r.line ?? r.input_line)).toEqual(['a|a', 2, 'b|a']);
    expect(recs[1].error).toMatch(/^input line 2: not valid JSON/);
    expect(stats.errors).toBe(1);
  });

  it('reports bad jsonl input on stderr when the output is text', async () => {
    const { stdout, stderr } = await collect(single, 'loki.process.a', '[1]\n{"line":"b"}\n', { inputFormat: 'jsonl' });
    expect(stdout.toString()).toBe('b|a\n');
    expect(stderr).toContain('input line 1: expected a JSON object');
  });

  it('skips blank jsonl lines', async () => {
    const { stats } = await collect(single, 'loki.process.a', '\n{"line":"b"}\n  \n', { inputFormat: 'jsonl' });
    expect(stats).toMatchObject({ entries: 1, errors: 0 });
  });

  it('escapes invalid UTF-8 as \\udcXX in jsonl and reads it back to the same bytes', async () => {
    const raw = Buffer.from([0x61, 0xff, 0x0a]);
    const first = await collect(secretOnly, 'loki.secretfilter.s', raw, { outputFormat: 'jsonl' });
    expect(first.stdout.toString()).toContain('"a\\udcff"');
    const back = await collect(secretOnly, 'loki.secretfilter.s', first.stdout, { inputFormat: 'jsonl' });
    expect(back.stdout.equals(raw)).toBe(true);
  });

  test.prop([fc.array(fc.string({ unit: 'binary', maxLength: 30 }).filter((s) => !s.includes('\n')), { maxLength: 6 })])(
    'jsonl output fed back as input gives the same records',
    async (lines) => {
      const input = lines.map((l) => `${JSON.stringify({ line: l, labels: { k: l.slice(0, 3) } })}\n`).join('');
      const once = await collect(secretOnly, 'loki.secretfilter.s', input, { inputFormat: 'jsonl', outputFormat: 'jsonl' });
      const twice = await collect(secretOnly, 'loki.secretfilter.s', once.stdout, { inputFormat: 'jsonl', outputFormat: 'jsonl' });
      expect(twice.stdout.toString()).toBe(once.stdout.toString());
    },
  );
});

describe('timestamps', () => {
  it('leaves the timestamp out of jsonl when it is the run clock', async () => {
    const { stdout } = await collect(single, 'loki.process.a', 'x\n', { outputFormat: 'jsonl' });
    expect(jsonLines(stdout)[0]).not.toHaveProperty('timestamp');
  });

  it('writes a timestamp the input gave', async () => {
    const input = '{"line":"x","timestamp":"2024-01-02T03:04:05.5Z"}\n';
    const { stdout } = await collect(single, 'loki.process.a', input, { inputFormat: 'jsonl', outputFormat: 'jsonl' });
    expect(jsonLines(stdout)[0].timestamp).toBe('2024-01-02T03:04:05.5Z');
  });

  it('stamps every entry without a timestamp with the same instant', async () => {
    let calls = 0;
    const runner = buildLogPath(single, 'loki.process.a', { compilers: FAKE_COMPILERS });
    for await (const _ of runStream(chunks(Buffer.from('a\nb\nc\n'), 2), runner, { now: () => BigInt(++calls) })) void _;
    expect(calls).toBe(1);
  });

  it("formats times as Go's RFC3339Nano", () => {
    expect([formatRfc3339Nano(0n), formatRfc3339Nano(1704164645123456789n), formatRfc3339Nano(1704164645100000000n), formatRfc3339Nano(-1n)]).toEqual([
      '1970-01-01T00:00:00Z',
      '2024-01-02T03:04:05.123456789Z',
      '2024-01-02T03:04:05.1Z',
      '1969-12-31T23:59:59.999999999Z',
    ]);
  });
});

describe('parseJsonEntry', () => {
  it('refuses unknown keys so typos do not pass silently', () => {
    expect(parseJsonEntry('{"line":"x","lables":{}}')).toBe('unknown key "lables"');
  });

  it('refuses label values that are not strings', () => {
    expect(parseJsonEntry('{"line":"x","labels":{"a":1}}')).toBe('"labels.a" must be a string');
  });

  it('refuses a missing line', () => {
    expect(parseJsonEntry('{"labels":{}}')).toBe('"line" must be a string');
  });

  it('keeps a __proto__ label as an ordinary label', () => {
    const e = parseJsonEntry('{"line":"x","labels":{"__proto__":"v"}}');
    expect(typeof e === 'object' && [...e.labels]).toEqual([['__proto__', 'v']]);
  });

  it('reads RFC 3339 timestamps with nanoseconds', () => {
    const e = parseJsonEntry('{"line":"x","timestamp":"2024-01-02T03:04:05.123456789Z"}');
    expect(typeof e === 'object' && e.timestampNs).toBe(1704164645123456789n);
  });

  it('reads integer nanosecond timestamps', () => {
    const e = parseJsonEntry('{"line":"x","timestamp":"1704164645123456789"}');
    expect(typeof e === 'object' && e.timestampNs).toBe(1704164645123456789n);
  });

  it('refuses a timestamp it cannot read', () => {
    expect(parseJsonEntry('{"line":"x","timestamp":"yesterday"}')).toMatch(/^"timestamp" must be/);
  });

  it('accepts the keys jsonl output writes', () => {
    expect(typeof parseJsonEntry('{"line":"x","labels":{},"extracted":{"a":1},"dropped":null,"sink":"s","unknown":[]}')).toBe('object');
  });
});
