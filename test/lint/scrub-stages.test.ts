// stage.replace / stage.drop findings, each checked against what the loki.process engine does.
import { describe, expect, it } from 'vitest';
import { lint, positions, processLine, processOutcome, withRule } from './helpers.ts';

const pipeline = (stages: string) => `loki.process "p" {
${stages}
  forward_to = []
}
`;

describe('replace-no-capture-group', () => {
  const src = pipeline(`  stage.replace {
    expression = \`(?:AKIA|ASIA)[A-Z0-9]{16}\`
    replace    = "AWS_KEY_REDACTED"
  }`);

  it('fires on an expression without a capture group, at the expression', () => {
    expect(positions(lint(src), 'replace-no-capture-group')).toEqual(['3:5']);
  });

  it('is true of Alloy: the stage leaves the key in the line', () => {
    expect(processLine(src, 'loki.process.p', 'key=AKIAABCDEFGHIJKLMNOP')).toBe('key=AKIAABCDEFGHIJKLMNOP');
  });

  it('suggests an expression whose group makes the stage redact', () => {
    const [f] = withRule(lint(src), 'replace-no-capture-group');
    expect(f!.fix).toContain('`((?:AKIA|ASIA)[A-Z0-9]{16})`');
    const fixed = pipeline(`  stage.replace {
    expression = \`((?:AKIA|ASIA)[A-Z0-9]{16})\`
    replace    = "AWS_KEY_REDACTED"
  }`);
    expect(processLine(fixed, 'loki.process.p', 'key=AKIAABCDEFGHIJKLMNOP')).toBe('key=AWS_KEY_REDACTED');
  });

  it('keeps leading flags outside the suggested group', () => {
    const f = withRule(lint(pipeline('  stage.replace {\n    expression = `(?i)akia[a-z0-9]{16}`\n  }')), 'replace-no-capture-group')[0]!;
    expect(f.fix).toContain('`(?i)(akia[a-z0-9]{16})`');
  });

  it('does not fire when the expression has a capture group', () => {
    expect(withRule(lint(pipeline('  stage.replace {\n    expression = `((?:AKIA|ASIA)[A-Z0-9]{16})`\n  }')), 'replace-no-capture-group')).toEqual([]);
  });
});

describe('replace-template-backreference', () => {
  const src = pipeline(`  stage.replace {
    expression = \`(?i)(password)=(\\S+)\`
    replace    = "\${1}=REDACTED"
  }`);

  it('fires on ${1} in the replace text, at the replace attribute', () => {
    expect(positions(lint(src), 'replace-template-backreference')).toEqual(['4:5']);
  });

  it('is true of Alloy: ${1} is printed literally, for each group', () => {
    expect(processLine(src, 'loki.process.p', 'password=hunter2')).toBe('${1}=REDACTED=${1}=REDACTED');
  });

  it('fires on $1 and \\1 as well', () => {
    const a = lint(pipeline('  stage.replace {\n    expression = `(\\d+)`\n    replace    = "$1"\n  }'));
    const b = lint(pipeline('  stage.replace {\n    expression = `(\\d+)`\n    replace    = "\\\\1"\n  }'));
    expect([withRule(a, 'replace-template-backreference').length, withRule(b, 'replace-template-backreference').length]).toEqual([1, 1]);
  });

  it('does not fire on template variables inside {{ }} actions', () => {
    const f = lint(pipeline('  stage.replace {\n    expression = `(\\d+)`\n    replace    = "{{ $v := .Value }}{{ $v | ToUpper }}"\n  }'));
    expect(withRule(f, 'replace-template-backreference')).toEqual([]);
  });
});

