// The pipeline as a whole, and the seeds' own loki.process configurations on realistic lines.
import { describe, expect, test } from 'vitest';
import { block, entry, lineAfter, runOne, simulate, stage } from './helpers.ts';
import { compileLokiProcess } from '../../src/loki/process.ts';

// shared/seeds/002 (hardening): loki.process "scrub_secrets", three stage.replace rules.
const seed002 = () => [
  stage('replace', {
    expression: `(?i)(password|passwd|secret|api[_-]?key|token|bearer)\\s*[:=]\\s*['"]?([^'"\\s,}{]+)['"]?`,
    replace: '${1}=REDACTED',
  }),
  stage('replace', { expression: '(?:AKIA|ASIA|AROA)[A-Z0-9]{16}', replace: 'AWS_KEY_REDACTED' }),
  stage('replace', { expression: '(postgresql|mysql|redis|mongodb)://[^:]+:([^@]+)@', replace: '${1}://REDACTED:REDACTED@' }),
];

describe('seed 002 scrub_secrets', () => {
  test('connection string: scheme and password both become the literal template text, user survives', () => {
    expect(lineAfter(seed002(), '{"msg":"connecting to postgresql://admin:s3cr3t@db:5432/prod"}')).toBe(
      '{"msg":"connecting to ${1}://REDACTED:REDACTED@://admin:${1}://REDACTED:REDACTED@@db:5432/prod"}',
    );
  });

  test('password=hunter2: keyword and value are each replaced by the literal ${1}=REDACTED', () => {
    expect(lineAfter(seed002(), 'login failed password=hunter2 user=bob')).toBe('login failed ${1}=REDACTED=${1}=REDACTED user=bob');
  });

  test('JSON "password":"hunter2" is not matched: the quote before the colon defeats the rule', () => {
    expect(lineAfter(seed002(), '{"password":"hunter2"}')).toBe('{"password":"hunter2"}');
  });

  test('Authorization: Bearer token is not matched: a space, not : or =, follows Bearer', () => {
    const line = 'Authorization: Bearer abcDEF123.ghi456.jkl789';
    expect(lineAfter(seed002(), line)).toBe(line);
  });

  test('an AWS access key survives: the AKIA rule has no capture group', () => {
    const line = 'aws key AKIAIOSFODNN7EXAMPLQ in config';
    expect(lineAfter(seed002(), line)).toBe(line);
  });

  test('api_key with quotes and spaces is replaced, quotes kept outside the groups', () => {
    expect(lineAfter(seed002(), "config api_key : 'k-123' loaded")).toBe("config ${1}=REDACTED : '${1}=REDACTED' loaded");
  });

  test('case-insensitive keyword keeps its own spelling nowhere: TOKEN=abc', () => {
    expect(lineAfter(seed002(), 'TOKEN=abc,next')).toBe('${1}=REDACTED=${1}=REDACTED,next');
  });
});

// shared/seeds/003 (multi-tenant): stage.cri {} then stage.match on namespace with stage.tenant.
const seed003 = () => [stage('cri'), stage('match', { selector: '{namespace=~".+"}' }, [stage('tenant', { label: 'namespace' })])];

describe('seed 003 pod_logs', () => {
  test('a CRI line from a namespaced pod gets its namespace as tenant', () => {
    const e = runOne(seed003(), '2024-05-01T10:00:00.000000001Z stdout F GET /health 200', { namespace: 'shop', pod: 'web-1' });
    expect(e.line).toBe('GET /health 200');
    expect(e.labels.get('__tenant_id__')).toBe('shop');
    expect(e.labels.get('stream')).toBe('stdout');
  });

  test('an entry without a namespace label gets no tenant', () => {
    const e = runOne(seed003(), '2024-05-01T10:00:00Z stderr F boom', { pod: 'x' });
    expect(e.line).toBe('boom');
    expect(e.labels.has('__tenant_id__')).toBe(false);
  });

  test('an empty namespace label does not match .+ and gets no tenant', () => {
    const e = runOne(seed003(), '2024-05-01T10:00:00Z stdout F hi', { namespace: '' });
    expect(e.labels.has('__tenant_id__')).toBe(false);
  });

  test('a non-CRI line is forwarded as is, still tenanted', () => {
    const e = runOne(seed003(), 'plain text', { namespace: 'ops' });
    expect(e.line).toBe('plain text');
    expect(e.labels.get('__tenant_id__')).toBe('ops');
  });
});

