// The seed hardening configuration gets the findings a careful reviewer would give, each with its
// position and fix; a corrected configuration gets none; every sample config lints.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/lint/index.ts';
import { processLine, relabel, withRule } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = 'samples/configs/seed-hardening.alloy';
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const seed = lintSource(read(SEED), SEED).findings;
const at = (rule: string) => withRule(seed, rule).map((f) => `${f.range.start.line}:${f.range.start.column}`);
/** `line:column` of the n-th line of the seed that contains `text` (its first non-blank character). */
const where = (text: string, n = 1): string => {
  const lines = read(SEED).split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(text) ? [i] : []));
  const i = hits[n - 1]!;
  return `${i + 1}:${lines[i]!.search(/\S/) + 1}`;
};

describe('seed hardening configuration', () => {
  it('flags the AWS rule: no capture group, so it changes nothing', () => {
    expect(at('replace-no-capture-group')).toEqual([where('expression = `(?:AKIA|ASIA|AROA)')]);
  });

  it('flags both ${1} replacements', () => {
    expect(at('replace-template-backreference')).toEqual([where('replace    = "${1}', 1), where('replace    = "${1}', 2)]);
  });

  it('flags the constant client_ip_hashed "hash"', () => {
    const [f] = withRule(seed, 'relabel-constant-replacement');
    expect([`${f!.range.start.line}:${f!.range.start.column}`, f!.message.includes('client_ip_hashed')]).toEqual([where('replacement   = "hashed"'), true]);
  });

  it('flags loki.source.kubernetes_pods and suggests loki.source.kubernetes', () => {
    const [f] = withRule(seed, 'unknown-component');
    expect([`${f!.range.start.line}:${f!.range.start.column}`, f!.fix.startsWith('use loki.source.kubernetes ')]).toEqual([where('loki.source.kubernetes_pods "app_pods"'), true]);
  });

  it('flags the http block\'s listen_addr, which Alloy does not accept', () => {
    expect(at('component-config-rejected')).toEqual([where('listen_addr = ')]);
  });

  it('is right about what Alloy does with the seed\'s pipeline: the AWS key passes, ${1} is printed', () => {
    const line = processLine(read(SEED), 'loki.process.scrub_secrets', 'password=hunter2 key=AKIAABCDEFGHIJKLMNOP');
    expect(line).toBe('${1}=REDACTED=${1}=REDACTED key=AKIAABCDEFGHIJKLMNOP');
  });

  it('is right about the seed\'s relabel rule: every series gets client_ip_hashed="hashed"', () => {
    const a = relabel(read(SEED), 'prometheus.relabel.drop_pii_labels', { __name__: 'http_requests_total', client_ip: '10.1.2.3' });
    const b = relabel(read(SEED), 'prometheus.relabel.drop_pii_labels', { __name__: 'http_requests_total' });
    expect([a, b]).toEqual([
      { __name__: 'http_requests_total', client_ip_hashed: 'hashed' },
      { __name__: 'http_requests_total', client_ip_hashed: 'hashed' },
    ]);
  });

  it('gives every finding a fix', () => {
    expect(seed.filter((f) => f.fix.trim() === '')).toEqual([]);
  });

  it('gives nothing else', () => {
    expect(seed.map((f) => f.rule).sort()).toEqual([
      'component-config-rejected',
      'relabel-constant-replacement',
      'replace-no-capture-group',
      'replace-template-backreference',
      'replace-template-backreference',
      'unknown-component',
    ]);
  });
});

describe('corrected configuration', () => {
  it('a clean fixture (the corrected config without listen_addr) gets no finding', () => {
    const f = 'test/lint/fixtures/hardening-clean.alloy';
    expect(lintSource(read(f), f).findings).toEqual([]);
  });

  it('the sample corrected config gets no finding', () => {
    const f = 'samples/corrected/hardening-corrected.alloy';
    expect(lintSource(read(f), f).findings).toEqual([]);
  });
});

describe('sample configs', () => {
  const files = readdirSync(join(ROOT, 'samples/configs')).filter((f) => f.endsWith('.alloy'));

  it.each(files)('%s lints without an internal error', (name) => {
    const file = `samples/configs/${name}`;
    const r = lintSource(read(file), file);
    expect(r.findings.every((f) => f.file === file && f.range.start.line >= 1)).toBe(true);
  });

  it('flags the seed 003 pipeline: cri and tenant stages redact nothing before loki.write', () => {
    const f = 'samples/configs/seed-multitenant.alloy';
    const findings = lintSource(read(f), f).findings;
    const lines = read(f).split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    expect(findings.map((x) => `${x.rule}@${x.range.start.line}`)).toEqual([
      `output-reaches-no-sink@${lineOf('discovery.relabel "pod_logs"')}`,
      `plaintext-endpoint@${lineOf('url = "http://loki-gateway')}`,
      `unscrubbed-log-path@${lineOf('forward_to = [loki.write.default.receiver]')}`,
    ]);
  });
});

describe('rule gallery (samples/lint/every-rule.alloy)', () => {
  it('shows every rule of the catalogue except syntax-error, which stops everything else', async () => {
    const { RULE_CATALOGUE } = await import('../../src/lint/index.ts');
    const f = 'samples/lint/every-rule.alloy';
    const seen = new Set(lintSource(read(f), f).findings.map((x) => x.rule));
    expect([...RULE_CATALOGUE.keys()].filter((id) => !seen.has(id))).toEqual(['syntax-error']);
  });
});
