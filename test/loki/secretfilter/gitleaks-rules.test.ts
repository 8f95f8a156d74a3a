// gitleaks rule semantics as loki.secretfilter applies them to one log line: keywords, secret
// groups, entropy, allowlists, the gitleaks:allow marker, generic-rule precedence, composite rules.

import { describe, expect, it } from 'vitest';
import { filterLine, withToml } from './helpers.ts';

function run(line: string, toml: string, attrs: Record<string, string | number> = {}): string {
  const [a, o] = withToml(toml, { redact_with: '<$SECRET_NAME>', ...attrs });
  return filterLine(line, a, o).line;
}

const rule = (body: string): string => `[[rules]]\nid = "r"\n${body}\n`;

describe('keywords', () => {
  it('runs a rule whose keyword appears in the line, in any case', () => {
    expect(run('TOKEN abc123', rule(`regex = '''abc\\d+'''\nkeywords = ["Token"]`))).toBe('TOKEN <r>');
  });

  it('skips a rule whose keywords are all absent even though its regex would match', () => {
    expect(run('value abc123', rule(`regex = '''abc\\d+'''\nkeywords = ["token"]`))).toBe('value abc123');
  });

  it('runs a rule without keywords on every line', () => {
    expect(run('value abc123', rule(`regex = '''abc\\d+'''`))).toBe('value <r>');
  });
});

describe('secret groups', () => {
  it('redacts only the group named by secretGroup', () => {
    expect(run('user=bob pass=hunter2', rule(`regex = '''user=(\\w+) pass=(\\w+)'''\nsecretGroup = 2`))).toBe('user=bob pass=<r>');
  });

  it('redacts the first non-empty group when secretGroup is not set', () => {
    expect(run('pass=hunter2', rule(`regex = '''(x*)pass=(\\w+)'''`))).toBe('pass=<r>');
  });

  it('redacts the whole match when the regex has no group', () => {
    expect(run('pass=hunter2', rule(`regex = '''pass=\\w+'''`))).toBe('<r>');
  });

  it('reads secretGroup whatever the case of its key, as viper does', () => {
    expect(run('user=bob pass=hunter2', rule(`regex = '''user=(\\w+) pass=(\\w+)'''\nSECRETGROUP = 2`))).toBe('user=bob pass=<r>');
  });
});

describe('entropy', () => {
  it('drops a finding whose secret has entropy at or below the threshold', () => {
    // "aaaaaaaa" has entropy 0.
    expect(run('k=aaaaaaaa', rule(`regex = '''k=(\\w+)'''\nentropy = 1.0`))).toBe('k=aaaaaaaa');
  });

  it('keeps a finding whose secret has entropy above the threshold', () => {
    expect(run('k=a1b2c3d4', rule(`regex = '''k=(\\w+)'''\nentropy = 2.5`))).toBe('k=<r>');
  });

  it('drops a finding whose entropy equals the threshold exactly', () => {
    // "ab" has entropy exactly 1.
    expect(run('k=ab', rule(`regex = '''k=(\\w+)'''\nentropy = 1.0`))).toBe('k=ab');
  });
});