describe('loki.process pipeline', () => {
  test('a component without stages forwards entries unchanged', () => {
    const out = simulate([]).process(entry('hello', { a: 'b' }));
    expect(out).toHaveLength(1);
    expect(out[0]!.kind === 'forward' && out[0]!.entry.line).toBe('hello');
  });

  test('stages run in source order', () => {
    const s = [stage('replace', { expression: '(a)', replace: 'b' }), stage('replace', { expression: '(b)', replace: 'c' })];
    expect(lineAfter(s, 'a')).toBe('c');
  });

  test('the simulation carries the component id', () => {
    const b = block('loki.process', {}, []);
    expect(compileLokiProcess({ ...b, id: 'loki.process.x', componentName: 'loki.process', label: 'x' }).id).toBe('loki.process.x');
  });

  test('an unsupported stage marks entries unknown and passes them through', () => {
    const e = runOne([stage('geoip', { db: '/x.mmdb', source: 'ip' })], 'line');
    expect(e.line).toBe('line');
    expect(e.unknown).toHaveLength(1);
    expect(e.unknown[0]!.message).toContain('stage.geoip');
  });

  test('a stage name Alloy does not know is refused', () => {
    expect(() => simulate([stage('replce', { expression: '(a)' })])).toThrow('unrecognized block name "stage.replce"');
  });

  test('a stage argument only known at run time marks entries unknown', async () => {
    const { unknownValue } = await import('./helpers.ts');
    const e = runOne([stage('replace', { expression: unknownValue('local.file.patterns.content'), replace: 'x' })], 'secret=1');
    expect(e.line).toBe('secret=1');
    expect(e.unknown[0]!.message).toContain('"expression" is not known before Alloy runs');
  });
});

// The same seed snippets read through the real loader, as users' configs are.
import { loadConfig } from '../../src/config/load.ts';

function loadProcess(source: string, id: string) {
  const model = loadConfig(source, 'seed.alloy');
  const c = model.components.get(id);
  if (!c) throw new Error(`no ${id}: ${model.diagnostics.map((d) => d.message).join('; ')}`);
  return compileLokiProcess(c);
}

const SEED_002 = `
loki.process "scrub_secrets" {
  stage.replace {
    expression = \`(?i)(password|passwd|secret|api[_-]?key|token|bearer)\\s*[:=]\\s*['"]?([^'"\\s,}{]+)['"]?\`
    replace    = "\${1}=REDACTED"
  }
  stage.replace {
    expression = \`(?:AKIA|ASIA|AROA)[A-Z0-9]{16}\`
    replace    = "AWS_KEY_REDACTED"
  }
  stage.replace {
    expression = \`(postgresql|mysql|redis|mongodb)://[^:]+:([^@]+)@\`
    replace    = "\${1}://REDACTED:REDACTED@"
  }
  forward_to = []
}
`;

const SEED_003 = `
loki.process "pod_logs" {
  stage.cri {}
  stage.match {
    selector = "{namespace=~\\".+\\"}"
    stage.tenant {
      label = "namespace"
    }
  }
  forward_to = []
}
`;

describe('seed configs through loadConfig', () => {
  const only = (outs: EntryOutcomeList) => {
    expect(outs).toHaveLength(1);
    const o = outs[0]!;
    if (o.kind !== 'forward') throw new Error(`expected forward, got ${o.kind}`);
    return o.entry;
  };
  type EntryOutcomeList = ReturnType<ReturnType<typeof compileLokiProcess>['process']>;

  test('seed 002: the connection-string password is replaced, the user name survives', () => {
    const sim = loadProcess(SEED_002, 'loki.process.scrub_secrets');
    expect(only(sim.process(entry('{"msg":"connecting to postgresql://admin:s3cr3t@db:5432/prod"}'))).line).toBe(
      '{"msg":"connecting to ${1}://REDACTED:REDACTED@://admin:${1}://REDACTED:REDACTED@@db:5432/prod"}',
    );
  });

  test('seed 002: the JSON password and the AWS key leak', () => {
    const sim = loadProcess(SEED_002, 'loki.process.scrub_secrets');
    expect(only(sim.process(entry('{"password":"hunter2"}'))).line).toBe('{"password":"hunter2"}');
    expect(only(sim.process(entry('id AKIAIOSFODNN7EXAMPLQ'))).line).toBe('id AKIAIOSFODNN7EXAMPLQ');
  });

  test('seed 003: a CRI line is unwrapped and tenanted by namespace', () => {
    const sim = loadProcess(SEED_003, 'loki.process.pod_logs');
    const e = only(sim.process(entry('2024-05-01T10:00:00Z stdout F ready', { namespace: 'team-a' })));
    expect(e.line).toBe('ready');
    expect(e.labels.get('__tenant_id__')).toBe('team-a');
  });
});

describe('stage block shape', () => {
  test('a labelled stage block is refused as Alloy does', () => {
    const b = { ...stage('replace', { expression: '(a)' }), label: 'x' };
    expect(() => simulate([b])).toThrow('block "stage.replace" does not support specifying labels');
  });
});

describe('pipeline robustness', () => {
  test('a stage that fails inside the simulation marks the entry unknown and the run goes on', async () => {
    const { StagePipeline } = await import('../../src/loki/stages/pipeline.ts');
    const failing = {
      name: 'stage.test',
      where: 'stage.test at x:1:1',
      file: 'x',
      range: stage('replace', { expression: '(a)' }).range,
      process(): never {
        throw new Error('engine limit');
      },
    };
    const out = new StagePipeline([failing]).process(entry('line'));
    expect(out).toHaveLength(1);
    expect(out[0]!.kind === 'forward' && out[0]!.entry.unknown[0]!.message).toContain('engine limit');
  });
});
