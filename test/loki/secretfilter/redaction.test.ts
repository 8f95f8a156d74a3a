// How loki.secretfilter rewrites a line once gitleaks has found secrets: redact_with templates,
// gitleaks-style percentage masks, and strings.ReplaceAll over the whole line.

import { describe, expect, it } from 'vitest';
import { percentMask, secretHash } from '../../../src/loki/secretfilter/redact.ts';
import { filterLine, withToml } from './helpers.ts';

/** A user rule `tok` matching `tok_` + 16 alphanumerics (the whole match is the secret). */
const TOK_RULE = `[[rules]]\nid = "tok"\nregex = '''tok_[0-9A-Za-z]{16}'''\nkeywords = ["tok_"]\n`;
const SECRET = 'tok_Ab12Cd34Ef56Gh78';

function run(line: string, attrs: Record<string, string | number> = {}, toml = TOK_RULE): string {
  const [a, o] = withToml(toml, attrs);
  return filterLine(line, a, o).line;
}

describe('percentage redaction', () => {
  it('keeps the first 20% of the secret and appends "..." by default', () => {
    expect(run(`key ${SECRET} end`)).toBe('key tok_... end');
  });

  it('replaces the whole secret by REDACTED at 100%', () => {
    expect(run(`key ${SECRET} end`, { redact_percent: 100 })).toBe('key REDACTED end');
  });

  it('keeps half of the secret at 50%', () => {
    expect(run(`key ${SECRET} end`, { redact_percent: 50 })).toBe('key tok_Ab12Cd... end');
  });

  it('rounds the kept length half to even, as math.RoundToEven', () => {
    // 10 bytes at 75%: 2.5 bytes kept → 2; 14 bytes at 75%: 3.5 → 4.
    expect(percentMask('abcdefghij', 75)).toBe('ab...');
    expect(percentMask('abcdefghijklmn', 75)).toBe('abcd...');
  });

  it('counts bytes, so a cut can split a multi-byte character into invalid bytes', () => {
    // "é" is two bytes; keeping 1 byte of "éééé" (8 bytes, 90%: 0.8 → 1) leaves one invalid byte.
    expect(percentMask('éééé', 90)).toBe('\udcc3...');
  });

  it('leaves an empty secret empty at percentages below 100', () => {
    expect(percentMask('', 80)).toBe('');
  });
});

describe('redact_with', () => {
  it('substitutes the rule id for $SECRET_NAME', () => {
    expect(run(`key ${SECRET} end`, { redact_with: '<$SECRET_NAME>' })).toBe('key <tok> end');
  });

  it('substitutes the sha1 hex of the secret for $SECRET_HASH', () => {
    expect(run(`key ${SECRET} end`, { redact_with: '[$SECRET_HASH]' })).toBe(`key [${secretHash(SECRET)}] end`);
    expect(secretHash('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  it('uses redact_with literally when it has no placeholder', () => {
    expect(run(`key ${SECRET} end`, { redact_with: '***' })).toBe('key *** end');
  });

  it('takes precedence over redact_percent', () => {
    expect(run(`key ${SECRET} end`, { redact_with: 'X', redact_percent: 100 })).toBe('key X end');
  });

  it('replaces $SECRET_HASH that a rule id brings in, because names are substituted first', () => {
    const toml = `[[rules]]\nid = "a$SECRET_HASH"\nregex = '''tok_[0-9A-Za-z]{16}'''\n`;
    expect(run(`key ${SECRET}`, { redact_with: '$SECRET_NAME' }, toml)).toBe(`key a${secretHash(SECRET)}`);
  });
});

describe('replacement over the line', () => {
  it('redacts every occurrence of a found secret, also ones no rule matched', () => {
    // The rule only matches after `key=`; strings.ReplaceAll rewrites the second copy as well.
    const toml = `[[rules]]\nid = "tok"\nregex = '''key=(tok_[0-9A-Za-z]{16})'''\n`;
    expect(run(`key=${SECRET} again:${SECRET}`, { redact_percent: 100 }, toml)).toBe('key=REDACTED again:REDACTED');
  });

  it('inserts redact_with between every character when a rule yields an empty secret', () => {
    const toml = `[[rules]]\nid = "empty"\nregex = '''x(y*)z'''\nsecretGroup = 1\n`;
    expect(run('ab xz', { redact_with: '|' }, toml)).toBe('|a|b| |x|z|');
  });

  it('forwards a line without findings unchanged', () => {
    expect(run('nothing to see')).toBe('nothing to see');
  });
});
