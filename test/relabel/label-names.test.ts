import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { compileRegex } from '../../src/regex/index.ts';
import { isLegacyLabelName, isRelabelTargetTemplate, isUtf8LabelName } from '../../src/relabel/label-names.ts';

const TEMPLATE = compileRegex('^(?:(?:[a-zA-Z_]|\\$(?:\\{\\w+\\}|\\w+))+\\w*)+$');
const LEGACY = compileRegex('^[a-zA-Z_][a-zA-Z0-9_]*$');

describe('label names', () => {
  test.prop([fc.stringMatching(/^[a-zA-Z0-9_${}\-é]{0,8}$/)])('the template scan accepts exactly what the relabelTarget regex matches', (s) => {
    expect(isRelabelTargetTemplate(s)).toBe(TEMPLATE.matchString(s));
  });

  test.prop([fc.stringMatching(/^[a-zA-Z0-9_\-é.]{0,6}$/)])('the legacy check accepts exactly [a-zA-Z_][a-zA-Z0-9_]*', (s) => {
    expect(isLegacyLabelName(s)).toBe(LEGACY.matchString(s));
  });

  test('the UTF-8 check refuses the empty name', () => {
    expect(isUtf8LabelName('')).toBe(false);
  });

  test('the UTF-8 check refuses an invalid byte', () => {
    expect(isUtf8LabelName('a\udc80')).toBe(false);
  });

  test('the UTF-8 check accepts dashes, dots and non-ASCII letters', () => {
    expect(isUtf8LabelName('k8s.io/app-name é')).toBe(true);
  });
});
