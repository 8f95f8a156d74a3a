import { describe, expect, it } from 'vitest';
import { hostKind } from '../../src/lint/hardening.ts';
import { lint, positions, withRule } from './helpers.ts';

const writeTo = (url: string, extra = '') => `loki.write "w" {\n  endpoint {\n    url = "${url}"\n${extra}  }\n}\n`;

describe('insecure-skip-verify', () => {
  it('fires on insecure_skip_verify = true, at the attribute', () => {
    expect(positions(lint(writeTo('https://l/push', '    tls_config {\n      insecure_skip_verify = true\n    }\n')), 'insecure-skip-verify')).toEqual(['5:7']);
  });

  it('does not fire on insecure_skip_verify = false', () => {
    expect(withRule(lint(writeTo('https://l/push', '    tls_config {\n      insecure_skip_verify = false\n    }\n')), 'insecure-skip-verify')).toEqual([]);
  });
});

describe('plaintext-endpoint', () => {
  it('fires on an http:// loki.write url, at the url', () => {
    expect(positions(lint(writeTo('http://loki-gateway/loki/api/v1/push')), 'plaintext-endpoint')).toEqual(['3:5']);
  });

  it('rates an in-cluster host a warning, with the reason', () => {
    const [f] = withRule(lint(writeTo('http://loki-gateway/loki/api/v1/push')), 'plaintext-endpoint');
    expect([f!.severity, f!.message.includes('cluster-internal')]).toEqual(['warning', true]);
  });

  it('rates a remote host with credentials an error', () => {
    const f = withRule(lint(writeTo('http://logs.example.com/loki/api/v1/push', '    bearer_token_file = "/t"\n')), 'plaintext-endpoint');
    expect(f.map((x) => x.severity)).toEqual(['error']);
  });

  it('rates a loopback host info', () => {
    expect(withRule(lint(writeTo('http://localhost:3100/loki/api/v1/push')), 'plaintext-endpoint').map((x) => x.severity)).toEqual(['info']);
  });

  it('does not fire on https://', () => {
    expect(withRule(lint(writeTo('https://loki-gateway/loki/api/v1/push')), 'plaintext-endpoint')).toEqual([]);
  });

  it('fires on an http:// endpoint of an OTel exporter', () => {
    const src = 'otelcol.exporter.otlphttp "o" {\n  client {\n    endpoint = "http://tempo.example.com:4318"\n  }\n}\n';
    expect(positions(lint(src), 'plaintext-endpoint')).toEqual(['3:5']);
  });

  it('fires on tls { insecure = true } of an OTel exporter', () => {
    const src = 'otelcol.exporter.otlp "o" {\n  client {\n    endpoint = "tempo:4317"\n    tls {\n      insecure = true\n    }\n  }\n}\n';
    expect(positions(lint(src), 'plaintext-endpoint')).toEqual(['5:7']);
  });

  it('does not fire on an OTel exporter endpoint without a scheme and with TLS on', () => {
    const src = 'otelcol.exporter.otlp "o" {\n  client {\n    endpoint = "tempo:4317"\n  }\n}\n';
    expect(withRule(lint(src), 'plaintext-endpoint')).toEqual([]);
  });

  it('tells cluster names from remote ones', () => {
    expect(['http://loki:3100/x', 'http://loki.monitoring.svc.cluster.local/x', 'http://127.0.0.1/x', 'http://logs.example.com/x'].map(hostKind)).toEqual(['cluster', 'cluster', 'loopback', 'remote']);
  });
});

describe('remotecfg-no-auth', () => {
  it('fires on remotecfg without authentication', () => {
    expect(positions(lint('remotecfg {\n  url = "https://fleet.example.com/config"\n}\n'), 'remotecfg-no-auth')).toEqual(['1:1']);
  });

  it('does not fire with basic_auth', () => {
    const src = 'remotecfg {\n  url = "https://fleet.example.com/config"\n  basic_auth {\n    username = sys.env("U")\n    password = sys.env("P")\n  }\n}\n';
    expect(withRule(lint(src), 'remotecfg-no-auth')).toEqual([]);
  });
});

describe('debug-logging', () => {
  it('fires on level = "debug", at the level', () => {
    expect(positions(lint('logging {\n  level = "debug"\n}\n'), 'debug-logging')).toEqual(['2:3']);
  });

  it('does not fire on level = "warn"', () => {
    expect(withRule(lint('logging {\n  level = "warn"\n}\n'), 'debug-logging')).toEqual([]);
  });
});

describe('listen-all-interfaces', () => {
  const api = (addr: string) => `loki.source.api "a" {\n  http {\n    listen_address = "${addr}"\n    listen_port    = 3500\n  }\n  forward_to = []\n}\n`;

  it('fires on a receiver listening on 0.0.0.0', () => {
    expect(positions(lint(api('0.0.0.0')), 'listen-all-interfaces')).toEqual(['3:5']);
  });

  it('does not fire on a receiver bound to one address', () => {
    expect(withRule(lint(api('10.0.0.5')), 'listen-all-interfaces')).toEqual([]);
  });
});
