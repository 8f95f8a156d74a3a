// Argument schemas of the components alloy-scrub simulates or whose settings matter for scrubbing,
// written from the Go config structs' `alloy:"name,attr|block,optional"` tags (loki.write's
// Arguments/EndpointOptions/QueueConfig/WalArguments and the shared HTTPClientConfig with its
// squashed proxy and header fields; the top-level arguments of loki.process and the relabel
// components). Stage blocks and relabel rules are checked by their own compilers instead.

export type AttrType = 'string' | 'secret' | 'bool' | 'number' | 'int' | 'duration' | 'bytes' | 'map(string)' | 'map(list(secret))' | 'list(string)' | 'receivers' | 'targets';

export interface AttrSpec {
  type: AttrType;
  required?: boolean;
  /** The only values Alloy accepts (an enum such as logging's level). */
  oneOf?: readonly string[];
}

export interface BlockSchema {
  attrs: Readonly<Record<string, AttrSpec>>;
  /** Attributes people write that Alloy does not have, with where the setting really lives. */
  hints?: Readonly<Record<string, { why: string; fix: string }>>;
  /** Accept anything inside (a block whose schema this table does not spell out). */
  open?: boolean;
  blocks?: Readonly<Record<string, { schema: BlockSchema; multiple?: boolean }>>;
  /** Blocks whose names start with this prefix are allowed and checked elsewhere (`stage.`, `rule`). */
  delegatedBlocks?: readonly string[];
}

const opt = (type: AttrType) => ({ type });
const req = (type: AttrType) => ({ type, required: true });

const TLS: BlockSchema = {
  attrs: {
    ca_pem: opt('string'), ca_file: opt('string'), cert_pem: opt('string'), cert_file: opt('string'), key_pem: opt('secret'),
    key_file: opt('string'), server_name: opt('string'), insecure_skip_verify: opt('bool'), min_version: opt('string'),
  },
};

const PROXY_ATTRS = {
  proxy_url: opt('string'), no_proxy: opt('string'), proxy_from_environment: opt('bool'), proxy_connect_header: opt('map(list(secret))'),
} as const;

const HTTP_CLIENT_ATTRS = {
  bearer_token: opt('secret'), bearer_token_file: opt('string'), follow_redirects: opt('bool'), enable_http2: opt('bool'),
  http_headers: opt('map(list(secret))'), ...PROXY_ATTRS,
} as const;

const HTTP_CLIENT_BLOCKS = {
  basic_auth: { schema: { attrs: { username: opt('string'), password: opt('secret'), password_file: opt('string') } } },
  authorization: { schema: { attrs: { type: opt('string'), credentials: opt('secret'), credentials_file: opt('string') } } },
  oauth2: {
    schema: {
      attrs: {
        client_id: opt('string'), client_secret: opt('secret'), client_secret_file: opt('string'), scopes: opt('list(string)'),
        token_url: opt('string'), endpoint_params: opt('map(string)'), ...PROXY_ATTRS,
      },
      blocks: { tls_config: { schema: TLS } },
    } as BlockSchema,
  },
  tls_config: { schema: TLS },
} as const;

const LOKI_WRITE_ENDPOINT: BlockSchema = {
  attrs: {
    name: opt('string'), url: req('string'), batch_wait: opt('duration'), batch_size: opt('bytes'), remote_timeout: opt('duration'),
    headers: opt('map(string)'), min_backoff_period: opt('duration'), max_backoff_period: opt('duration'), max_backoff_retries: opt('int'),
    tenant_id: opt('string'), retry_on_http_429: opt('bool'), ...HTTP_CLIENT_ATTRS,
  },
  blocks: {
    ...HTTP_CLIENT_BLOCKS,
    queue_config: { schema: { attrs: { capacity: opt('bytes'), min_shards: opt('int'), drain_timeout: opt('duration'), block_on_overflow: opt('bool') } } },
  },
};

export const COMPONENT_SCHEMAS: ReadonlyMap<string, BlockSchema> = new Map<string, BlockSchema>([
  [
    'loki.write',
    {
      attrs: { external_labels: opt('map(string)'), max_streams: opt('int') },
      blocks: {
        endpoint: { schema: LOKI_WRITE_ENDPOINT, multiple: true },
        wal: {
          schema: {
            attrs: { enabled: opt('bool'), max_segment_age: opt('duration'), min_read_frequency: opt('duration'), max_read_frequency: opt('duration'), drain_timeout: opt('duration') },
          },
        },
      },
    },
  ],
  ['loki.process', { attrs: { forward_to: req('receivers') }, delegatedBlocks: ['stage.'] }],
  ['loki.relabel', { attrs: { forward_to: req('receivers'), max_cache_size: opt('int') }, delegatedBlocks: ['rule'] }],
  ['prometheus.relabel', { attrs: { forward_to: req('receivers'), max_cache_size: opt('int'), cache_ttl: opt('duration') }, delegatedBlocks: ['rule'] }],
  ['discovery.relabel', { attrs: { targets: req('targets') }, delegatedBlocks: ['rule'] }],
]);

const LISTEN_ADDR_HINT = {
  why: 'the address of Alloy\'s HTTP server (UI, /metrics, debug endpoints) is the --server.http.listen-addr command-line flag, default 127.0.0.1:12345',
  fix: 'remove listen_addr from the http block and start Alloy with --server.http.listen-addr=127.0.0.1:12345 (in the Helm chart: alloy.listenAddr)',
};

/** Alloy's top-level configuration blocks (logging options, the http and remotecfg services). */
export const CONFIG_BLOCK_SCHEMAS: ReadonlyMap<string, BlockSchema> = new Map<string, BlockSchema>([
  [
    'logging',
    {
      attrs: {
        level: { type: 'string', oneOf: ['debug', 'info', 'warn', 'error'] },
        format: { type: 'string', oneOf: ['logfmt', 'json'] },
        write_to: opt('receivers'),
      },
    },
  ],
  ['http', { attrs: {}, blocks: { auth: { schema: { attrs: {}, open: true } }, tls: { schema: { attrs: {}, open: true } } }, hints: { listen_addr: LISTEN_ADDR_HINT, listen_address: LISTEN_ADDR_HINT } }],
  [
    'remotecfg',
    {
      attrs: { url: opt('string'), id: opt('string'), name: opt('string'), attributes: opt('map(string)'), poll_frequency: opt('duration'), ...HTTP_CLIENT_ATTRS },
      blocks: HTTP_CLIENT_BLOCKS,
    },
  ],
]);
