// Verdicts on single entries, through real pipelines.
import { describe, expect, it } from 'vitest';
import { escaped, placed, type FuzzEntry } from '../../src/fuzz/contexts/entry.ts';
import { jsonEscape } from '../../src/fuzz/contexts/encoders.ts';
import { FUZZ_TIME_NS } from '../../src/fuzz/engine.ts';
import { changedClean, judge, type JudgeOptions } from '../../src/fuzz/judge.ts';
import { loadRunner } from './load-runner.ts';

const opts: JudgeOptions = { minFragment: 8, labels: new Map(), timestampNs: FUZZ_TIME_NS };
const KEY = 'AKIA' + 'Q2W3E4R5T6Y7U8I9';
const TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const entry = (line: string, secret: string): FuzzEntry => ({ type: 't', context: 'c', line, secrets: [placed({ type: 't', value: secret, secret })] });

describe('judge', () => {
  it('calls an entry redacted when no sink receives the secret', () => {
    const runner = loadRunner('test/fuzz/fixtures/aws-scrub.alloy', 'loki.process.scrub');
    expect(judge(runner, entry(`key ${KEY} used`, KEY), opts)).toEqual({ kind: 'redacted', dropped: false });
  });

  it('calls an entry leaked when a fragment of the secret reaches a sink', () => {
    const runner = loadRunner('test/fuzz/fixtures/aws-scrub.alloy', 'loki.process.scrub');
    expect(judge(runner, entry(`token ${TOKEN}`, TOKEN), opts).kind).toBe('leaked');
  });

  it('does not count a dropped entry as a leak', () => {
    const runner = loadRunner('test/fuzz/fixtures/aws-scrub.alloy', 'loki.process.scrub');
    expect(judge(runner, entry(`healthcheck ${TOKEN}`, TOKEN), opts)).toEqual({ kind: 'redacted', dropped: true });
  });

  it('counts a secret copied into a label as a leak', () => {
    const runner = loadRunner('test/fuzz/fixtures/label-leak.alloy', 'loki.process.scrub');
    const v = judge(runner, entry(`auth token=${TOKEN}`, TOKEN), opts);
    expect(v.kind === 'leaked' && v.site.where).toBe('label tok');
  });

  it('calls an entry unknown, never redacted, when its path is not simulated', () => {
    const runner = loadRunner('test/fuzz/fixtures/unsimulated-sink.alloy', 'loki.process.scrub');
    expect(judge(runner, entry(`key ${KEY} used`, KEY), opts).kind).toBe('unknown');
  });

  it('sees a clean line changed when the pipeline rewrites it', () => {
    const runner = loadRunner('test/fuzz/fixtures/aws-scrub.alloy', 'loki.process.scrub');
    expect(changedClean(runner, { type: 'clean', context: 'c', line: 'healthcheck ok', secrets: [] }, opts)).toBe('changed');
  });

  it('sees a clean line unchanged when the pipeline leaves it alone', () => {
    const runner = loadRunner('test/fuzz/fixtures/aws-scrub.alloy', 'loki.process.scrub');
    expect(changedClean(runner, { type: 'clean', context: 'c', line: 'user=ada status=200', secrets: [] }, opts)).toBe('unchanged');
  });
});

describe('judge on transformed secrets', () => {
  it('finds a secret that the pipeline unescaped out of a docker envelope', () => {
    const runner = loadRunner('test/fuzz/fixtures/docker-unwrap.alloy', 'loki.process.unwrap');
    // Every 8-character window of this secret holds a quote: only its raw spelling survives
    // stage.docker, which decodes the envelope's JSON escapes.
    const secret = 'a"b\\c"d"e';
    const line = `{"log":"password: ${jsonEscape(secret)}\\n","stream":"stdout","time":"2024-01-01T00:00:00Z"}`;
    const e: FuzzEntry = { type: 'password', context: 'docker', line, secrets: escaped([placed({ type: 'password', value: secret, secret })], jsonEscape) };
    const v = judge(runner, e, opts);
    expect(v.kind === 'leaked' && v.output.entry.line).toBe(`password: ${secret}\n`);
  });
});
