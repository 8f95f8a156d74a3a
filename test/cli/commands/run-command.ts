// Runs one registered command in-process and captures what it prints and its exit code.
import { Command } from 'commander';
import { vi } from 'vitest';
import { CliExit } from '../../../src/cli/exit.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(register: (program: Command) => void, args: string[]): Promise<CommandResult> {
  const program = new Command('alloy-scrub').exitOverride();
  register(program);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} }));
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const saved = process.exitCode;
  process.exitCode = undefined;
  let code = 0;
  try {
    await program.parseAsync(['node', 'alloy-scrub', ...args]);
    code = process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CliExit) {
      code = e.code;
      stderr += e.message;
    } else if (typeof (e as { exitCode?: number }).exitCode === 'number') {
      code = (e as { exitCode: number }).exitCode === 0 ? 0 : 2;
    } else {
      throw e;
    }
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = saved;
  }
  return { code, stdout, stderr };
}
