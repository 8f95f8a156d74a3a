// Every bundled sample config must be valid Alloy for this tool: it parses without errors, loads
// without errors, formats stably, and its graph is what the file says. The seeds' graphs and a
// handful of others are pinned edge by edge.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.ts';
import { parseFile } from '../../src/syntax/parse.ts';
import { formatFile } from '../../src/syntax/printer.ts';

const DIR = join(import.meta.dirname, '../../samples/configs');
const SAMPLES = readdirSync(DIR).filter((f) => f.endsWith('.alloy'));
const MODULES = readdirSync(join(DIR, 'modules')).map((f) => `modules/${f}`);

function load(name: string) {
  return loadConfigFile(join(DIR, name), { env: new Map(), constants: new Map() });
}

function edges(name: string): string[] {
  return load(name).edges.map((e) => `${e.from} ${e.kind === 'forward' ? '->' : '..>'} ${e.to} [${e.via}]`);
}

it('has at least 30 sample configs', () => {
  expect(SAMPLES.length).toBeGreaterThanOrEqual(30);
});

describe.each([...SAMPLES, ...MODULES])('%s', (name) => {
  const source = readFileSync(join(DIR, name), 'utf8');

  it('parses without error diagnostics', () => {
    expect(parseFile(source, name).diagnostics).toEqual([]);
  });

  it('formats stably', () => {
    const once = formatFile(parseFile(source, name).file, source);
    expect(formatFile(parseFile(once, name).file, once)).toBe(once);
  });

  if (!name.startsWith('modules/')) {
    it('loads without error diagnostics and has components', () => {
      const m = load(name);
      expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(m.components.size).toBeGreaterThan(0);
    });
  }
});

