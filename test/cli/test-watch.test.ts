// `alloy-scrub test --watch`, end to end: the command runs as a process on a config and test file
// in a temporary directory, the test edits them as an editor would, and reads the reports it prints.
// Nothing here measures time: each wait polls the output, and its limit only stops a hung run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/alloy-scrub');
const HANG_GUARD_MS = 60_000;

const config = (replacement: string) => `loki.process "scrub" {
  stage.replace {
    expression = \`password=(\\S+)\`
    replace    = "${replacement}"
  }
  forward_to = []
}
`;

const testFile = (expected: string) => `config: scrub.alloy
tests:
  - name: a password is scrubbed
    component: loki.process.scrub
    input: 'login password=hunter2'
    expect: '${expected}'
`;

const WATCHING = /^watching \d+ file\(s\) for changes.*$/gm;

/** What one run printed: the report on stdout, problems and the "watching" line on stderr. */
interface Run {
  stdout: string;
  stderr: string;
}

/** A running `alloy-scrub test --watch` and what it has printed so far. */
class Watch {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private runsSeen = 0;
  private stdoutMark = 0;
  private stderrMark = 0;

  constructor(cwd: string, args: string[]) {
    this.child = spawn(BIN, ['test', ...args, '--watch'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.stdout += s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr += s));
    this.child.on('exit', (code, signal) => (this.exit = { code, signal }));
  }

  /**
   * Waits for the next run to end — the command says it is watching again once its watches are
   * in place, after the report — and returns what that run printed.
   */
  async nextRun(): Promise<Run> {
    const runs = () => [...this.stderr.matchAll(WATCHING)].length;
    await this.until(() => runs() > this.runsSeen, `run ${this.runsSeen + 1}`);
    this.runsSeen++;
    const end = [...this.stderr.matchAll(WATCHING)][this.runsSeen - 1]!;
    const run = { stdout: this.stdout.slice(this.stdoutMark), stderr: this.stderr.slice(this.stderrMark, end.index + end[0].length) };
    this.stdoutMark = this.stdout.length;
    this.stderrMark = end.index + end[0].length;
    return run;
  }

  /** Polls `done` until it holds; fails if the process ends first or the hang guard runs out. */
  async until(done: () => boolean, what: string, ending = false): Promise<void> {
    const deadline = Date.now() + HANG_GUARD_MS;
    while (!done()) {
      if (this.exit && !ending) throw new Error(`alloy-scrub exited (${JSON.stringify(this.exit)}) before ${what}\n${this.output()}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within the hang guard\n${this.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(signal: NodeJS.Signals): Promise<void> {
    if (!this.exit) this.child.kill(signal);
    await this.until(() => this.exit !== undefined, `the end of the process after ${signal}`, true);
  }

  output(): string {
    return `--- stdout\n${this.stdout}--- stderr\n${this.stderr}`;
  }
}

/** Replaces a file the way most editors save: write a new file beside it, rename it over. */
function save(path: string, text: string): void {
  writeFileSync(`${path}.saving`, text);
  renameSync(`${path}.saving`, path);
}

describe('alloy-scrub test --watch', () => {
  let dir: string;
  let watcher: Watch | undefined;
  const cfg = () => join(dir, 'scrub.alloy');
  const tests = () => join(dir, 'scrub.test.yaml');
  const start = () => (watcher = new Watch(dir, ['scrub.test.yaml']));
  const BROKEN = config('REDACTED').replace('"REDACTED"', '"REDACTED');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alloy-scrub-watch-'));
    writeFileSync(cfg(), config('REDACTED'));
    writeFileSync(tests(), testFile('login password=REDACTED'));
  });

  afterEach(async () => {
    await watcher?.stop('SIGKILL');
    watcher = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  test('the first report comes without a change and shows the verdict of the files as they are', async () => {
    const first = await start().nextRun();
    expect(first.stdout).toContain('✓ pass    a password is scrubbed');
    expect(first.stdout).toContain('1 passed, 0 failed, 0 unknown');
    expect(first.stderr).toContain('watching 2 file(s) for changes; Ctrl-C to stop');
  });

  test('an edit to the config runs the tests again, and the report shows the test that now fails', async () => {
    const w = start();
    await w.nextRun();
    save(cfg(), config('XXX'));
    const second = await w.nextRun();
    expect(second.stdout).toContain('✗ FAIL    a password is scrubbed');
    expect(second.stdout).toContain('actual:   login password={+XXX+}');
    expect(second.stdout).toContain('0 passed, 1 failed, 0 unknown');
  });

  test('an edit to the test file runs it again with the new expectation', async () => {
    const w = start();
    await w.nextRun();
    save(tests(), testFile('login password=hunter2'));
    const second = await w.nextRun();
    expect(second.stdout).toContain('✗ FAIL    a password is scrubbed');
    expect(second.stdout).toContain('0 passed, 1 failed, 0 unknown');
  });

  test('a config that does not parse is reported with file:line:col, and watching goes on', async () => {
    const w = start();
    await w.nextRun();
    save(cfg(), BROKEN);
    const broken = await w.nextRun();
    expect(broken.stdout).toContain('scrub.alloy:4:18: string literal not terminated');
    expect(broken.stderr).toContain('watching 2 file(s) for changes');
    expect(w.exit).toBeUndefined();
  });

  test('fixing a config that did not parse gives a passing report again', async () => {
    const w = start();
    await w.nextRun();
    save(cfg(), BROKEN);
    await w.nextRun();
    save(cfg(), config('REDACTED'));
    const fixed = await w.nextRun();
    expect(fixed.stdout).toContain('✓ pass    a password is scrubbed');
    expect(fixed.stdout).toContain('1 passed, 0 failed, 0 unknown');
  });

  test('a config file that goes away is reported, and putting it back runs the tests again', async () => {
    const w = start();
    await w.nextRun();
    renameSync(cfg(), `${cfg()}.away`);
    const missing = await w.nextRun();
    expect(missing.stdout).toContain('ENOENT: no such file or directory');
    renameSync(`${cfg()}.away`, cfg());
    const back = await w.nextRun();
    expect(back.stdout).toContain('1 passed, 0 failed, 0 unknown');
  });

  test('a test file that goes away is reported, and putting it back runs it again', async () => {
    const w = start();
    await w.nextRun();
    renameSync(tests(), `${tests()}.away`);
    const missing = await w.nextRun();
    expect(missing.stderr).toContain('no such file or directory: scrub.test.yaml');
    renameSync(`${tests()}.away`, tests());
    const back = await w.nextRun();
    expect(back.stdout).toContain('1 passed, 0 failed, 0 unknown');
  });

  test('Ctrl-C (SIGINT) ends the process', async () => {
    const w = start();
    await w.nextRun();
    await w.stop('SIGINT');
    expect(w.exit).toEqual({ code: null, signal: 'SIGINT' });
  });
});