describe('allowlists', () => {
  const base = `regex = '''(?:token|id)=(\\w+)'''\nsecretGroup = 1`;

  it('ignores a finding whose secret matches a rule allowlist regex (default target: the secret)', () => {
    const toml = rule(base) + `[[rules.allowlists]]\nregexes = ['''^test''']\n`;
    expect(run('token=test123 token=prod456', toml)).toBe('token=test123 token=<r>');
  });

  it('tests the whole match with regexTarget = "match"', () => {
    const toml = rule(base) + `[[rules.allowlists]]\nregexTarget = "match"\nregexes = ['''^id=''']\n`;
    expect(run('id=abc123 token=abc456', toml)).toBe('id=abc123 token=<r>');
  });

  it('tests the whole line with regexTarget = "line"', () => {
    const toml = rule(base) + `[[rules.allowlists]]\nregexTarget = "line"\nregexes = ['''level=debug''']\n`;
    expect(run('level=debug token=abc123', toml)).toBe('level=debug token=abc123');
  });

  it('ignores a secret that contains a stop word, in any case', () => {
    const toml = rule(base) + `[[rules.allowlists]]\nstopwords = ["EXAMPLE"]\n`;
    expect(run('token=myexamplekey token=realkey9', toml)).toBe('token=myexamplekey token=<r>');
  });

  it('requires every check with condition = "AND"', () => {
    const toml = rule(base) + `[[rules.allowlists]]\ncondition = "AND"\nregexes = ['''^test''']\nstopwords = ["zz"]\n`;
    expect(run('token=test123 token=testzz9', toml)).toBe('token=<r> token=testzz9');
  });

  it('never allows by path or commit, which a log line does not have', () => {
    const toml = rule(base) + `[[rules.allowlists]]\npaths = ['''.*''']\ncommits = ["abc"]\n`;
    expect(run('token=abc123', toml)).toBe('token=<r>');
  });

  it('applies global [[allowlists]] to every rule', () => {
    const toml = rule(base) + `[[allowlists]]\nregexes = ['''^test''']\n`;
    expect(run('token=test123', toml)).toBe('token=test123');
  });

  it('applies a global allowlist with targetRules only to the rules named', () => {
    const toml = rule(base) + `[[rules]]\nid = "s"\nregex = '''secret=(\\w+)'''\n[[allowlists]]\ntargetRules = ["s"]\nregexes = ['''^test''']\n`;
    expect(run('token=test1 secret=test2', toml)).toBe('token=<r> secret=test2');
  });

  it('accepts the deprecated single [rules.allowlist] table', () => {
    const toml = rule(base) + `[rules.allowlist]\nregexes = ['''^test''']\n`;
    expect(run('token=test123', toml)).toBe('token=test123');
  });

  it('lets a leading (?i) in one allowlist regex also apply to the next, because gitleaks joins them', () => {
    const toml = rule(base) + `[[rules.allowlists]]\nregexes = ['''(?i)^dummy''', '''^test''']\n`;
    expect(run('token=TEST123', toml)).toBe('token=TEST123');
  });
});

describe('line-level behaviour', () => {
  it('does not redact anything on a line that contains gitleaks:allow', () => {
    expect(run('token=abc123 # gitleaks:allow', rule(`regex = '''token=(\\w+)'''`))).toBe('token=abc123 # gitleaks:allow');
  });

  it('drops a generic rule’s finding when a specific rule’s secret on the same line contains it', () => {
    const toml = `[[rules]]\nid = "my-generic"\nregex = '''key=(\\w+)'''\n[[rules]]\nid = "vendor"\nregex = '''(vnd_\\w+)'''\n`;
    expect(run('key=vnd_abc123', toml)).toBe('key=<vendor>');
  });

  it('keeps a finding of a rule with [[rules.required]] only when the required rule also matches', () => {
    const toml = `[[rules]]\nid = "pw"\nregex = '''pw=(\\w+)'''\n[[rules.required]]\nid = "user"\n[[rules]]\nid = "user"\nregex = '''user=(\\w+)'''\nskipReport = true\n`;
    expect(run('pw=hunter2', toml)).toBe('pw=hunter2');
    expect(run('user=bob pw=hunter2', toml)).toBe('user=bob pw=<pw>');
  });

  it('reports nothing for a skipReport rule on its own', () => {
    expect(run('token=abc123', rule(`regex = '''token=(\\w+)'''\nskipReport = true`))).toBe('token=abc123');
  });

  it('never runs a rule whose path regex cannot match an empty path', () => {
    expect(run('token=abc123', rule(`regex = '''token=(\\w+)'''\npath = '''\\.env$'''`))).toBe('token=abc123');
  });

  it('makes a path-only rule that matches the empty path report an empty secret, which REDACTED then surrounds every character with', () => {
    expect(run('ab', rule(`path = '''.*'''`), { redact_with: '', redact_percent: 100 })).toBe('REDACTEDaREDACTEDbREDACTED');
  });

  it('makes a path-only rule change nothing under the default 80% mask, whose mask of an empty secret is empty', () => {
    expect(run('ab', rule(`path = '''.*'''`), { redact_with: '' })).toBe('ab');
  });

  it('runs a rule whose path regex matches an empty path', () => {
    expect(run('token=abc123', rule(`regex = '''token=(\\w+)'''\npath = '''.*'''`))).toBe('token=<r>');
  });

  it('tests a line-target allowlist against the line text gitleaks computes, which starts at the previous newline', () => {
    // The match is on the middle line; its "line" is "\\nB token=abc123", so ^B does not match but \\nB does.
    const toml = rule(`regex = '''token=(\\w+)'''`) + `[[rules.allowlists]]\nregexTarget = "line"\nregexes = ['''^B''']\n`;
    expect(run('A\nB token=abc123\nC', toml)).toBe('A\nB token=<r>\nC');
  });
});
