// Loading gitleaks_config: file errors, TOML and rule validation, [extend] (path, useDefault,
// disabledRules) and the messages Alloy reports.

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/errors.ts';
import { compileSecretFilter } from '../../../src/loki/secretfilter/index.ts';
import { newEntry } from '../../../src/loki/types.ts';
import { files, filterLine, secretFilter, withToml } from './helpers.ts';

function compileWith(toml: string): () => unknown {
  const [a, o] = withToml(toml);
  return () => compileSecretFilter(secretFilter(a), o);
}

describe('reading gitleaks_config', () => {
  it('fails like Alloy when the file does not exist', () => {
    const c = secretFilter({ gitleaks_config: '/nope.toml' });
    expect(() => compileSecretFilter(c, { readFile: files({}) })).toThrow('failed to create gitleaks detector: read gitleaks config: open /nope.toml: no such file or directory');
  });

  it('reports a TOML syntax error as a config error', () => {
    expect(compileWith('[[rules]\nid = "x"')).toThrow(/failed to create gitleaks detector: parse gitleaks config/);
  });

  it('refuses a rule without an id', () => {
    expect(compileWith(`[[rules]]\nregex = '''x'''\n`)).toThrow('rule |id| is missing or empty, regex: x');
  });

  it('refuses a rule with neither regex nor path', () => {
    expect(compileWith(`[[rules]]\nid = "x"\n`)).toThrow('x: both |regex| and |path| are empty, this rule will have no effect');
  });

  it('refuses a secretGroup beyond the regex’s groups', () => {
    expect(compileWith(`[[rules]]\nid = "x"\nregex = '''(a)b'''\nsecretGroup = 2\n`)).toThrow('x: invalid regex secret group 2, max regex secret group 1');
  });

  it('refuses a regex Go cannot compile', () => {
    expect(compileWith(`[[rules]]\nid = "x"\nregex = '''(?=a)'''\n`)).toThrow(ConfigError);
  });

  it('refuses an allowlist with no check', () => {
    expect(compileWith(`[[rules]]\nid = "x"\nregex = '''a'''\n[[rules.allowlists]]\ndescription = "empty"\n`)).toThrow('must contain at least one check for: commits, paths, regexes, or stopwords');
  });

  it('refuses an unknown allowlist regexTarget', () => {
    expect(compileWith(`[[rules]]\nid = "x"\nregex = '''a'''\n[[rules.allowlists]]\nregexTarget = "file"\nregexes = ['''a''']\n`)).toThrow("unknown allowlist |regexTarget| 'file'");
  });

  it('refuses [rules.allowlist] together with [[rules.allowlists]]', () => {
    const toml = `[[rules]]\nid = "x"\nregex = '''a'''\n[rules.allowlist]\nregexes = ['''a''']\n[[rules.allowlists]]\nregexes = ['''b''']\n`;
    expect(compileWith(toml)).toThrow('[rules.allowlist] is deprecated');
  });

  it('refuses a required rule that does not exist', () => {
    expect(compileWith(`[[rules]]\nid = "x"\nregex = '''a'''\n[[rules.required]]\nid = "y"\n`)).toThrow("x: [[rules.required]] rule ID 'y' does not exist");
  });

  it('refuses a targetRules allowlist for a rule that does not exist', () => {
    expect(compileWith(`[[rules]]\nid = "x"\nregex = '''a'''\n[[allowlists]]\ntargetRules = ["nope"]\nregexes = ['''a''']\n`)).toThrow("target rule ID 'nope' does not exist");
  });

  it('refuses extend.path together with extend.useDefault', () => {
    expect(compileWith(`[extend]\nuseDefault = true\npath = "/other.toml"\n`)).toThrow('unable to load config due to extend.path and extend.useDefault being set');
  });

  it('points the error at the gitleaks_config attribute', () => {
    const c = secretFilter({ gitleaks_config: '/nope.toml' });
    try {
      compileSecretFilter(c, { readFile: files({}) });
    } catch (e) {
      expect((e as ConfigError).range).toEqual(c.attributes.get('gitleaks_config')!.range);
    }
  });
});

