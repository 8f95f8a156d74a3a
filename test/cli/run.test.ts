// End-to-end tests of `alloy-scrub run`: the real binary, real pipes, real exit codes.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BIN, ROOT, runCli, type CliResult } from '../support/cli.ts';

const cli = (args: string[], stdin: Buffer | string = ''): Promise<Result> => runCli(args, { stdin });
const FIX = 'test/loki/fixtures';
const SEED = `${FIX}/seed-hardening.alloy`;

type Result = CliResult;


const records = (r: Result) =>
  r.stdout
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('alloy-scrub run', () => {
  it("scrubs the seed's connection string exactly as Alloy's stage.replace would", async () => {
    const r = await cli(['run', SEED], '{"msg":"connecting to postgresql://admin:s3cr3t@db:5432/prod"}\n');
    expect(r.code).toBe(0);
    // Go templates print ${1} literally, and stage.replace rewrites each capture group.
    expect(r.stdout.toString()).toBe('{"msg":"connecting to ${1}://REDACTED:REDACTED@://admin:${1}://REDACTED:REDACTED@@db:5432/prod"}\n');
  });

  it('runs the seed hardening sample config from samples/', async () => {
    const r = await cli(['run', 'samples/configs/seed-hardening.alloy'], '{"msg":"connecting to postgresql://admin:s3cr3t@db:5432/prod"}\n');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('{"msg":"connecting to ${1}://REDACTED:REDACTED@://admin:${1}://REDACTED:REDACTED@@db:5432/prod"}\n');
  });

  it('writes one jsonl record per entry with line, labels, extracted and dropped', async () => {
    const r = await cli(['run', SEED, '--format', 'jsonl', '--labels', '{"namespace":"prod"}'], 'AKIAABCDEFGHIJKLMNOP\nsecond\n');
    expect(r.code).toBe(0);
    expect(records(r)).toEqual([
      { line: 'AKIAABCDEFGHIJKLMNOP', labels: { namespace: 'prod' }, extracted: { namespace: 'prod' }, dropped: null },
      { line: 'second', labels: { namespace: 'prod' }, extracted: { namespace: 'prod' }, dropped: null },
    ]);
  });

  it('starts at the component named by --component', async () => {
    const r = await cli(['run', `${FIX}/two-processes.alloy`, '--component', 'loki.process.b', '--format', 'jsonl'], 'x\n');
    expect(r.code).toBe(0);
    expect(records(r)).toHaveLength(1);
  });

  it('exits 2 and lists the choices when the start is ambiguous', async () => {
    const r = await cli(['run', `${FIX}/two-processes.alloy`], 'x\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has 2 loki.process components; choose where to start with --component');
    expect(r.stderr).toContain('  loki.process.a\n  loki.process.b');
  });

  it('exits 2 for a --component that does not exist', async () => {
    const r = await cli(['run', SEED, '--component', 'loki.process.nope'], 'x\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no component loki.process.nope');
  });

  it('exits 2 for --labels that are not a JSON object of strings', async () => {
    expect((await cli(['run', SEED, '--labels', '{"a":1}'])).code).toBe(2);
    expect((await cli(['run', SEED, '--labels', 'nope'])).stderr).toContain('--labels is not valid JSON');
  });

  it('exits 2 for an unknown --format', async () => {
    expect((await cli(['run', SEED, '--format', 'xml'])).code).toBe(2);
  });

  it('reports a syntax error as file:line:col with a code frame and exits 1, without a stack trace', async () => {
    const r = await cli(['run', `${FIX}/broken.alloy`], 'x\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^test\/loki\/fixtures\/broken\.alloy:\d+:\d+: /);
    expect(r.stderr).toMatch(/\n\d+ \| /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a regex Go rejects with Go's message and the stage's position", async () => {
    const r = await cli(['run', `${FIX}/bad-regex.alloy`], 'x\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/loki/fixtures/bad-regex.alloy:');
    expect(r.stderr).toContain('invalid or unsupported Perl syntax: `(?=`');
  });

  it('refuses a config with an invalid component off the path, as Alloy would not load it', async () => {
    const r = await cli(['run', `${FIX}/invalid-off-path.alloy`, '--component', 'loki.process.good'], 'x\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/loki/fixtures/invalid-off-path.alloy:8:5: ');
    expect(r.stdout.toString()).toBe('');
  });

  it('exits 2 when the config file cannot be read', async () => {
    const r = await cli(['run', `${FIX}/does-not-exist.alloy`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });

  it('reads lines from --input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-scrub-run-'));
    writeFileSync(join(dir, 'in.log'), 'from file\n');
    const r = await cli(['run', SEED, '--input', join(dir, 'in.log')]);
    expect(r.stdout.toString()).toBe('from file\n');
  });

  it('exits 2 when --input cannot be read', async () => {
    expect((await cli(['run', SEED, '--input', '/nonexistent/in.log'])).code).toBe(2);
  });

  it('removes the CR of CRLF line ends, as loki.source.file does', async () => {
    expect((await cli(['run', SEED], 'a\r\nb\r\n')).stdout.toString()).toBe('a\nb\n');
  });

  it('keeps the CR with --keep-cr', async () => {
    expect((await cli(['run', SEED, '--keep-cr'], 'a\r\n')).stdout.toString()).toBe('a\r\n');
  });

  it('keeps empty lines as entries', async () => {
    const r = await cli(['run', SEED, '--format', 'jsonl'], '\n\nx\n');
    expect(records(r).map((x) => x.line)).toEqual(['', '', 'x']);
  });

  it('treats a final line without newline as an entry', async () => {
    expect((await cli(['run', SEED], 'a\nlast')).stdout.toString()).toBe('a\nlast\n');
  });

  it('passes invalid UTF-8 through byte for byte', async () => {
    const input = Buffer.from([0x61, 0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80, 0x0a]);
    expect((await cli(['run', SEED], input)).stdout.equals(input)).toBe(true);
  });

  it('skips a UTF-8 byte order mark at the start of the input', async () => {
    expect((await cli(['run', SEED], Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a]))).stdout.toString()).toBe('a\n');
  });

  it('keeps NUL bytes', async () => {
    const input = Buffer.from('a\0b\n\0\n', 'latin1');
    expect((await cli(['run', SEED], input)).stdout.equals(input)).toBe(true);
  });

  it('handles a 10 MB line', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'x');
    const r = await cli(['run', SEED], Buffer.concat([big, Buffer.from('\nok\n')]));
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(big.length + 4);
    expect(r.stdout.subarray(-4).toString()).toBe('\nok\n');
  });

  it('round-trips jsonl: output fed back as input gives the same records', async () => {
    const input = Buffer.concat([Buffer.from('password: "p4ss"\n\u00e9t\u00e9 \u2713\n'), Buffer.from([0x62, 0xfe, 0x0a]), Buffer.from('tab\there\n')]);
    const once = await cli(['run', SEED, '--format', 'jsonl', '--labels', '{"app":"x"}'], input);
    const twice = await cli(['run', SEED, '--input-format', 'jsonl', '--format', 'jsonl'], once.stdout);
    expect(twice.code).toBe(0);
    expect(twice.stdout.toString()).toBe(once.stdout.toString());
  });

  it('turns a bad jsonl line into an error record with its line number, keeps the others, and exits 1', async () => {
    const r = await cli(['run', SEED, '--input-format', 'jsonl', '--format', 'jsonl'], '{"line":"a"}\n{"line":\n{"line":"c"}\n');
    expect(r.code).toBe(1);
    const recs = records(r);
    expect(recs.map((x) => x.line ?? `error@${x.input_line}`)).toEqual(['a', 'error@2', 'c']);
    expect(recs[1].error).toMatch(/^input line 2: not valid JSON/);
  });

  it('reports dropped entries on stderr in text mode and leaves them out of stdout', async () => {
    const r = await cli(['run', `${FIX}/drop-debug.alloy`, '--labels', '{"app":"a"}'], 'keep password=hunter2\nnoisy DEBUG line\n');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('keep password=***\nkeep password=***\n');
    expect(r.stderr).toContain('input line 2 dropped on the path to loki.write.primary by stage.match at test/loki/fixtures/drop-debug.alloy:3:3: debug_noise');
  });

  it('tags jsonl records with their sink when there are several, with loki.write external labels', async () => {
    const r = await cli(['run', `${FIX}/drop-debug.alloy`, '--format', 'jsonl', '--labels', '{"app":"a"}'], 'x\n');
    expect(records(r).map((x) => [x.sink, x.labels])).toEqual([
      ['loki.write.primary', { cluster: 'c1', app: 'a' }],
      ['loki.echo.debug', { app: 'a' }],
    ]);
  });

  it('says which stage dropped an entry in jsonl', async () => {
    const r = await cli(['run', `${FIX}/drop-debug.alloy`, '--format', 'jsonl', '--labels', '{"app":"a"}'], 'DEBUG\n');
    expect(records(r)[0].dropped).toEqual({ by: 'stage.match at test/loki/fixtures/drop-debug.alloy:3:3', reason: 'debug_noise' });
  });

  it('marks entries that pass an unsimulated component as unknown', async () => {
    const r = await cli(['run', `${FIX}/unsimulated.alloy`, '--format', 'jsonl'], 'x\n');
    expect(records(r)[0].unknown).toEqual([{ message: expect.stringContaining('loki.enrich.hosts (loki.enrich) is not simulated'), at: 'test/loki/fixtures/unsimulated.alloy:6:1' }]);
  });

  it('warns on stderr about unknown results in text mode', async () => {
    const r = await cli(['run', `${FIX}/unsimulated.alloy`], 'x\ny\n');
    expect(r.stdout.toString()).toBe('x\ny\n');
    expect(r.stderr.match(/warning: .*not simulated/g)).toHaveLength(1);
  });

  it('stops quietly with exit 0 when the reader closes stdout early (| head)', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((ok, fail) => {
      const child = spawn(BIN, ['run', SEED], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', fail);
      child.on('close', (code) => ok({ code, stderr }));
      child.stdin.on('error', () => {});
      child.stdin.end(Buffer.from('a log line with password=abc\n'.repeat(200_000)));
    });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('internal error');
  });

  it('prints help and exits 0', async () => {
    const r = await cli(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toContain('--input-format');
  });
});
