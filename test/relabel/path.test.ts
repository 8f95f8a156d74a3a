import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { runRelabelPath } from '../../src/relabel/path.ts';
import { labels, plain } from './build-rules.ts';

const CONFIG = `
discovery.kubernetes "pod" {
  role = "pod"
}

discovery.relabel "pod_logs" {
  targets = discovery.kubernetes.pod.targets
  rule {
    source_labels = ["__meta_kubernetes_pod_label_logging"]
    regex         = string.join(["enab", "led"], "")
    action        = "keep"
  }
}

discovery.relabel "tidy" {
  targets = discovery.relabel.pod_logs.output
  rule {
    action = "labeldrop"
    regex  = "__meta_kubernetes_pod_label_.*"
  }
}

prometheus.scrape "pods" {
  targets    = discovery.relabel.tidy.output
  forward_to = [prometheus.relabel.drop_pii_labels.receiver]
}

prometheus.relabel "drop_pii_labels" {
  forward_to = [prometheus.relabel.hash.receiver, prometheus.remote_write.audit.receiver]
  rule {
    action = "labeldrop"
    regex  = "user_id|email"
  }
}

prometheus.relabel "hash" {
  forward_to = [prometheus.remote_write.mimir.receiver]
  rule {
    source_labels = ["client_ip"]
    target_label  = "client_ip_hashed"
    replacement   = "hashed"
  }
}

prometheus.remote_write "mimir" {
  endpoint {
    url = "https://mimir.internal/api/v1/push"
  }
}

prometheus.remote_write "audit" {
  endpoint {
    url = "https://audit.internal/api/v1/push"
  }
}
`;

const model = loadConfig(CONFIG, 'path.alloy');

describe('runRelabelPath', () => {
  it('follows forward_to through chained prometheus.relabel components to every sink, in order', () => {
    const results = runRelabelPath(model, 'prometheus.relabel.drop_pii_labels', labels({ __name__: 'x', user_id: '1', path: '/' }));
    expect(results.map((r) => [r.sink, r.path, plain(r.result.labels)])).toEqual([
      ['prometheus.remote_write.mimir', ['prometheus.relabel.drop_pii_labels', 'prometheus.relabel.hash'], { __name__: 'x', client_ip_hashed: 'hashed', path: '/' }],
      ['prometheus.remote_write.audit', ['prometheus.relabel.drop_pii_labels'], { __name__: 'x', path: '/' }],
    ]);
  });

  it('follows discovery.relabel output references to the component that consumes the targets', () => {
    const results = runRelabelPath(model, 'discovery.relabel.pod_logs', labels({ __address__: '1.2.3.4', __meta_kubernetes_pod_label_logging: 'enabled' }));
    expect(results.map((r) => [r.sink, r.path, plain(r.result.labels)])).toEqual([
      ['prometheus.scrape.pods', ['discovery.relabel.pod_logs', 'discovery.relabel.tidy'], { __address__: '1.2.3.4' }],
    ]);
  });

  it('reports a dropped set with the component that dropped it and no sink', () => {
    const [r] = runRelabelPath(model, 'discovery.relabel.pod_logs', labels({ __address__: '1.2.3.4' }));
    expect([r?.sink, r?.path, r?.result.labels, r?.result.droppedBy?.index, r?.result.droppedBy?.action]).toEqual([
      undefined,
      ['discovery.relabel.pod_logs'],
      null,
      0,
      'keep',
    ]);
  });

  it('refuses to start at a component that is not a relabel component', () => {
    expect(() => runRelabelPath(model, 'prometheus.scrape.pods', labels({ a: '1' }))).toThrow(/not a relabel component/);
  });

  it('marks the result unknown when forward_to is only known at run time', () => {
    const m = loadConfig(
      `
prometheus.relabel "x" {
  forward_to = local.file.f.content
}
local.file "f" {
  filename = "/tmp/x"
}
`,
      'u.alloy',
    );
    const [r] = runRelabelPath(m, 'prometheus.relabel.x', labels({ a: '1' }));
    expect(r?.result.unknown?.length).toBeGreaterThan(0);
  });
});
