// Builds and drives the project's own Go programs that serve as differential oracles.
// Each oracle reads JSON requests, one per line, on stdin and answers one JSON line per request.
// Go is required: when it is missing the differential suites fail with a clear message.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const built = new Map<string, string>();

export function goAvailable(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Compiles test/oracle/<name>/main.go once per process and returns the binary's path. */
export function buildOracle(name: string): string {
  return buildGoProgram(join(here, name, 'main.go'), name);
}

/**
 * Compiles a stdlib-only Go program of the project's own (any main.go under test/) once per
 * process, into test/oracle/bin (git-ignored), and returns the binary's path.
 */
export function buildGoProgram(mainGo: string, name: string): string {
  const cached = built.get(mainGo);
  if (cached) return cached;
  if (!goAvailable()) {
    throw new Error('the Go toolchain is required for the differential suites (apt-get install golang-go)');
  }
  const outDir = join(here, 'bin');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, name);
  execFileSync('go', ['build', '-o', out, mainGo], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GO111MODULE: 'off', GOCACHE: process.env.GOCACHE ?? join(outDir, '.gocache') },
  });
  built.set(mainGo, out);
  return out;
}

/** Runs a built Go program on JSON-lines requests synchronously and returns its answers. */
export function askGoProgramSync<Res>(bin: string, requests: readonly object[]): Res[] {
  const run = spawnSync(bin, [], { input: requests.map((r) => JSON.stringify(r)).join('\n') + '\n', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${bin} exited with ${run.status}: ${run.stderr?.toString() ?? ''}`);
  const lines = run.stdout.toString('utf8').split('\n').filter((l) => l !== '');
  if (lines.length !== requests.length) throw new Error(`${bin} answered ${lines.length} of ${requests.length} requests`);
  return lines.map((l) => JSON.parse(l) as Res);
}

/** Sends every request to the oracle in one process and returns the answers in order. */
export async function askOracle<Req, Res>(name: string, requests: Req[]): Promise<Res[]> {
  const bin = buildOracle(name);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`oracle ${name} exited with ${code}`));
      const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l !== '');
      if (lines.length !== requests.length) {
        return reject(new Error(`oracle ${name} answered ${lines.length} of ${requests.length} requests`));
      }
      resolve(lines.map((l) => JSON.parse(l) as Res));
    });
    child.stdin.end(requests.map((r) => JSON.stringify(r)).join('\n') + '\n');
  });
}
