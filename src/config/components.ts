// The project's catalogue of Grafana Alloy components: every registered component name and the
// fields it exports. Written from the component reference (one entry per documented component);
// the model uses it to tell components from unknown blocks and to give references to exports a
// value (a receiver capsule, or an unknown that is only known at run time). The linter uses it too.
import type { CapsuleValue } from './value.ts';

/** Export types as the reference names them. */
export type ExportType =
  | 'LogsReceiver'
  | 'MetricsReceiver'
  | 'ProfilesReceiver'
  | 'otelcol.Consumer'
  | 'otelcol.Handler'
  | 'RelabelRules'
  | 'list(map(string))'
  | 'map(string)'
  | 'map(secret)'
  | 'string|secret';

export interface ExportSpec {
  name: string;
  type: ExportType;
  /**
   * For capsule exports, the capsule type the model creates. Receivers are the capsules that
   * carry data (log entries, samples, telemetry) to the exporting component.
   */
  capsule?: CapsuleValue['type'];
  /** True when other components send data to this export (it appears in `forward_to`, `output`…). */
  receiver: boolean;
}

export interface ComponentSpec {
  /** `loki.process` */
  name: string;
  exports: ReadonlyMap<string, ExportSpec>;
}

type Row = [name: string, exports: Array<[field: string, type: ExportType]>];