describe('regex-rejected', () => {
  it('fires on a lookahead, with Go\'s reason', () => {
    const f = withRule(lint(pipeline('  stage.replace {\n    expression = `password=(?=x)(\\S+)`\n  }')), 'regex-rejected');
    expect(f.map((x) => [x.range.start.line, x.message.includes('invalid or unsupported Perl syntax')])).toEqual([[3, true]]);
  });

  it('is not also reported as a component rejection at the same place', () => {
    const f = lint(pipeline('  stage.replace {\n    expression = `password=(?=x)(\\S+)`\n  }'));
    expect(withRule(f, 'component-config-rejected')).toEqual([]);
  });

  it('does not fire on an RE2 expression', () => {
    expect(withRule(lint(pipeline('  stage.regex {\n    expression = `(?P<user>\\w+)`\n  }')), 'regex-rejected')).toEqual([]);
  });
});

describe('regex-matches-empty', () => {
  const src = pipeline('  stage.replace {\n    expression = `token=(\\w*)`\n    replace    = "X"\n  }\n  stage.replace {\n    expression = `(\\d*)`\n    replace    = "#"\n  }');

  it('fires on a replace whose group can match empty text anywhere', () => {
    expect(positions(lint(src), 'regex-matches-empty')).toEqual(['7:5']);
  });

  it('is true of Alloy: the replacement is inserted into a line with no digits', () => {
    expect(processLine(pipeline('  stage.replace {\n    expression = `(\\d*)`\n    replace    = "#"\n  }'), 'loki.process.p', 'ok')).toBe('#o#k#');
  });

  it('fires on a drop expression that matches every line', () => {
    expect(positions(lint(pipeline('  stage.drop {\n    expression = `.*`\n  }')), 'regex-matches-empty')).toEqual(['3:5']);
  });

  it('is true of Alloy: a drop expression `x*` drops a line without any x', () => {
    expect(processOutcome(pipeline('  stage.drop {\n    expression = "x*"\n  }'), 'loki.process.p', 'GET /health 200')).toBe('drop');
  });

  it('does not fire on a drop expression that only matches the empty line', () => {
    expect(withRule(lint(pipeline('  stage.drop {\n    expression = "^$"\n  }')), 'regex-matches-empty')).toEqual([]);
  });

  it('does not fire on a drop whose other conditions must also hold', () => {
    expect(withRule(lint(pipeline('  stage.drop {\n    expression = `.*`\n    longer_than = "8KB"\n  }')), 'regex-matches-empty')).toEqual([]);
  });
});

describe('regex-case-sensitive-keywords', () => {
  const src = pipeline('  stage.replace {\n    expression = `(?:password|secret|token)=(\\S+)`\n    replace    = "REDACTED"\n  }');

  it('fires on lower-case credential keywords without (?i)', () => {
    expect(positions(lint(src), 'regex-case-sensitive-keywords')).toEqual(['3:5']);
  });

  it('is true of Alloy: a capitalised keyword is not redacted', () => {
    expect(processLine(src, 'loki.process.p', 'Password=hunter2')).toBe('Password=hunter2');
  });

  it('does not fire with (?i)', () => {
    expect(withRule(lint(pipeline('  stage.replace {\n    expression = `(?i)(?:password|secret|token)=(\\S+)`\n  }')), 'regex-case-sensitive-keywords')).toEqual([]);
  });

  it('does not fire on command-line flags, whose case is fixed', () => {
    expect(withRule(lint(pipeline('  stage.replace {\n    expression = `--(?:password|token)[= ](\\S+)`\n  }')), 'regex-case-sensitive-keywords')).toEqual([]);
  });

  it('does not fire when another branch of the expression can match the capitalised word', () => {
    expect(withRule(lint(pipeline('  stage.replace {\n    expression = `(?:password|token)=(\\S+)|Password=(\\S+)`\n  }')), 'regex-case-sensitive-keywords')).toEqual([]);
  });

  it('does not fire on alternations of words that are not credential keywords', () => {
    expect(withRule(lint(pipeline('  stage.replace {\n    expression = `(?:postgresql|mysql)://\\w+:(\\w+)@`\n  }')), 'regex-case-sensitive-keywords')).toEqual([]);
  });
});
