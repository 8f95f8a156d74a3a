// `alloy-scrub fmt FILE… [-w] [--check]`: the canonical formatting of `alloy fmt`.
//   default   print the formatted files to stdout
//   -w        rewrite files whose formatting changes
//   --check   print the names of files that would change and exit 1 if any (like `gofmt -l`)
// A file with syntax errors is not formatted: its errors are printed and the exit code is 1.
// "-" reads standard input (not with -w). A directory stands for every *.alloy file under it
// (as gofmt walks directories), in sorted order.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic } from '../../syntax/diagnostics.ts';
import { parseFile } from '../../syntax/parse.ts';
import { formatFile } from '../../syntax/printer.ts';
import { decodeSource } from '../../syntax/source-text.ts';
import { readSourceFile } from './parse.ts';
import { CliExit, EXIT_FINDING, EXIT_OK, EXIT_USAGE, usageError } from '../exit.ts';

export function register(program: Command): void {
  program
    .command('fmt')
    .description('format Alloy files exactly as `alloy fmt` does')
    .argument('<files...>', 'Alloy configuration files or directories of them ("-" for standard input)')
    .option('-w, --write', 'write the result back to the file instead of stdout')
    .option('--check', 'list files whose formatting would change; exit 1 if there are any')
    .action((files: string[], opts: { write?: boolean; check?: boolean }) => {
      if (opts.write && opts.check) throw usageError('alloy-scrub: -w and --check cannot be used together');
      if (opts.write && files.includes('-')) throw usageError('alloy-scrub: cannot use -w with standard input');
      const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
      let code = EXIT_OK;
      const unreadable: string[] = [];
      for (const file of expandDirectories(files)) {
        let bytes: Buffer;
        try {
          bytes = readSourceFile(file);
        } catch (err) {
          unreadable.push(`alloy-scrub: cannot read ${file}: ${(err as Error).message}`);
          continue;
        }
        const name = file === '-' ? '<stdin>' : file;
        const source = decodeSource(bytes);
        const { file: ast, diagnostics } = parseFile(source, name);
        if (diagnostics.length > 0) {
          process.stderr.write(`${diagnostics.map((d) => formatDiagnostic(d, source, { color })).join('\n\n')}\n`);
          code = EXIT_FINDING;
          continue;
        }
        const formatted = formatFile(ast, source);
        // Compare bytes, as Alloy does: a file that is not valid UTF-8 never parses, so this is exact.
        const unchanged = Buffer.from(formatted, 'utf8').equals(bytes);
        if (opts.check) {
          if (!unchanged) {
            process.stdout.write(`${name}\n`);
            code = EXIT_FINDING;
          }
        } else if (opts.write) {
          if (!unchanged) writeFileSync(file, formatted);
        } else {
          process.stdout.write(formatted);
        }
      }
      if (unreadable.length > 0) throw new CliExit(EXIT_USAGE, unreadable.join('\n'));
      process.exitCode = code;
    });
}

/** Replaces each directory by the *.alloy files under it, sorted; other arguments stay as they are. */
function expandDirectories(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = arg !== '-' && statSync(arg).isDirectory();
    } catch {
      // Not there: reading it reports the problem.
    }
    if (isDir) out.push(...alloyFilesUnder(arg));
    else out.push(arg);
  }
  return out;
}

function alloyFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...alloyFilesUnder(path));
    else if (entry.isFile() && entry.name.endsWith('.alloy')) found.push(path);
  }
  return found;
}
