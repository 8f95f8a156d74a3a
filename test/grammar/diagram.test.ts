import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramHtml } from '../../grammar/diagram.ts';

describe('railroad diagram', () => {
  it('is up to date with the grammar (regenerate with npm run grammar:diagram)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../grammar/diagram.html'), 'utf8');
    expect(committed).toBe(diagramHtml());
  });

  it('shows every production of the grammar', () => {
    const html = diagramHtml();
    for (const rule of ['file', 'body', 'statement', 'orExpr', 'power', 'suffix', 'object', 'field']) {
      expect(html).toMatch(new RegExp(`"name":\\s*"${rule}"`));
    }
  });
});
