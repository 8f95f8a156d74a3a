// validateConfig: what Alloy refuses at load, as positioned findings.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lint/index.ts';
import { lint, model, positions, withRule } from './helpers.ts';

const write = (endpoint: string, top = '') => `loki.write "w" {\n${top}  endpoint {\n${endpoint}\n  }\n}\n`;

describe('unknown-component', () => {
  const src = 'loki.source.kubernetes_pods "app" {\n  forward_to = []\n}\n';

  it('fires on a component Alloy does not have, at its name', () => {
    expect(positions(lint(src), 'unknown-component')).toEqual(['1:1']);
  });

  it('suggests the component the name extends', () => {
    expect(withRule(lint(src), 'unknown-component')[0]!.fix).toContain('loki.source.kubernetes ');
  });

  it('suggests a close spelling', () => {
    expect(withRule(lint('loki.proces "p" {\n  forward_to = []\n}\n'), 'unknown-component')[0]!.fix).toContain('use loki.process');
  });

  it('suggests a configuration block for a misspelt one', () => {
    expect(withRule(lint('loging {\n  level = "warn"\n}\n'), 'unknown-component')[0]!.fix).toContain('use logging');
  });

  it('does not fire on a catalogued component', () => {
    expect(withRule(lint('loki.source.kubernetes "app" {\n  targets = []\n  forward_to = []\n}\n'), 'unknown-component')).toEqual([]);
  });
});

describe('component-config-rejected', () => {
  it('fires on an attribute loki.write endpoint does not have', () => {
    expect(positions(lint(write('    url = "https://l/push"\n    tenant = "a"')), 'component-config-rejected')).toEqual(['4:5']);
  });

  it('suggests the attribute meant', () => {
    expect(withRule(lint(write('    url = "https://l/push"\n    tenant = "a"')), 'component-config-rejected')[0]!.fix).toBe('did you mean tenant_id?');
  });

  it('fires on a missing required url', () => {
    const f = withRule(lint(write('    tenant_id = "a"')), 'component-config-rejected');
    expect(f.map((x) => x.message.includes('missing required attribute "url"'))).toEqual([true]);
  });

  it('fires on a value of the wrong type', () => {
    const f = withRule(lint(write('    url = "https://l/push"\n    retry_on_http_429 = "yes"')), 'component-config-rejected');
    expect(f.map((x) => x.message.includes('expected bool, got string'))).toEqual([true]);
  });

  it('fires on two authentication methods on one endpoint', () => {
    const f = withRule(lint(write('    url = "https://l/push"\n    bearer_token_file = "/t"\n    basic_auth {\n      username = "u"\n      password_file = "/p"\n    }')), 'component-config-rejected');
    expect(f.map((x) => x.message.includes('at most one of basic_auth'))).toEqual([true]);
  });

  it('fires on a stage argument Alloy does not know, naming the stage', () => {
    const f = withRule(lint('loki.process "p" {\n  stage.truncate {\n    limit = "8KiB"\n  }\n  forward_to = []\n}\n'), 'component-config-rejected');
    expect(f.map((x) => [x.range.start.line, x.message.includes('stage.truncate (stage 1)')])).toEqual([[3, true]]);
  });

  it('suggests the stage meant for a misspelt stage block', () => {
    const f = withRule(lint('loki.process "p" {\n  stage.replce {\n    expression = "(x)"\n  }\n  forward_to = []\n}\n'), 'component-config-rejected');
    expect(f.map((x) => x.fix)).toEqual(['did you mean stage.replace?']);
  });

  it('fires on listen_addr in the http block, pointing to the command-line flag', () => {
    const f = withRule(lint('http {\n  listen_addr = "0.0.0.0:12345"\n}\n'), 'component-config-rejected');
    expect(f.map((x) => [x.range.start.line, x.message.includes('--server.http.listen-addr')])).toEqual([[2, true]]);
  });

  it('fires on a logging level Alloy does not accept', () => {
    expect(positions(lint('logging {\n  level = "verbose"\n}\n'), 'component-config-rejected')).toEqual(['2:3']);
  });

  it('does not fire on a complete loki.write', () => {
    const ok = write('    url = "https://l/push"\n    tenant_id = "a"\n    batch_wait = "2s"\n    basic_auth {\n      username = "u"\n      password = sys.env("P")\n    }\n    tls_config {\n      ca_file = "/ca.pem"\n    }', '  external_labels = { cluster = "c" }\n');
    expect(withRule(lint(ok), 'component-config-rejected')).toEqual([]);
  });
});

describe('undefined-reference', () => {
  it('fires on forward_to naming a component that does not exist', () => {
    expect(positions(lint('loki.process "p" {\n  forward_to = [loki.write.nope.receiver]\n}\n'), 'undefined-reference')).toEqual(['2:17']);
  });

  it('does not fire when the component exists', () => {
    expect(withRule(lint('loki.process "p" {\n  forward_to = [loki.write.w.receiver]\n}\nloki.write "w" {\n  endpoint {\n    url = "https://l/push"\n  }\n}\n'), 'undefined-reference')).toEqual([]);
  });
});

describe('validateConfig', () => {
  it('gives other commands the load problems of a model with positions', () => {
    const f = validateConfig(model('loki.source.kubernetes_pods "app" {\n  forward_to = []\n}\nloki.write "w" {\n  endpoint {\n    tenant_id = "a"\n  }\n}\n'));
    expect(f.map((x) => `${x.rule}@${x.range.start.line}`)).toEqual(['unknown-component@1', 'component-config-rejected@5']);
  });
});

describe('findings of module instances', () => {
  it('are reported once per place in the source, however many instances there are', () => {
    const src = 'declare "scrub" {\n  argument "out" {}\n  loki.process "p" {\n    stage.replace {\n      expression = `AKIA[A-Z0-9]{16}`\n    }\n    forward_to = argument.out.value\n  }\n}\nscrub "a" {\n  out = []\n}\nscrub "b" {\n  out = []\n}\n';
    expect(positions(lint(src), 'replace-no-capture-group')).toEqual(['5:7']);
  });
});
