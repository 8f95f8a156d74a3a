import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register, renderGraph } from '../../../src/cli/commands/graph.ts';
import { CliExit } from '../../../src/cli/exit.ts';
import { loadConfig } from '../../../src/config/load.ts';

const SAMPLES = join(import.meta.dirname, '../../../samples/configs');
const SRC = 'loki.echo "out" {}\nloki.process "p" {\n  forward_to = [loki.echo.out.receiver]\n}\n';

async function runGraph(args: string[]): Promise<{ stdout: string; error?: CliExit }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const program = new Command('alloy-scrub').exitOverride();
  register(program);
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(['node', 'alloy-scrub', 'graph', ...args]);
    return { stdout };
  } catch (err) {
    if (err instanceof CliExit) return { stdout, error: err };
    throw err;
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('renderGraph', () => {
  const model = loadConfig(SRC, 'main.alloy', { env: {} });

  it('lists components and forward edges as text', () => {
    expect(renderGraph(model, 'text')).toBe(
      'components (2):\n  loki.echo.out  main.alloy:1:1\n  loki.process.p  main.alloy:2:1\nedges (1):\n  loki.process.p --> loki.echo.out  [forward_to, forward] 3:17\n',
    );
  });
  it('draws a dot digraph with one edge per reference', () => {
    expect(renderGraph(model, 'dot')).toContain('"loki.process.p" -> "loki.echo.out" [label="forward_to"];');
  });
  it('prints JSON with components and edges', () => {
    const j = JSON.parse(renderGraph(model, 'json'));
    expect(j.edges).toEqual([{ from: 'loki.process.p', to: 'loki.echo.out', via: 'forward_to', kind: 'forward', line: 3, column: 17 }]);
  });
  it('draws reference edges dashed in dot', () => {
    const m = loadConfig('discovery.kubernetes "k" {\n  role = "pod"\n}\ndiscovery.relabel "r" {\n  targets = discovery.kubernetes.k.targets\n}\n', 'main.alloy', { env: {} });
    expect(renderGraph(m, 'dot')).toContain('"discovery.relabel.r" -> "discovery.kubernetes.k" [label="targets", style=dashed];');
  });
});

describe('graph command', () => {
  it('prints the graph of a sample config', async () => {
    const r = await runGraph([join(SAMPLES, 'seed-multitenant.alloy')]);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain('loki.process.pod_logs --> loki.write.default  [forward_to, forward]');
  });
  it('exits 1 with a positioned message on an undefined reference', async () => {
    const r = await runGraph([join(import.meta.dirname, 'fixtures/undefined-ref.alloy')]);
    expect(r.error?.code).toBe(1);
    expect(r.error?.message).toContain('undefined-ref.alloy:2:17: component "loki.write.nope.receiver" does not exist or is out of scope');
  });
  it('exits 1 on a syntax error', async () => {
    const r = await runGraph([join(import.meta.dirname, 'fixtures/syntax-error.alloy')]);
    expect(r.error?.code).toBe(1);
    expect(r.error?.message).toMatch(/syntax-error\.alloy:\d+:\d+: /);
  });
});

describe('dot clusters', () => {
  it('draws the components of a module instance inside a cluster named after it', () => {
    const m = loadConfig('declare "d" {\n  loki.echo "e" {}\n}\nd "x" {}\n', 'main.alloy', { env: {} });
    expect(renderGraph(m, 'dot')).toContain('  subgraph "cluster_d.x" {\n    label="d.x";\n    "d.x/loki.echo.e";\n  }');
  });
});
