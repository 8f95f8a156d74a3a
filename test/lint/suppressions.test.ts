import { describe, expect, it } from 'vitest';
import { lint, withRule } from './helpers.ts';

const rule = (comment: string) => `loki.process "p" {
  stage.replace {
${comment}
    expression = \`AKIA[A-Z0-9]{16}\`
  }
  forward_to = []
}
`;

describe('suppression comments', () => {
  it('silence the named rule on the next line when a reason is given', () => {
    expect(withRule(lint(rule('    // alloy-scrub-ignore replace-no-capture-group: kept to count matches in a test')), 'replace-no-capture-group')).toEqual([]);
  });

  it('do not silence another rule', () => {
    expect(withRule(lint(rule('    // alloy-scrub-ignore regex-matches-empty: not this one')), 'replace-no-capture-group').length).toBe(1);
  });

  it('without a reason suppress nothing and are reported', () => {
    const f = lint(rule('    // alloy-scrub-ignore replace-no-capture-group'));
    expect([withRule(f, 'replace-no-capture-group').length, withRule(f, 'suppression-without-reason').map((x) => x.range.start.line)]).toEqual([1, [3]]);
  });

  it('that suppress nothing are reported as unused', () => {
    const f = lint(rule('    // alloy-scrub-ignore regex-matches-empty: stale'));
    expect(withRule(f, 'unused-suppression').map((x) => [x.severity, x.range.start.line])).toEqual([['info', 3]]);
  });

  it('naming no rule of alloy-scrub are reported as unused', () => {
    const f = withRule(lint(rule('    // alloy-scrub-ignore no-such-rule: typo')), 'unused-suppression');
    expect(f.map((x) => x.message.includes('not an alloy-scrub rule'))).toEqual([true]);
  });

  it('do not reach two lines down', () => {
    const src = rule('    // alloy-scrub-ignore replace-no-capture-group: reason\n');
    expect(withRule(lint(src), 'replace-no-capture-group').length).toBe(1);
  });
});