// One row per component: [name, [[export, type]…]]. Components without exports have an empty list.
const ROWS: Row[] = [
  ['beyla.ebpf', [['targets', 'list(map(string))']]],
  ['database_observability.mysql', [['targets', 'list(map(string))']]],
  ['database_observability.postgres', [['logs_receiver', 'LogsReceiver'], ['targets', 'list(map(string))']]],
  ['database_observability.sql_server', [['targets', 'list(map(string))']]],
  ['discovery.aws', [['targets', 'list(map(string))']]],
  ['discovery.azure', [['targets', 'list(map(string))']]],
  ['discovery.consul', [['targets', 'list(map(string))']]],
  ['discovery.consulagent', [['targets', 'list(map(string))']]],
  ['discovery.digitalocean', [['targets', 'list(map(string))']]],
  ['discovery.dns', [['targets', 'list(map(string))']]],
  ['discovery.docker', [['targets', 'list(map(string))']]],
  ['discovery.dockerswarm', [['targets', 'list(map(string))']]],
  ['discovery.ec2', [['targets', 'list(map(string))']]],
  ['discovery.eureka', [['targets', 'list(map(string))']]],
  ['discovery.file', [['targets', 'list(map(string))']]],
  ['discovery.gce', [['targets', 'list(map(string))']]],
  ['discovery.hetzner', [['targets', 'list(map(string))']]],
  ['discovery.http', [['targets', 'list(map(string))']]],
  ['discovery.ionos', [['targets', 'list(map(string))']]],
  ['discovery.kubelet', [['targets', 'list(map(string))']]],
  ['discovery.kubernetes', [['targets', 'list(map(string))']]],
  ['discovery.kuma', [['targets', 'list(map(string))']]],
  ['discovery.lightsail', [['targets', 'list(map(string))']]],
  ['discovery.linode', [['targets', 'list(map(string))']]],
  ['discovery.marathon', [['targets', 'list(map(string))']]],
  ['discovery.nerve', [['targets', 'list(map(string))']]],
  ['discovery.nomad', [['targets', 'list(map(string))']]],
  ['discovery.openstack', [['targets', 'list(map(string))']]],
  ['discovery.ovhcloud', [['targets', 'list(map(string))']]],
  ['discovery.process', [['targets', 'list(map(string))']]],
  ['discovery.puppetdb', [['targets', 'list(map(string))']]],
  ['discovery.relabel', [['output', 'list(map(string))'], ['rules', 'RelabelRules']]],
  ['discovery.scaleway', [['targets', 'list(map(string))']]],
  ['discovery.serverset', [['targets', 'list(map(string))']]],
  ['discovery.triton', [['targets', 'list(map(string))']]],
  ['discovery.uyuni', [['targets', 'list(map(string))']]],
  ['faro.receiver', []],
  ['local.file', [['content', 'string|secret']]],
  ['local.file_match', [['targets', 'list(map(string))']]],
  ['loki.echo', [['receiver', 'LogsReceiver']]],
  ['loki.enrich', [['receiver', 'LogsReceiver']]],
  ['loki.process', [['receiver', 'LogsReceiver']]],
  ['loki.relabel', [['receiver', 'LogsReceiver'], ['rules', 'RelabelRules']]],
  ['loki.rules.kubernetes', []],
  ['loki.secretfilter', [['receiver', 'LogsReceiver']]],
  ['loki.source.api', []],
  ['loki.source.awsfirehose', []],
  ['loki.source.azure_event_hubs', []],
  ['loki.source.cloudflare', []],
  ['loki.source.docker', []],
  ['loki.source.file', []],
  ['loki.source.gcplog', []],
  ['loki.source.gelf', []],
  ['loki.source.heroku', []],
  ['loki.source.journal', []],
  ['loki.source.kafka', []],
  ['loki.source.kubernetes', []],
  ['loki.source.kubernetes_events', []],
  ['loki.source.podlogs', []],
  ['loki.source.syslog', []],
  ['loki.source.windowsevent', []],
  ['loki.write', [['receiver', 'LogsReceiver']]],
  ['mimir.alerts.kubernetes', []],
  ['mimir.rules.kubernetes', []],
  ['otelcol.auth.basic', [['handler', 'otelcol.Handler']]],
  ['otelcol.auth.bearer', [['handler', 'otelcol.Handler']]],
  ['otelcol.auth.google', [['handler', 'otelcol.Handler']]],
  ['otelcol.auth.headers', [['handler', 'otelcol.Handler']]],
  ['otelcol.auth.oauth2', [['handler', 'otelcol.Handler']]],
  ['otelcol.auth.sigv4', [['handler', 'otelcol.Handler']]],
  ['otelcol.connector.count', [['input', 'otelcol.Consumer']]],
  ['otelcol.connector.host_info', [['input', 'otelcol.Consumer']]],
  ['otelcol.connector.servicegraph', [['input', 'otelcol.Consumer']]],
  ['otelcol.connector.signaltometrics', [['input', 'otelcol.Consumer']]],
  ['otelcol.connector.spanlogs', [['input', 'otelcol.Consumer']]],
  ['otelcol.connector.spanmetrics', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.awss3', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.datadog', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.debug', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.faro', [['input', 'otelcol.Consumer']]],
  // The reference says otelcol.exporter.file exports nothing; its registration exports `input`.
  ['otelcol.exporter.file', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.googlecloud', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.googlecloudpubsub', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.kafka', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.loadbalancing', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.loki', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.otlp', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.otlphttp', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.prometheus', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.splunkhec', [['input', 'otelcol.Consumer']]],
  ['otelcol.exporter.syslog', [['input', 'otelcol.Consumer']]],
  ['otelcol.extension.jaeger_remote_sampling', []],
  ['otelcol.processor.attributes', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.batch', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.cumulativetodelta', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.deltatocumulative', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.discovery', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.filter', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.groupbyattrs', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.interval', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.k8sattributes', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.memory_limiter', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.metric_start_time', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.probabilistic_sampler', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.redaction', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.resourcedetection', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.span', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.tail_sampling', [['input', 'otelcol.Consumer']]],
  ['otelcol.processor.transform', [['input', 'otelcol.Consumer']]],
  ['otelcol.receiver.awscloudwatch', []],
  ['otelcol.receiver.awsecscontainermetrics', []],
  ['otelcol.receiver.awss3', []],
  ['otelcol.receiver.cloudflare', []],
  ['otelcol.receiver.datadog', []],
  ['otelcol.receiver.faro', []],
  ['otelcol.receiver.file_stats', []],
  ['otelcol.receiver.filelog', []],
  ['otelcol.receiver.fluentforward', []],
  // Registered with an `input` export, unlike the other receivers.
  ['otelcol.receiver.googlecloudpubsub', [['input', 'otelcol.Consumer']]],
  ['otelcol.receiver.influxdb', []],
  ['otelcol.receiver.jaeger', []],
  ['otelcol.receiver.kafka', []],
  ['otelcol.receiver.loki', [['receiver', 'LogsReceiver']]],
  ['otelcol.receiver.nginx', []],
  ['otelcol.receiver.otlp', []],
  ['otelcol.receiver.prometheus', [['receiver', 'MetricsReceiver']]],
  ['otelcol.receiver.solace', []],
  ['otelcol.receiver.splunkhec', []],
  ['otelcol.receiver.syslog', []],
  ['otelcol.receiver.tcplog', []],
  ['otelcol.receiver.vcenter', []],
  ['otelcol.receiver.zipkin', []],
  ['otelcol.storage.file', [['handler', 'otelcol.Handler']]],
  ['prometheus.echo', [['receiver', 'MetricsReceiver']]],
  ['prometheus.enrich', [['receiver', 'MetricsReceiver']]],
  ['prometheus.exporter.apache', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.azure', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.blackbox', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.cadvisor', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.catchpoint', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.cloudwatch', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.consul', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.databricks', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.dnsmasq', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.elasticsearch', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.gcp', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.github', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.kafka', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.memcached', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.mongodb', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.mssql', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.mysql', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.oracledb', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.postgres', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.process', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.redis', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.self', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.snmp', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.snowflake', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.squid', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.static', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.statsd', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.unix', [['targets', 'list(map(string))']]],
  ['prometheus.exporter.windows', [['targets', 'list(map(string))']]],
  ['prometheus.operator.podmonitors', []],
  ['prometheus.operator.probes', []],
  ['prometheus.operator.scrapeconfigs', []],
  ['prometheus.operator.servicemonitors', []],
  ['prometheus.receive_http', []],
  ['prometheus.relabel', [['receiver', 'MetricsReceiver'], ['rules', 'RelabelRules']]],
  ['prometheus.remote_write', [['receiver', 'MetricsReceiver']]],
  ['prometheus.scrape', []],
  ['pyroscope.ebpf', []],
  ['pyroscope.enrich', [['receiver', 'ProfilesReceiver']]],
  ['pyroscope.java', []],
  ['pyroscope.receive_http', []],
  ['pyroscope.relabel', [['receiver', 'ProfilesReceiver'], ['rules', 'RelabelRules']]],
  ['pyroscope.scrape', []],
  ['pyroscope.write', [['receiver', 'ProfilesReceiver']]],
  ['remote.http', [['content', 'string|secret']]],
  ['remote.kubernetes.configmap', [['data', 'map(string)']]],
  ['remote.kubernetes.secret', [['data', 'map(secret)']]],
  ['remote.s3', [['content', 'string|secret']]],
  ['remote.vault', [['data', 'map(secret)']]],
];

function exportSpec(name: string, type: ExportType): ExportSpec {
  switch (type) {
    case 'LogsReceiver':
      return { name, type, capsule: 'loki.LogsReceiver', receiver: true };
    case 'MetricsReceiver':
      return { name, type, capsule: 'storage.Appendable', receiver: true };
    case 'otelcol.Consumer':
      return { name, type, capsule: 'otelcol.Consumer', receiver: true };
    case 'ProfilesReceiver':
      return { name, type, capsule: 'capsule', receiver: true };
    case 'otelcol.Handler':
    case 'RelabelRules':
      return { name, type, capsule: 'capsule', receiver: false };
    default:
      return { name, type, receiver: false };
  }
}

/** Every known component, by name. */
export const COMPONENTS: ReadonlyMap<string, ComponentSpec> = new Map(
  ROWS.map(([name, exports]) => [
    name,
    { name, exports: new Map(exports.map(([field, type]) => [field, exportSpec(field, type)])) },
  ]),
);

export function lookupComponent(name: string): ComponentSpec | undefined {
  return COMPONENTS.get(name);
}

export function isComponentName(name: string): boolean {
  return COMPONENTS.has(name);
}

/**
 * Top-level blocks that are not components. The first group are Alloy's configuration blocks
 * (handled by the runtime's loader); the second are services that take a configuration block.
 */
export const CONFIG_BLOCK_NAMES: ReadonlySet<string> = new Set([
  'logging',
  'tracing',
  'argument',
  'export',
  'declare',
  'foreach',
  'import.file',
  'import.string',
  'import.http',
  'import.git',
  'http',
  'remotecfg',
  'livedebugging',
]);

/** Services that exist in Alloy but take no block of their own; a block with their name is an error. */
export const SERVICE_NAMES: ReadonlySet<string> = new Set(['cluster', 'labelstore', 'otel', 'ui']);