describe('[extend]', () => {
  it('adds the rules of the file named by extend.path', () => {
    const read = files({
      '/cfg/gitleaks.toml': `[extend]\npath = "/cfg/base.toml"\n`,
      '/cfg/base.toml': `[[rules]]\nid = "base"\nregex = '''base_\\w+'''\n`,
    });
    const e = filterLine('x base_abc123', { gitleaks_config: '/cfg/gitleaks.toml', redact_with: '<$SECRET_NAME>' }, { readFile: read });
    expect(e.line).toBe('x <base>');
  });

  it('leaves out the extended rules listed in disabledRules', () => {
    const read = files({
      '/cfg/gitleaks.toml': `[extend]\npath = "/cfg/base.toml"\ndisabledRules = ["base"]\n[[rules]]\nid = "mine"\nregex = '''mine_\\w+'''\n`,
      '/cfg/base.toml': `[[rules]]\nid = "base"\nregex = '''base_\\w+'''\n`,
    });
    const e = filterLine('base_abc mine_abc', { gitleaks_config: '/cfg/gitleaks.toml', redact_with: '<$SECRET_NAME>' }, { readFile: read });
    expect(e.line).toBe('base_abc <mine>');
  });

  it('merges a redefined rule into the extended one: the new entropy replaces the old', () => {
    const read = files({
      '/cfg/gitleaks.toml': `[extend]\npath = "/cfg/base.toml"\n[[rules]]\nid = "base"\nentropy = 2.5\n`,
      '/cfg/base.toml': `[[rules]]\nid = "base"\nregex = '''base_(\\w+)'''\n`,
    });
    const e = filterLine('base_aaaa base_a1b2c3d4', { gitleaks_config: '/cfg/gitleaks.toml', redact_with: '<$SECRET_NAME>' }, { readFile: read });
    expect(e.line).toBe('base_aaaa base_<base>');
  });

  it('extends the project’s default set with useDefault = true', () => {
    const [a, o] = withToml(`[extend]\nuseDefault = true\n[[rules]]\nid = "mine"\nregex = '''mine_\\w+'''\n`, { redact_with: '<$SECRET_NAME>' });
    const e = filterLine(`mine_abc ${'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`, a, o);
    expect(e.line).toBe('<mine> <github-pat>');
  });

  it('leaves out default rules listed in disabledRules under useDefault', () => {
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const [a, o] = withToml(`[extend]\nuseDefault = true\ndisabledRules = ["github-pat", "generic-api-key"]\n`, { redact_with: '<$SECRET_NAME>' });
    expect(filterLine(`t ${token}`, a, o).line).toBe(`t ${token}`);
  });

  it('marks entries unknown when a user rule changes an embedded gitleaks rule the project’s set lacks', () => {
    const [a, o] = withToml(`[extend]\nuseDefault = true\n[[rules]]\nid = "kubernetes-secret-yaml"\nentropy = 4.0\n`);
    const e = filterLine('nothing secret here', a, o);
    expect(e.unknown.map((u) => u.message).join()).toContain('kubernetes-secret-yaml');
  });
});

describe('without file access', () => {
  it('forwards entries unchanged and marks them unknown when gitleaks_config cannot be read', () => {
    const sim = compileSecretFilter(secretFilter({ gitleaks_config: '/cfg/gitleaks.toml' }));
    const [out] = sim.process(newEntry('token=abc'));
    expect(out).toMatchObject({ kind: 'forward' });
    if (out?.kind !== 'forward') throw new Error('not forwarded');
    expect(out.entry.line).toBe('token=abc');
    expect(out.entry.unknown[0]!.message).toContain('was not read');
  });
});
