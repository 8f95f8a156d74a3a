import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { register } from '../../../src/cli/commands/fmt.ts';
import { runCommand } from './run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'alloy-scrub-fmt-'));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('alloy-scrub fmt', () => {
  it('prints the formatted file to stdout', async () => {
    const f = file('a.alloy', 'a=1\nlong_name = 2\n');
    const r = await runCommand(register, ['fmt', f]);
    expect(r).toEqual({ code: 0, stdout: 'a         = 1\nlong_name = 2\n', stderr: '' });
  });

  it('rewrites a file in place with -w', async () => {
    const f = file('w.alloy', 'b {x=1}\n');
    const r = await runCommand(register, ['fmt', '-w', f]);
    expect(r.code).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe('b {\n\tx = 1\n}\n');
  });

  it('lists files that would change and exits 1 with --check', async () => {
    const good = file('good.alloy', 'a = 1\n');
    const bad = file('unformatted.alloy', 'a=1\n');
    const r = await runCommand(register, ['fmt', '--check', good, bad]);
    expect(r).toEqual({ code: 1, stdout: `${bad}\n`, stderr: '' });
  });

  it('exits 0 with --check when every file is formatted', async () => {
    const good = file('good2.alloy', 'a = 1\n');
    const r = await runCommand(register, ['fmt', '--check', good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('does not format a file with syntax errors and exits 1', async () => {
    const f = file('err.alloy', 'a = \n');
    const r = await runCommand(register, ['fmt', '-w', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2:1: expected expression, got EOF`);
    expect(readFileSync(f, 'utf8')).toBe('a = \n');
  });

  it('refuses -w together with --check as a usage error', async () => {
    const f = file('x.alloy', 'a = 1\n');
    const r = await runCommand(register, ['fmt', '-w', '--check', f]);
    expect(r.code).toBe(2);
  });

  it('checks every .alloy file under a directory, in sorted order', async () => {
    const sub = join(dir, 'tree');
    mkdirSync(join(sub, 'nested'), { recursive: true });
    writeFileSync(join(sub, 'b.alloy'), 'b=1\n');
    writeFileSync(join(sub, 'nested', 'a.alloy'), 'a=1\n');
    writeFileSync(join(sub, 'ok.alloy'), 'a = 1\n');
    writeFileSync(join(sub, 'notes.txt'), 'x=1\n');
    const r = await runCommand(register, ['fmt', '--check', sub]);
    expect(r).toEqual({ code: 1, stdout: `${join(sub, 'b.alloy')}\n${join(sub, 'nested', 'a.alloy')}\n`, stderr: '' });
  });
});
