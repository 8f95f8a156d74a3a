// Runs the real command line (bin/alloy-scrub) from the repository root, as the end-to-end tests
// do. ALLOY_SCRUB_BIN runs the same tests against another build (an installed package, a bundle).
import { spawn } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = process.env.ALLOY_SCRUB_BIN ?? join(ROOT, 'bin/alloy-scrub');

export interface CliResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface CliOptions {
  /** Bytes for stdin; without it stdin is not connected. */
  stdin?: Buffer | string;
  env?: Record<string, string>;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((ok, fail) => {
    const child = spawn(BIN, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    if (child.stdin) {
      child.stdin.on('error', () => {}); // the command may exit before reading everything
      child.stdin.end(opts.stdin);
    }
  });
}

/** The same, with stdout as text. */
export async function runCliText(args: string[], opts: CliOptions = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCli(args, opts);
  return { ...r, stdout: r.stdout.toString('utf8') };
}