describe('seed graphs', () => {
  it('seed-hardening: the pod source feeds the scrubber, which feeds the added Loki writer; relabel feeds Mimir', () => {
    expect(edges('seed-hardening.alloy')).toEqual([
      'loki.source.kubernetes_pods.app_pods -> loki.process.scrub_secrets [forward_to]',
      'loki.process.scrub_secrets -> loki.write.grafana_cloud [forward_to]',
      'prometheus.relabel.drop_pii_labels -> prometheus.remote_write.mimir [forward_to]',
    ]);
  });

  it('seed-hardening: warns that loki.source.kubernetes_pods is not an Alloy component', () => {
    expect(load('seed-hardening.alloy').diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([
      'warning 26:1 cannot find the definition of component name "loki.source.kubernetes_pods"',
    ]);
  });

  it('seed-hardening: keeps the remotecfg and http blocks as configuration blocks', () => {
    expect(load('seed-hardening.alloy').configBlocks.map((b) => b.name)).toEqual(['logging', 'http', 'remotecfg']);
  });

  it('seed-multitenant: relabel reads the pod targets; the tenant pipeline feeds Loki', () => {
    expect(edges('seed-multitenant.alloy')).toEqual([
      'discovery.relabel.pod_logs ..> discovery.kubernetes.pod [targets]',
      'loki.process.pod_logs -> loki.write.default [forward_to]',
    ]);
  });

  it('seed-multitenant: keeps the tenant stage inside the match stage', () => {
    const p = load('seed-multitenant.alloy').components.get('loki.process.pod_logs')!;
    expect(p.blocks.map((b) => b.name)).toEqual(['stage.cri', 'stage.match']);
    expect(p.blocks[1]!.blocks.map((b) => b.name)).toEqual(['stage.tenant']);
  });
});

describe('sample graphs', () => {
  it('journald: the source reads the relabel rules and forwards to the pipeline', () => {
    expect(edges('journald.alloy')).toEqual([
      'loki.source.journal.system ..> loki.relabel.journal [relabel_rules]',
      'loki.source.journal.system -> loki.process.journal [forward_to]',
      'loki.process.journal -> loki.write.local [forward_to]',
    ]);
  });

  it('module-import-file: data reaches the imported components and Loki', () => {
    expect(edges('module-import-file.alloy')).toEqual([
      'loki.source.file.varlog ..> scrub.secrets.first [forward_to]',
      'loki.source.file.varlog -> scrub.secrets.first/loki.process.secrets [forward_to]',
      'scrub.secrets.first ..> scrub.pii.second [forward_to]',
      'scrub.secrets.first -> scrub.pii.second/loki.process.pii [forward_to]',
      'scrub.secrets.first/loki.process.secrets -> scrub.pii.second/loki.process.pii [forward_to]',
      'scrub.pii.second -> loki.write.default [forward_to]',
      'scrub.pii.second/loki.process.pii -> loki.write.default [forward_to]',
    ]);
  });

  it('nested-modules: components of a module inside a module carry both instance names', () => {
    expect([...load('nested-modules.alloy').components.keys()]).toEqual([
      'team_pipeline.billing',
      'team_pipeline.billing/scrub.s',
      'team_pipeline.billing/scrub.s/loki.process.inner',
      'team_pipeline.billing/loki.process.label',
      'loki.source.file.billing',
      'loki.write.default',
    ]);
  });

  it('otel-pipeline: output blocks give one edge per signal', () => {
    expect(edges('otel-pipeline.alloy')).toEqual([
      'otelcol.receiver.otlp.default -> otelcol.processor.memory_limiter.default [output.metrics]',
      'otelcol.receiver.otlp.default -> otelcol.processor.memory_limiter.default [output.logs]',
      'otelcol.receiver.otlp.default -> otelcol.processor.memory_limiter.default [output.traces]',
      'otelcol.processor.memory_limiter.default -> otelcol.processor.batch.default [output.metrics]',
      'otelcol.processor.memory_limiter.default -> otelcol.processor.attributes.scrub [output.logs]',
      'otelcol.processor.memory_limiter.default -> otelcol.processor.attributes.scrub [output.traces]',
      'otelcol.processor.attributes.scrub -> otelcol.processor.batch.default [output.logs]',
      'otelcol.processor.attributes.scrub -> otelcol.processor.batch.default [output.traces]',
      'otelcol.processor.batch.default -> otelcol.exporter.otlphttp.cloud [output.metrics]',
      'otelcol.processor.batch.default -> otelcol.exporter.otlphttp.cloud [output.logs]',
      'otelcol.processor.batch.default -> otelcol.exporter.otlphttp.cloud [output.traces]',
      'otelcol.exporter.otlphttp.cloud ..> otelcol.auth.basic.cloud [client.auth]',
    ]);
  });

  it('prometheus-relabel-pii: discovery, scrape, relabel and remote write are chained', () => {
    expect(edges('prometheus-relabel-pii.alloy')).toEqual([
      'discovery.relabel.scrape_targets ..> discovery.kubernetes.pods [targets]',
      'prometheus.scrape.apps ..> discovery.relabel.scrape_targets [targets]',
      'prometheus.scrape.apps -> prometheus.relabel.pii [forward_to]',
      'prometheus.relabel.pii -> prometheus.remote_write.mimir [forward_to]',
    ]);
  });

  it('module-declare: one source fans out to two instances of the same declare', () => {
    expect(edges('module-declare.alloy').filter((e) => e.startsWith('loki.source.api.ingest'))).toEqual([
      'loki.source.api.ingest ..> redactor.payments [forward_to]',
      'loki.source.api.ingest -> redactor.payments/loki.process.redact [forward_to]',
      'loki.source.api.ingest ..> redactor.search [forward_to]',
      'loki.source.api.ingest -> redactor.search/loki.process.redact [forward_to]',
    ]);
  });

  it('module-declare: each instance resolves its own mask argument', () => {
    const m = load('module-declare.alloy');
    const mask = (id: string) => m.components.get(id)!.blocks[0]!.attributes.get('replace')!.value;
    expect([mask('redactor.payments/loki.process.redact'), mask('redactor.search/loki.process.redact')]).toEqual(['***', '[REDACTED]']);
  });
});
