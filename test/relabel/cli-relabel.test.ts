// The `relabel` command end to end, in process: arguments in, stdout/stderr and exit code out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/relabel.ts';
import { CliExit } from '../../src/cli/exit.ts';

const dir = mkdtempSync(join(tmpdir(), 'relabel-cli-'));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const PII = file(
  'pii.alloy',
  `prometheus.relabel "drop_pii_labels" {
  forward_to = [prometheus.remote_write.mimir.receiver]
  rule {
    action = "labeldrop"
    regex  = "user_id|email|username|customer_id|session_id"
  }
  rule {
    source_labels = ["client_ip"]
    target_label  = "client_ip_hashed"
    action        = "replace"
    replacement   = "hashed"
  }
  rule {
    action = "labeldrop"
    regex  = "client_ip"
  }
  rule {
    source_labels = ["__name__"]
    regex         = "debug_.*"
    action        = "drop"
  }
}
prometheus.remote_write "mimir" {
  endpoint {
    url = "https://mimir.internal:9090/api/v1/push"
  }
}
`,
);

const SERIES = file(
  'series.prom',
  `# TYPE http_requests_total counter
http_requests_total{user_id="42",client_ip="10.1.2.3",path="/"} 7
debug_cache_hits 3
`,
);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const program = new Command('alloy-scrub').exitOverride();
  register(program);
  program.commands.forEach((c) => c.exitOverride());
  process.exitCode = undefined;
  let code = 0;
  try {
    await program.parseAsync(['node', 'alloy-scrub', 'relabel', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (!(e instanceof CliExit)) throw e;
    code = e.code;
    stderr += e.message;
  } finally {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  }
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('alloy-scrub relabel', () => {
  it('prints the relabelled series in exposition format, comments kept', async () => {
    const r = await cli(PII, '--input', SERIES);
    expect(r.stdout.split('\n')[1]).toBe('http_requests_total{client_ip_hashed="hashed",path="/"} 7');
  });

  it('says which rule dropped a series in a comment line', async () => {
    const r = await cli(PII, '--input', SERIES);
    expect(r.stdout.split('\n')[2]).toBe(`# dropped by prometheus.relabel.drop_pii_labels rule 4 (drop) at ${PII}:17:3: debug_cache_hits 3`);
  });

  it('writes one jsonl object per input with keep and dropped_by', async () => {
    const r = await cli(PII, '--input', SERIES, '--format', 'jsonl');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { labels: { __name__: 'http_requests_total', client_ip_hashed: 'hashed', path: '/' }, keep: true, sink: 'prometheus.remote_write.mimir' },
      { labels: null, keep: false, dropped_by: `prometheus.relabel.drop_pii_labels rule 4 (drop) at ${PII}:17:3` },
    ]);
  });

  it('reads {"labels":{…}} lines', async () => {
    const input = file('sets.jsonl', '{"labels":{"email":"a@b","job":"x"}}\n');
    const r = await cli(PII, '--input', input);
    expect(JSON.parse(r.stdout)).toMatchObject({ labels: { client_ip_hashed: 'hashed', job: 'x' }, keep: true });
  });

  it('exits 0 after relabelling', async () => {
    expect((await cli(PII, '--input', SERIES)).code).toBe(0);
  });

  it('lists the relabel components and exits 2 when there are several and none is chosen', async () => {
    const two = file('two.alloy', 'prometheus.relabel "a" {\n  forward_to = []\n}\nprometheus.relabel "b" {\n  forward_to = []\n}\n');
    const r = await cli(two, '--input', SERIES);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('  prometheus.relabel.a\n  prometheus.relabel.b')]);
  });

  it('reports an invalid rule with its position and exits 1', async () => {
    const bad = file('bad.alloy', 'prometheus.relabel "a" {\n  forward_to = []\n  rule {\n    source_labels = ["x"]\n  }\n}\n');
    const r = await cli(bad, '--input', SERIES);
    expect([r.code, r.stderr]).toEqual([1, expect.stringContaining(`${bad}:3:3: relabel configuration for replace action requires 'target_label' value`)]);
  });

  it('reports a malformed input line with its position and exits 1', async () => {
    const input = file('broken.prom', 'ok 1\nm{a="1" 2\n');
    const r = await cli(PII, '--input', input);
    expect([r.code, r.stderr]).toEqual([1, expect.stringMatching(/broken\.prom:2:\d+: /)]);
  });
});

describe('alloy-scrub relabel with bytes that are not UTF-8', () => {
  it('writes an invalid byte in a label value back unchanged', async () => {
    const input = join(dir, 'latin1.prom');
    writeFileSync(input, Buffer.concat([Buffer.from('m{path="caf'), Buffer.from([0xe9]), Buffer.from('"} 1\n')]));
    let raw = Buffer.alloc(0);
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((raw = Buffer.concat([raw, Buffer.from(chunk as Uint8Array)])), true));
    const program = new Command('alloy-scrub').exitOverride();
    register(program);
    await program.parseAsync(['node', 'alloy-scrub', 'relabel', PII, '--input', input]);
    process.exitCode = undefined;
    vi.restoreAllMocks();
    expect(raw.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x22]))).toBe(true);
  });
});
