import { describe, expect, it } from 'vitest';
import { lint, positions, withRule } from './helpers.ts';

const endpoint = (body: string) => `loki.write "w" {\n  endpoint {\n    url = "https://logs.example.com/loki/api/v1/push"\n${body}\n  }\n}\n`;

describe('inline-credential', () => {
  it('fires on a password literal, at the attribute', () => {
    expect(positions(lint(endpoint('    basic_auth {\n      username = "u"\n      password = "s3cr3t-Passw0rd"\n    }')), 'inline-credential')).toEqual(['6:7']);
  });

  it('fires on a bearer_token literal built with +', () => {
    expect(positions(lint(endpoint('    bearer_token = "glc_" + "abcdef0123456789"')), 'inline-credential')).toEqual(['4:5']);
  });

  it('fires on an Authorization header literal', () => {
    expect(positions(lint(endpoint('    headers = {\n      "Authorization" = "Bearer abcdef0123456789abcdef",\n    }')), 'inline-credential')).toEqual(['5:7']);
  });

  it('fires on a password inside a URL literal', () => {
    const src = 'remote.http "cfg" {\n  url = "https://admin:s3cr3tPw@config.example.com/alloy"\n}\n';
    expect(positions(lint(src), 'inline-credential')).toEqual(['2:3']);
  });

  it('fires on a password inside a list of connection strings', () => {
    const src = 'prometheus.exporter.postgres "db" {\n  data_source_names = ["postgresql://admin:s3cr3tPw@db:5432/app"]\n}\n';
    expect(positions(lint(src), 'inline-credential')).toEqual(['2:3']);
  });

  it('does not fire on a URL without credentials', () => {
    expect(withRule(lint('remote.http "cfg" {\n  url = "https://config.example.com/alloy"\n}\n'), 'inline-credential')).toEqual([]);
  });

  it('fires on an inline password in remotecfg', () => {
    const src = 'remotecfg {\n  url = "https://fleet.example.com/config"\n  basic_auth {\n    username = "123456"\n    password = "glc_abcdef0123456789"\n  }\n}\n';
    expect(positions(lint(src), 'inline-credential')).toEqual(['5:5']);
  });

  it('does not fire on sys.env()', () => {
    expect(withRule(lint(endpoint('    basic_auth {\n      username = "u"\n      password = sys.env("LOKI_PASSWORD")\n    }')), 'inline-credential')).toEqual([]);
  });

  it('does not fire on a *_file path', () => {
    expect(withRule(lint(endpoint('    bearer_token_file = "/var/run/secrets/token"')), 'inline-credential')).toEqual([]);
  });

  it('does not fire on a component export', () => {
    const src = `local.file "pw" {\n  filename  = "/etc/alloy/pw"\n  is_secret = true\n}\n${endpoint('    basic_auth {\n      username = "u"\n      password = local.file.pw.content\n    }')}`;
    expect(withRule(lint(src), 'inline-credential')).toEqual([]);
  });
});
