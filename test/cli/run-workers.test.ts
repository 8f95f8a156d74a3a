// `alloy-scrub run --workers`: the real binary on inputs that span many batches. Whatever the
// number of threads, stdout, stderr and the exit code are those of the single-thread run.
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Buffer } from 'node:buffer';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, type CliResult } from '../support/cli.ts';

const cli = (args: string[], opts: { stdin?: Buffer; env?: Record<string, string> } = {}): Promise<Result> => runCli(args, { stdin: opts.stdin ?? '', env: opts.env });
const STATELESS = 'test/parallel/fixtures/stateless.alloy';
const MULTILINE = 'test/parallel/fixtures/multiline.alloy';
const LABELS = ['--labels', '{"app":"web"}'];

type Result = CliResult;


/** Lines with every per-line outcome, repeated past several 1 MiB batches. */
const LINE_KINDS = [
  'GET /index.html 200 plain',
  'login failed password=hunter2 for admin',
  'DEBUG cache miss (dropped)',
  'request uuid 42',
  '',
  'windows line\r',
  'invalid \xff\xfe utf-8 \x80',
  'ts=2024-01-02T03:04:05 scheduled',
  `long ${'y'.repeat(3000)}`,
  'ünïcödé text',
];

function corpus(lines: number): Buffer {
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  for (let i = 0; i < lines; i++) parts.push(Buffer.from(`${LINE_KINDS[i % LINE_KINDS.length]} #${i}\n`, 'latin1'));
  parts.push(Buffer.from('last line without LF password=x', 'latin1'));
  return Buffer.concat(parts);
}

let dir: string;
let textFile: string;
let jsonlFile: string;
let tooLongFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-workers-'));
  textFile = join(dir, 'corpus.log');
  writeFile(textFile, [corpus(8000)]);
  jsonlFile = join(dir, 'corpus.jsonl');
  const records: string[] = [];
  for (let i = 0; i < 20000; i++) {
    if (i % 97 === 0) records.push('not json');
    else if (i % 89 === 0) records.push('{"line":"x","nope":1}');
    else records.push(JSON.stringify({ line: `${LINE_KINDS[i % LINE_KINDS.length]} #${i}`, labels: { app: i % 3 === 0 ? 'web' : 'api' } }));
  }
  writeFile(jsonlFile, [Buffer.from(`${records.join('\n')}\n`)]);
  // A line over the 64 MiB line limit between ordinary lines: reported on stderr, never held.
  tooLongFile = join(dir, 'too-long.log');
  writeFile(tooLongFile, [corpus(3000), Buffer.from('\n'), Buffer.alloc(64 * 1024 * 1024 + 10, 0x7a), Buffer.from('\nafter the long line\n')]);
});

function writeFile(path: string, parts: Buffer[]): void {
  const fd = openSync(path, 'w');
  for (const p of parts) writeSync(fd, p);
  closeSync(fd);
}

describe('alloy-scrub run --workers', () => {
  it('writes with 2 workers exactly what 1 writes: lines, dropped-line messages with their line numbers, warnings once', async () => {
    const one = await cli(['run', STATELESS, ...LABELS, '--input', textFile, '--workers', '1']);
    const two = await cli(['run', STATELESS, ...LABELS, '--input', textFile, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stdout.length).toBeGreaterThan(2 * 1024 * 1024); // three batches at least
    expect(one.stderr).toMatch(/input line 7993 dropped by stage.drop/);
    expect(one.stderr.match(/warning: .*uuidv4/g)).toHaveLength(1);
  });

  it('writes the same from a pipe as from a file', async () => {
    const { readFileSync } = await import('node:fs');
    const one = await cli(['run', STATELESS, ...LABELS, '--workers', '1'], { stdin: readFileSync(textFile) });
    const two = await cli(['run', STATELESS, ...LABELS, '--workers', '2'], { stdin: readFileSync(textFile) });
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(one.stderr);
  });

  it('writes the same jsonl records, unreadable input lines included, and the same exit code', async () => {
    const args = ['run', STATELESS, '--input', jsonlFile, '--input-format', 'jsonl', '--format', 'jsonl'];
    const one = await cli([...args, '--workers', '1']);
    const two = await cli([...args, '--workers', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stdout.toString()).toContain('"input_line":19983');
  });

  it('reports a line over the length limit at its line number, as one thread does', async () => {
    const one = await cli(['run', STATELESS, ...LABELS, '--input', tooLongFile, '--workers', '1']);
    const two = await cli(['run', STATELESS, ...LABELS, '--input', tooLongFile, '--workers', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr).toContain(`input line 3002: line is ${64 * 1024 * 1024 + 10} bytes long, over the limit of this run; skipped`);
    expect(one.stdout.toString().endsWith('after the long line\n')).toBe(true);
  });

  it('runs a pipeline that joins lines on one thread, and says why', async () => {
    const input = Buffer.from('2024-01-01 start\n  at frame 1\n  at frame 2\n2024-01-02 next\n');
    const one = await cli(['run', MULTILINE, '--workers', '1'], { stdin: input });
    const two = await cli(['run', MULTILINE, '--workers', '2'], { stdin: input });
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(
      `alloy-scrub: note: --workers 2: running on one thread, because stage.multiline at ${MULTILINE}:3:3 joins lines into blocks; only pipelines that treat every line on its own are split between threads\n${one.stderr}`,
    );
  });

  it('ends with exit code 2 and the worker error when a worker thread crashes', async () => {
    const r = await cli(['run', STATELESS, ...LABELS, '--input', textFile, '--workers', '2'], { env: { ALLOY_SCRUB_TEST_WORKER_CRASH_AT_BATCH: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/alloy-scrub: internal error: worker thread [12] of 2 failed: injected crash at batch 1/);
  });

  it('refuses a number of workers that is not a positive integer or auto', async () => {
    const r = await cli(['run', STATELESS, '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers must be "auto" or an integer from 1 to 64, not "0"');
  });
});
