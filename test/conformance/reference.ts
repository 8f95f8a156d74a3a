// Alloy's own parser and printer as a differential reference, built at run time from the Alloy tree
// under test: its syntax packages are written to a temporary GOPATH together with our small driver
// (reference-driver/main.go) and compiled with the local Go toolchain. Nothing of Alloy is copied
// into this repository; the temporary directory is removed at exit.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceTree } from './source-tree.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Alloy files the parser and printer need (the diagnostics pretty-printer is left out: it needs a third-party module). */
const PACKAGE_FILES = [
  'token/token.go',
  'token/file.go',
  'scanner/scanner.go',
  'scanner/identifier.go',
  'ast/ast.go',
  'ast/walk.go',
  'diag/diag.go',
  'parser/parser.go',
  'parser/internal.go',
  'printer/printer.go',
  'printer/walker.go',
  'printer/trimmer.go',
];

export interface ReferenceAnswer {
  diags: { Line: number; Col: number; Msg: string }[];
  fmt: string | null;
  panic?: string;
}

export interface Reference {
  /** Answers for each source; strings are sent as UTF-8, buffers as they are. */
  ask(sources: (string | Buffer)[]): Promise<ReferenceAnswer[]>;
  dispose(): void;
}

/** Builds the reference, or returns a reason why it cannot be built. */
export function buildReference(tree: SourceTree): Reference | string {
  const files = new Set(tree.list());
  const missing = PACKAGE_FILES.filter((f) => !files.has(`syntax/${f}`));
  if (missing.length) return `the tree lacks ${missing.join(', ')}`;
  const root = mkdtempSync(join(tmpdir(), 'alloy-ref-'));
  try {
    const pkgRoot = join(root, 'src/github.com/grafana/alloy/syntax');
    for (const f of PACKAGE_FILES) {
      mkdirSync(dirname(join(pkgRoot, f)), { recursive: true });
      writeFileSync(join(pkgRoot, f), tree.read(`syntax/${f}`));
    }
    mkdirSync(join(root, 'src/refdrv'), { recursive: true });
    writeFileSync(join(root, 'src/refdrv/main.go'), readFileSync(join(here, 'reference-driver/main.go')));
    const bin = join(root, 'refdrv');
    execFileSync('go', ['build', '-o', bin, './src/refdrv'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GOPATH: root, GO111MODULE: 'off', GOFLAGS: '', GOCACHE: join(root, '.gocache') },
    });
    return {
      ask: (sources) => ask(bin, sources),
      dispose: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    return `go build failed: ${stderr.slice(0, 500)}`;
  }
}

function ask(bin: string, sources: (string | Buffer)[]): Promise<ReferenceAnswer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`reference driver exited with ${code}`));
      const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l !== '');
      if (lines.length !== sources.length) return reject(new Error(`reference answered ${lines.length} of ${sources.length}`));
      resolve(lines.map((l) => JSON.parse(l) as ReferenceAnswer));
    });
    child.stdin.end(sources.map((s) => JSON.stringify({ src: (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64') })).join('\n') + '\n');
  });
}
