// `alloy-scrub lint FILE… [--format pretty|json|sarif] [--fail-on error|warning|info]`: rules that
// cannot work as written and hardening findings (src/lint/). Exit 1 when a finding is at or above
// --fail-on (default warning), 0 otherwise, 2 for usage errors and unreadable files.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { atLeast, formatJson, formatPretty, formatSarif, lintSource, sortFindings, type LintResult, type Severity } from '../../lint/index.ts';
import { CliExit, EXIT_FINDING, EXIT_USAGE } from '../exit.ts';

interface LintOptions {
  format: 'pretty' | 'json' | 'sarif';
  failOn: Severity;
}

export function register(program: Command): void {
  program
    .command('lint')
    .description('find scrub rules that cannot work as written, invalid configuration and hardening problems')
    .argument('<files...>', 'Alloy configuration files')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json', 'sarif']).default('pretty'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').choices(['error', 'warning', 'info']).default('warning'))
    .action((files: string[], opts: LintOptions) => {
      const results: LintResult[] = files.map((file) => {
        let source: string;
        try {
          source = readFileSync(file, 'utf8');
        } catch (err) {
          throw new CliExit(EXIT_USAGE, `alloy-scrub: cannot read ${file}: ${(err as Error).message}`);
        }
        return lintSource(source, file);
      });
      const all = sortFindings(results.flatMap((r) => r.findings));
      const color = opts.format === 'pretty' && process.stdout.isTTY === true && !process.env.NO_COLOR;
      const text = opts.format === 'json' ? formatJson(all) : opts.format === 'sarif' ? formatSarif(all) : formatPretty(results, { color, sourceOf: readOrEmpty });
      process.stdout.write(text);
      if (all.some((f) => atLeast(f.severity, opts.failOn))) process.exitCode = EXIT_FINDING;
    });
}

/** A module file a finding points into, for its code frame; empty when it cannot be read. */
function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
