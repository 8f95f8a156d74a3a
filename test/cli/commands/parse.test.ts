import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { register } from '../../../src/cli/commands/parse.ts';
import { runCommand } from './run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'alloy-scrub-parse-'));
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('alloy-scrub parse', () => {
  it('exits 0 and summarises a valid file', async () => {
    const f = file('ok.alloy', 'a = 1\nb {\n}\n');
    const r = await runCommand(register, ['parse', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${f}: ok (2 statements, 0 comment groups)\n`);
  });

  it('uses the singular for one statement and one comment group', async () => {
    const f = file('one.alloy', '// c\na = 1\n');
    const r = await runCommand(register, ['parse', f]);
    expect(r.stdout).toBe(`${f}: ok (1 statement, 1 comment group)\n`);
  });

  it('exits 1 and prints file:line:col with a code frame for a syntax error', async () => {
    const f = file('bad.alloy', 'a = 1 b = 2\n');
    const r = await runCommand(register, ['parse', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${f}:1:7: expected TERMINATOR, got IDENT\n1 | a = 1 b = 2\n  |       ^\n`);
  });

  it('prints the AST and diagnostics as one JSON document per file with --json', async () => {
    const a = file('j1.alloy', 'a = 1\n');
    const b = file('j2.alloy', 'a = \n');
    const r = await runCommand(register, ['parse', '--json', a, b]);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => [d.file, d.ok, d.diagnostics.length])).toEqual([
      [a, true, 0],
      [b, false, 1],
    ]);
    expect(docs[0].ast.body[0].kind).toBe('Attribute');
    expect(r.code).toBe(1);
  });

  it('reports bytes that are not UTF-8 as Alloy does', async () => {
    const f = file('bytes.alloy', Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xff, 0x22, 0x0a]));
    const r = await runCommand(register, ['parse', f]);
    expect(r.stderr.split('\n')[0]).toBe(`${f}:1:6: illegal UTF-8 encoding`);
  });

  it('exits 2 when a file cannot be read', async () => {
    const r = await runCommand(register, ['parse', join(dir, 'missing.alloy')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
  });
});
