// maskSecret and maskText: enough of a leaked value to recognise it, never enough to use it.

import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { detectSecrets, isPlaceholder, maskSecret, maskText } from '../../src/detect/index.ts';

describe('maskSecret', () => {
  test('shows four characters and a sha256 prefix of a long secret', () => {
    expect(maskSecret('hunter2hunter2!!')).toMatch(/^hunt…\[sha256:[0-9a-f]{8}\]$/);
  });

  test('shows nothing but the hash of a secret shorter than four characters', () => {
    expect(maskSecret('abc')).toMatch(/^…\[sha256:[0-9a-f]{8}\]$/);
  });

  test.prop([fc.string({ minLength: 1, maxLength: 200 })])('reveals at most four characters and at most a quarter of the value', (value) => {
    const shown = maskSecret(value).split('…[sha256:')[0]!;
    const n = Array.from(shown).length;
    expect(n).toBeLessThanOrEqual(4);
    expect(n).toBeLessThanOrEqual(Array.from(value).length / 4);
    expect(value.startsWith(shown)).toBe(true);
  });

  test.prop([fc.string({ maxLength: 100 })])('gives the same mask for the same value', (value) => {
    expect(maskSecret(value)).toBe(maskSecret(value));
  });

  test.prop([fc.string({ minLength: 1, maxLength: 100 })])('produces a mask the detectors treat as a placeholder', (value) => {
    expect(isPlaceholder(maskSecret(value))).toBe(true);
  });
});

describe('maskText', () => {
  test('replaces each finding by its mask and keeps the rest of the text', () => {
    const text = 'user=ada@example.org password=hunter2!x';
    const masked = maskText(text, detectSecrets(text));
    expect(masked).not.toContain('hunter2!x');
    expect(masked).not.toContain('ada@example.org');
    expect(masked).toMatch(/^user=ada…\[sha256:[0-9a-f]{8}\] password=hu…\[sha256:[0-9a-f]{8}\]$/);
  });

  test('masks overlapping spans once, as their union', () => {
    expect(maskText('0123456789', [{ start: 1, end: 5 }, { start: 3, end: 8 }])).toBe('0' + maskSecret('1234567') + '89');
  });

  test('leaves text without findings unchanged', () => {
    expect(maskText('nothing here', [])).toBe('nothing here');
  });

  test.prop([fc.string({ maxLength: 200 })])('leaves no finding of the detectors in place', (text) => {
    const findings = detectSecrets(text);
    const masked = maskText(text, findings);
    for (const f of findings) if (f.value.length >= 8) expect(masked).not.toContain(f.value);
  });
});
