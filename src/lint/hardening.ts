// Hardening audit (the checks of the seed "Grafana Alloy Security Hardening"): TLS verification,
// plain-HTTP destinations, remote configuration without authentication, debug logging, and
// receivers listening on every interface. Inline credentials are inline-credentials.ts.
import type { ConfigModel, EvaluatedBlock } from '../config/model.ts';
import { walkAttributes, walkBlocks } from './config-walk.ts';
import { finding } from './finding.ts';
import type { Finding, Severity } from './types.ts';

export function hardeningFindings(model: ConfigModel): Finding[] {
  return [...insecureSkipVerify(model), ...plaintextEndpoints(model), ...remotecfgAuth(model), ...debugLogging(model), ...listenAllInterfaces(model)];
}

function insecureSkipVerify(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const { attr, block, path } of walkAttributes(model)) {
    if (attr.name !== 'insecure_skip_verify' || attr.value !== true) continue;
    out.push(
      finding(
        'insecure-skip-verify',
        block.file,
        attr.range,
        `${path.join(' > ')} disables TLS certificate verification: anyone on the network path can impersonate the server and read the credentials and data Alloy sends`,
        'remove insecure_skip_verify and trust the server\'s CA with ca_file (or ca_pem) instead',
      ),
    );
  }
  return out;
}

/** Components that send data (or fetch configuration) to a remote endpoint. */
function isExporter(name: string): boolean {
  return name === 'loki.write' || name === 'prometheus.remote_write' || name === 'pyroscope.write' || name.startsWith('otelcol.exporter.');
}

const ENDPOINT_ATTR = /^(url|endpoint|\w+_endpoint)$/;
const AUTH_SETTINGS = ['basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file', 'auth', 'headers', 'http_headers'];

function hasAuth(b: EvaluatedBlock): boolean {
  return AUTH_SETTINGS.some((n) => b.attributes.has(n) || b.blocks.some((x) => x.name === n));
}

/** Where an http:// URL points, which decides how bad plain text is. */
export function hostKind(url: string): 'loopback' | 'cluster' | 'remote' {
  const m = /^http:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url);
  const host = (m?.[1] ?? '').toLowerCase();
  if (host === 'localhost' || host.startsWith('127.') || host === '[::1]') return 'loopback';
  if (!host.includes('.') || /\.(svc|svc\.cluster\.local|cluster\.local)$/.test(host)) return 'cluster';
  return 'remote';
}

function carried(name: string): string {
  if (name === 'loki.write') return 'log lines';
  if (name === 'prometheus.remote_write') return 'metric series';
  if (name === 'pyroscope.write') return 'profiles';
  return 'telemetry data';
}

function plaintextEndpoints(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const { attr, block, component, path } of walkAttributes(model)) {
    const inScope = component ? isExporter(component.componentName) : path[0] === 'remotecfg';
    if (!inScope) continue;
    if (ENDPOINT_ATTR.test(attr.name) && typeof attr.value === 'string' && /^http:\/\//i.test(attr.value)) {
      const kind = hostKind(attr.value);
      const withAuth = hasAuth(block);
      const what = path[0] === 'remotecfg' ? 'the configuration Alloy runs is fetched' : `${carried(component?.componentName ?? '')} are sent`;
      let severity: Severity;
      let why: string;
      if (kind === 'loopback') {
        severity = 'info';
        why = 'the traffic stays on this host, so only local processes can read it';
      } else if (kind === 'cluster') {
        severity = 'warning';
        why = 'the host is cluster-internal, but any workload that can see pod traffic (a compromised node, a misconfigured CNI, a sidecar) reads it in clear; a NetworkPolicy limits who connects, not who can read';
      } else {
        severity = withAuth || path[0] === 'remotecfg' ? 'error' : 'warning';
        why = withAuth ? 'the credentials configured here cross the network in clear too' : 'the traffic leaves the cluster unencrypted';
      }
      out.push(
        finding(
          'plaintext-endpoint',
          block.file,
          attr.range,
          `${path.join(' > ')} uses plain HTTP (${attr.value}): ${what} unencrypted and unauthenticated by TLS; ${why}`,
          `use https://${attr.value.slice('http://'.length)} (with ca_file in tls_config for an internal CA)`,
          severity,
        ),
      );
    }
    if (attr.name === 'insecure' && attr.value === true && block.name === 'tls') {
      out.push(
        finding(
          'plaintext-endpoint',
          block.file,
          attr.range,
          `${path.join(' > ')}: insecure = true turns TLS off for this exporter's connection: telemetry is sent in clear`,
          'remove insecure = true and configure the server\'s CA (ca_file)',
        ),
      );
    }
  }
  return out;
}

function remotecfgAuth(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const b of model.configBlocks) {
    if (b.name !== 'remotecfg' || !b.attributes.has('url')) continue;
    const auth = ['basic_auth', 'bearer_token', 'bearer_token_file', 'oauth2', 'authorization', 'http_headers'].some((n) => b.attributes.has(n) || b.blocks.some((x) => x.name === n));
    if (auth) continue;
    out.push(
      finding(
        'remotecfg-no-auth',
        b.file,
        b.range,
        'remotecfg fetches the pipeline configuration without authentication: whoever can answer at its url decides what Alloy collects and where it sends it (a persistent exfiltration channel)',
        'add basic_auth { username = sys.env("…") password = sys.env("…") } (or bearer_token_file / oauth2) and use an https:// url',
      ),
    );
  }
  return out;
}

function debugLogging(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const b of model.configBlocks) {
    const level = b.attributes.get('level');
    if (b.name !== 'logging' || !level || level.value !== 'debug') continue;
    out.push(
      finding(
        'debug-logging',
        b.file,
        level.range,
        'logging at debug level: stage.json, stage.logfmt, stage.regex and stage.replace log the extracted map at debug level, so values the scrub rules are meant to remove end up in Alloy\'s own log',
        'set level = "warn" (or "info") in production',
      ),
    );
  }
  return out;
}

/** Components that accept pushed data from the network. */
function isReceiver(name: string): boolean {
  return /^(loki\.source\.(api|syslog|heroku|gelf|awsfirehose)|otelcol\.receiver\.|prometheus\.receive_http|pyroscope\.receive_http|faro\.receiver)/.test(name);
}

const ALL_INTERFACES = /^(0\.0\.0\.0|::|\[::\])?(:\d+)?$/;

function listenAllInterfaces(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const { block, component } of walkBlocks(model)) {
    if (!component || !isReceiver(component.componentName)) continue;
    for (const name of ['listen_address', 'endpoint']) {
      const a = block.attributes.get(name);
      if (!a || typeof a.value !== 'string' || a.value === '' || !ALL_INTERFACES.test(a.value)) continue;
      out.push(
        finding(
          'listen-all-interfaces',
          block.file,
          a.range,
          `${component.id} listens on every interface (${a.value}): any host or pod that can reach the port can push entries, including forged lines or labels (log injection)`,
          'bind to the interface the senders use, and restrict who can connect (NetworkPolicy, firewall, TLS client authentication)',
          'info',
        ),
      );
    }
  }
  return out;
}
