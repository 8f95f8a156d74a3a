import { describe, expect, it } from 'vitest';
import { lint, positions, withRule } from './helpers.ts';

const replaceWith = (template: string) => `loki.process "p" {
  stage.replace {
    expression = \`secret=(\\S+)\`
    replace    = "${template}"
  }
  forward_to = []
}
`;

describe('template-unknown-function', () => {
  it('fires on a function Alloy does not define, at the template', () => {
    expect(positions(lint(replaceWith('{{ .Value | toLower }}')), 'template-unknown-function')).toEqual(['4:5']);
  });

  it('suggests the function with the right case', () => {
    expect(withRule(lint(replaceWith('{{ .Value | toLower }}')), 'template-unknown-function')[0]!.fix).toBe('use ToLower');
  });

  it('fires in stage.template too', () => {
    const src = 'loki.process "p" {\n  stage.template {\n    source   = "x"\n    template = "{{ Sha256 .Value }}"\n  }\n  forward_to = []\n}\n';
    expect(positions(lint(src), 'template-unknown-function')).toEqual(['4:5']);
  });

  it('does not fire on Alloy and sprig functions', () => {
    expect(withRule(lint(replaceWith('{{ .Value | ToLower | sha256sum | trunc 8 }}')), 'template-unknown-function')).toEqual([]);
  });
});
