// `alloy-scrub test PATH…`: run scrub-rule test files and report verdicts.
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { compileRegex } from '../../regex/index.ts';
import { discoverTestFiles } from '../../harness/discover.ts';
import { maskResults } from '../../harness/mask.ts';
import { renderJson } from '../../harness/reporters/json.ts';
import { renderJunit } from '../../harness/reporters/junit.ts';
import { renderPretty } from '../../harness/reporters/pretty.ts';
import { runSuite } from '../../harness/runner.ts';
import { readTestSuite } from '../../harness/test-file.ts';
import { TestFileError, type TestResult, type TestSuite } from '../../harness/types.ts';
import { CliExit, EXIT_FINDING, EXIT_OK, usageError } from '../exit.ts';

interface TestOptions {
  reporter: string;
  reveal?: boolean;
  run?: string;
  trace?: boolean;
  watch?: boolean;
}

export function register(program: Command): void {
  program
    .command('test')
    .description('run scrub-rule test files (*.test.yaml, or Alloy pipeline tests) against the config they name')
    .argument('<paths...>', 'test files, or directories searched for *.test.yaml')
    .option('--reporter <name>', 'pretty | json | junit', 'pretty')
    .option('--reveal', 'show leaked secrets in full instead of masking them')
    .option('--run <regex>', 'only tests whose name matches this (Go RE2 syntax)')
    .option('--trace', 'show the entry after every stage for each test')
    .option('--watch', 'run again whenever a test file or its config changes')
    .action(async (paths: string[], opts: TestOptions) => {
      if (!['pretty', 'json', 'junit'].includes(opts.reporter)) throw usageError(`unknown reporter "${opts.reporter}" (pretty, json, junit)`);
      let select: ((name: string) => boolean) | undefined;
      if (opts.run !== undefined) {
        try {
          const re = compileRegex(opts.run);
          select = (name) => re.matchString(name);
        } catch (err) {
          throw usageError(`--run: ${(err as Error).message}`);
        }
      }
      const once = () => runOnce(paths, opts, select);
      if (!opts.watch) {
        process.exitCode = once().code;
        return;
      }
      await watchAndRun(paths, once);
    });
}

function runOnce(paths: string[], opts: TestOptions, select?: (name: string) => boolean): { code: number; watched: string[] } {
  const { files, missing } = discoverTestFiles(paths);
  if (missing.length > 0) throw usageError(`no such file or directory: ${missing.join(', ')}`);
  if (files.length === 0) throw usageError(`no test files (*.test.yaml) found in ${paths.join(', ')}`);
  const results: TestResult[] = [];
  const problems: string[] = [];
  // What Alloy would object to outside the simulated path: shown, but not a verdict.
  const warnings: string[] = [];
  const watched = new Set<string>();
  for (const file of files) {
    watched.add(file);
    let suite: TestSuite;
    try {
      suite = readTestSuite(file, readFileSync(file, 'utf8'));
    } catch (err) {
      if (err instanceof TestFileError) {
        problems.push(err.message);
        continue;
      }
      throw err;
    }
    if (suite.config.kind === 'path') watched.add(isAbsolute(suite.config.path) ? suite.config.path : resolve(dirname(file), suite.config.path));
    results.push(...runSuite(suite, { select, trace: opts.trace, onConfigWarning: (text) => warnings.push(text) }));
  }
  const shown = opts.reveal ? results : maskResults(results);
  const color = opts.reporter === 'pretty' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  if (opts.reporter === 'json') process.stdout.write(renderJson(shown));
  else if (opts.reporter === 'junit') process.stdout.write(renderJunit(shown));
  else process.stdout.write(renderPretty(shown, { color }));
  for (const w of warnings) process.stderr.write(`${w}\n`);
  for (const p of problems) process.stderr.write(`${p}\n`);
  const bad = problems.length > 0 || results.some((r) => r.status !== 'pass');
  return { code: bad ? EXIT_FINDING : EXIT_OK, watched: [...watched] };
}

async function watchAndRun(paths: string[], once: () => { code: number; watched: string[] }): Promise<never> {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(cycle, 150);
  };
  const cycle = () => {
    for (const w of watchers) w.close();
    let watched: string[] = [];
    try {
      watched = once().watched;
    } catch (err) {
      // Whatever stopped this run (a test file gone, a path that does not exist yet) is reported;
      // the next change runs again.
      process.stderr.write(`${err instanceof CliExit ? err.message : `alloy-scrub: ${(err as Error)?.message ?? String(err)}`}\n`);
      watched = paths;
    }
    watchers = watched.flatMap((f) => watchPath(f, again) ?? []);
    // Said once the watches are in place: a change from here on runs the tests again.
    process.stderr.write(`\nwatching ${watched.length} file(s) for changes; Ctrl-C to stop\n`);
  };
  cycle();
  return new Promise<never>(() => {
    // Runs until interrupted.
  });
}

/**
 * Calls `onChange` when `path` changes. A path that does not exist (deleted, renamed away, or
 * between the two halves of an editor's delete-and-write save) is waited for in its directory,
 * so that it runs again once it is back. Undefined when neither can be watched (said on stderr).
 */
function watchPath(path: string, onChange: () => void): FSWatcher | undefined {
  const start = (target: string, listener: (event: string, name: string | null) => void): FSWatcher => {
    const w = watch(target, listener);
    // A watcher whose target goes away may report an error instead of an event (platform-dependent).
    w.on('error', onChange);
    return w;
  };
  const cannotWatch = (err: unknown) => {
    process.stderr.write(`alloy-scrub: cannot watch ${path}: ${(err as Error).message}\n`);
    return undefined;
  };
  try {
    return start(path, onChange);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return cannotWatch(err);
  }
  const name = basename(path);
  try {
    return start(dirname(path), (_event, changed) => {
      if (changed === null || changed === name) onChange();
    });
  } catch (err) {
    return cannotWatch(err);
  }
}
