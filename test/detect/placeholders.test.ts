// What a scrub rule leaves behind must never be reported as a secret.

import { describe, expect, it } from 'vitest';
import { isPlaceholder } from '../../src/detect/index.ts';

describe('isPlaceholder', () => {
  it.each([
    'REDACTED', '***', '********', '<redacted>', '[MASKED]', '[FILTERED]', 'xxxx', 'XXXXXXXX', '$SECRET_NAME', '${DB_PASSWORD}',
    '{{ .Values.password }}', '%s', 'null', 'changeme', 'sha256:9f86d081', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    '$2b$12$KIXQJ1rZ5Gq3o8N0aUe1ze', 'ghp_ab...', 'hunt…[sha256:1a2b3c4d]', '<ALLOY-REDACTED-SECRET:github-pat:0a1b>', 'your-api-key-here',
  ])('treats %j as a placeholder', (v) => {
    expect(isPlaceholder(v)).toBe(true);
  });

  it.each(['hunter2!x', 'Tr0ub4dor&3', 'P@ssw0rd2026', '7f3a9c2e1b4d', 'AKIAZ7QW3RT5YU8IOP2A'])('treats %j as a possible secret', (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });
});
