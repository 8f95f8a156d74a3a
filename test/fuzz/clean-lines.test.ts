// Clean lines are clean: no project detector finds anything in them, so a pipeline that changes
// one over-redacts.
import { expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { detectSecrets } from '../../src/detect/index.ts';
import { cleanLine } from '../../src/fuzz/clean-lines.ts';

test.prop([cleanLine()], { numRuns: 500 })('no detector finds a secret in a clean line', (entry) => {
  expect(detectSecrets(entry.line)).toEqual([]);
});

test.prop([cleanLine()])('clean lines carry no secret to look for', (entry) => {
  expect(entry.secrets).toEqual([]);
});
