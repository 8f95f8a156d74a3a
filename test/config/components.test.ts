import { describe, expect, it } from 'vitest';
import { COMPONENTS, CONFIG_BLOCK_NAMES, isComponentName, lookupComponent } from '../../src/config/components.ts';

describe('component catalogue', () => {
  it('knows the components of every namespace of the reference', () => {
    const namespaces = new Set([...COMPONENTS.keys()].map((n) => n.split('.')[0]));
    expect([...namespaces].sort()).toEqual(['beyla', 'database_observability', 'discovery', 'faro', 'local', 'loki', 'mimir', 'otelcol', 'prometheus', 'pyroscope', 'remote']);
  });
  it('lists well over a hundred components', () => {
    expect(COMPONENTS.size).toBeGreaterThan(150);
  });
  it('exports a log receiver capsule from loki.process', () => {
    expect(lookupComponent('loki.process')?.exports.get('receiver')).toEqual({ name: 'receiver', type: 'LogsReceiver', capsule: 'loki.LogsReceiver', receiver: true });
  });
  it('exports a metrics receiver from prometheus.remote_write as a storage.Appendable capsule', () => {
    expect(lookupComponent('prometheus.remote_write')?.exports.get('receiver')?.capsule).toBe('storage.Appendable');
  });
  it('exports an otelcol.Consumer input from OTel processors', () => {
    expect(lookupComponent('otelcol.processor.batch')?.exports.get('input')?.capsule).toBe('otelcol.Consumer');
  });
  it('exports rules from relabel components as a capsule that carries no data', () => {
    expect(lookupComponent('loki.relabel')?.exports.get('rules')).toMatchObject({ capsule: 'capsule', receiver: false });
  });
  it('exports targets from discovery and exporter components as run-time values', () => {
    expect(lookupComponent('prometheus.exporter.unix')?.exports.get('targets')).toEqual({ name: 'targets', type: 'list(map(string))', receiver: false });
  });
  it('gives sources no exports', () => {
    expect(lookupComponent('loki.source.file')?.exports.size).toBe(0);
  });
  it('does not know loki.source.kubernetes_pods, which Alloy does not have', () => {
    expect(isComponentName('loki.source.kubernetes_pods')).toBe(false);
  });
  it('treats configuration blocks as not components', () => {
    expect([...CONFIG_BLOCK_NAMES].filter(isComponentName)).toEqual([]);
  });
});

it('does not know otelcol.receiver.opencensus, which Alloy removed', () => {
  expect(isComponentName('otelcol.receiver.opencensus')).toBe(false);
});
