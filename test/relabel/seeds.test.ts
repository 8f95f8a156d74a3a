// The seeds' relabel rules, loaded from the sample configs assembled from the seed documents, run
// over the bundled sample metrics and targets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.ts';
import { runSeries } from '../../src/relabel/series-run.ts';

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

describe('seed 002 (samples/configs/seed-hardening.alloy): prometheus.relabel.drop_pii_labels', () => {
  const model = loadConfigFile(new URL('samples/configs/seed-hardening.alloy', root).pathname);
  const out = runSeries(model, 'prometheus.relabel.drop_pii_labels', read('samples/metrics/http-requests-pii.prom'), { inputFormat: 'prom', outputFormat: 'prom' });
  const series = out.text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

  it('removes user_id, email, username, customer_id, session_id and client_ip from every series', () => {
    expect(series.filter((s) => /user_id|email|username|customer_id|session_id|client_ip=/.test(s))).toEqual([]);
  });

  it('stamps client_ip_hashed="hashed" on every series, including those that never had client_ip', () => {
    expect(series).toEqual([
      'http_requests_total{client_ip_hashed="hashed",method="GET",path="/"} 1027 1700000000000',
      'http_requests_total{client_ip_hashed="hashed",method="POST",path="/login"} 3',
      'http_requests_total{client_ip_hashed="hashed",method="GET",path="/users/1234/orders"} 12',
      'process_cpu_seconds_total{client_ip_hashed="hashed"} 12.47',
      'up{client_ip_hashed="hashed",instance="10.0.0.5:8080",job="api"} 1',
    ]);
  });

  it('leaves the raw address nowhere in the output', () => {
    expect(out.text).not.toMatch(/10\.1\.2\.3|192\.168\.7\.19/);
  });
});

describe('seed 003 (samples/configs/seed-multitenant.alloy): discovery.relabel.pod_logs', () => {
  const model = loadConfigFile(new URL('samples/configs/seed-multitenant.alloy', root).pathname);
  const out = runSeries(model, 'discovery.relabel.pod_logs', read('samples/targets/kubernetes-pods.json'), { inputFormat: 'jsonl', outputFormat: 'jsonl' });
  const results = out.text.trim().split('\n').map((l) => JSON.parse(l) as { labels: Record<string, string> | null; keep: boolean; dropped_by?: string });

  it('keeps only pods labelled logging=enabled (exact, case-sensitive)', () => {
    expect(results.map((r) => r.keep)).toEqual([true, false, false, true]);
  });

  it('copies the node name into node_name', () => {
    expect(results[0]?.labels?.node_name).toBe('worker-1');
  });

  it('adds no node_name to a pod without one: the empty copy deletes the label', () => {
    expect(results[3]?.labels && 'node_name' in results[3].labels).toBe(false);
  });

  it('blames the keep rule for the dropped pods', () => {
    expect(results[1]?.dropped_by).toMatch(/^discovery\.relabel\.pod_logs rule 1 \(keep\) at .*seed-multitenant\.alloy:15:3$/);
  });
});
