// `alloy-scrub parse FILE… [--json]`: read each file with Alloy's syntax rules. Errors are printed as
// `file:line:col: message` with a code frame (exit 1); --json prints one JSON document per file
// (JSON Lines) with the AST and the diagnostics. A file that cannot be read is a usage error (2).
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { formatDiagnostic } from '../../syntax/diagnostics.ts';
import { parseFile } from '../../syntax/parse.ts';
import { decodeSource, MAX_SOURCE_BYTES } from '../../syntax/source-text.ts';
import { CliExit, EXIT_FINDING, EXIT_OK, EXIT_USAGE } from '../exit.ts';

export function register(program: Command): void {
  program
    .command('parse')
    .description('parse Alloy files; print the AST as JSON (--json) or the syntax errors')
    .argument('<files...>', 'Alloy configuration files')
    .option('--json', 'print {file, ok, diagnostics, ast} per file, one JSON document per line')
    .action((files: string[], opts: { json?: boolean }) => {
      const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
      let code = EXIT_OK;
      const unreadable: string[] = [];
      for (const file of files) {
        let source: string;
        try {
          source = decodeSource(readSourceFile(file));
        } catch (err) {
          unreadable.push(`alloy-scrub: cannot read ${file}: ${(err as Error).message}`);
          continue;
        }
        const { file: ast, diagnostics } = parseFile(source, file);
        if (diagnostics.length > 0) code = EXIT_FINDING;
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ file, ok: diagnostics.length === 0, diagnostics, ast })}\n`);
          continue;
        }
        if (diagnostics.length > 0) {
          process.stderr.write(`${diagnostics.map((d) => formatDiagnostic(d, source, { color })).join('\n\n')}\n`);
        } else {
          process.stdout.write(`${file}: ok (${count(ast.body.length, 'statement')}, ${count(ast.comments.length, 'comment group')})\n`);
        }
      }
      if (unreadable.length > 0) throw new CliExit(EXIT_USAGE, unreadable.join('\n'));
      process.exitCode = code;
    });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Reads a config file's bytes ("-" is standard input), refusing files over MAX_SOURCE_BYTES. */
export function readSourceFile(file: string): Buffer {
  if (file !== '-' && statSync(file).size > MAX_SOURCE_BYTES) {
    throw new Error(`file is larger than ${MAX_SOURCE_BYTES / 1048576} MiB, the limit for Alloy configurations here`);
  }
  const bytes = readFileSync(file === '-' ? 0 : file);
  if (bytes.length > MAX_SOURCE_BYTES) throw new Error(`input is larger than ${MAX_SOURCE_BYTES / 1048576} MiB`);
  return bytes;
}
