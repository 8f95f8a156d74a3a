import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/alloy-scrub');

function cli(...args: string[]) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('alloy-scrub test on the bundled samples', () => {
  test('the corrected hardening config passes with exit 0', () => {
    const r = cli('test', 'samples/corrected');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 passed, 0 failed, 0 unknown');
  });

  test("the seed's leak check fails with exit 1 and names the detectors", () => {
    const r = cli('test', 'samples/seed-hardening/leak-check.test.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('0 passed, 5 failed, 0 unknown');
    expect(r.stdout).toContain('aws-access-key-id');
    expect(r.stdout).toContain('github-token');
  });

  test('leaked secrets are masked in the report by default', () => {
    const r = cli('test', 'samples/seed-hardening/leak-check.test.yaml');
    expect(r.stdout).not.toContain('Tr0ub4dor&3');
    expect(r.stdout).not.toContain('ghp_Zq8fA2LmT0bXc9VnRk4Ws7Yp1Ud6Ei3Oj5Hg');
    expect(r.stdout).not.toContain('AKIAZ3MSJV4WWNKWW5X2');
  });

  test('--reveal shows the leaked secrets', () => {
    const r = cli('test', '--reveal', 'samples/seed-hardening/leak-check.test.yaml');
    expect(r.stdout).toContain('AKIAZ3MSJV4WWNKWW5X2');
  });

  test('json reporter output is masked too and follows the schema', () => {
    const r = cli('test', '--reporter', 'json', 'samples/seed-hardening/leak-check.test.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('AKIAZ3MSJV4WWNKWW5X2');
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toEqual({ passed: 0, failed: 5, unknown: 0 });
  });

  test('junit reporter output is XML with one testcase per test', () => {
    const r = cli('test', '--reporter', 'junit', 'samples/corrected');
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(12);
  });

  test('--run selects tests by a Go regular expression', () => {
    const r = cli('test', '--run', '(?i)^AN AWS ACCESS', '--reporter', 'json', 'samples/corrected');
    expect(JSON.parse(r.stdout).tests.map((t: { name: string }) => t.name)).toEqual(['an AWS access key id is scrubbed']);
  });

  test('an unknown reporter is a usage error with exit 2', () => {
    expect(cli('test', '--reporter', 'tap', 'samples/corrected').code).toBe(2);
  });

  test('a missing path is a usage error with exit 2', () => {
    const r = cli('test', 'samples/does-not-exist');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or directory');
  });

  test('a test file with an unknown key is reported with file:line:col and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alloy-scrub-'));
    const file = join(dir, 'bad.test.yaml');
    writeFileSync(file, 'config_inline: \'loki.process "p" { forward_to = [] }\'\ntests:\n  - name: n\n    input: a\n    expcet: a\n');
    const r = cli('test', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:5:5: unknown key "expcet"`);
  });
});
