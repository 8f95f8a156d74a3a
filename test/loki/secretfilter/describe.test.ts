// describeSecretFilter: what `alloy-scrub rules` shows about a loki.secretfilter component.

import { describe, expect, it } from 'vitest';
import { compileSecretFilter, describeSecretFilter } from '../../../src/loki/secretfilter/index.ts';
import { newEntry } from '../../../src/loki/types.ts';
import { files, secretFilter } from './helpers.ts';

describe('describeSecretFilter', () => {
  it('labels the rules as the project’s own default set when gitleaks_config is not set', () => {
    const d = describeSecretFilter(secretFilter());
    expect(d.ruleSet).toBe('project-default');
    expect(d.rules.every((r) => r.origin === 'default')).toBe(true);
    expect(d.notes[0]).toContain("alloy-scrub's own set");
  });

  it('labels a user config without useDefault as the user’s rules', () => {
    const d = describeSecretFilter(secretFilter({ gitleaks_config: '/g.toml' }), { readFile: files({ '/g.toml': `[[rules]]\nid = "x"\nregex = '''x\\d'''\n` }) });
    expect(d.ruleSet).toBe('user');
    expect(d.rules.map((r) => [r.id, r.origin])).toEqual([['x', 'user']]);
  });

  it('labels a user config with useDefault as user rules on top of the project’s default set', () => {
    const d = describeSecretFilter(secretFilter({ gitleaks_config: '/g.toml' }), { readFile: files({ '/g.toml': `[extend]\nuseDefault = true\n` }) });
    expect(d.ruleSet).toBe('user+project-default');
  });

  it('describes percentage redaction', () => {
    expect(describeSecretFilter(secretFilter({ redact_percent: 60 })).redaction).toBe(`keep the first 40% of each secret's bytes, then "..."`);
  });

  it('describes redact_with redaction', () => {
    expect(describeSecretFilter(secretFilter({ redact_with: '<$SECRET_NAME>' })).redaction).toContain('"<$SECRET_NAME>"');
  });

  it('says a timed-out entry would be labelled when label_timed_out is set', () => {
    const d = describeSecretFilter(secretFilter({ processing_timeout: '1s', label_timed_out: true }));
    expect(d.notes.join('\n')).toContain('labelled secretfilter="timed-out"');
  });

  it('forwards entries without timing them out or labelling them, whatever processing_timeout says', () => {
    const sim = compileSecretFilter(secretFilter({ processing_timeout: '1ns', drop_on_timeout: true, label_timed_out: true }));
    const [out] = sim.process(newEntry('level=info msg=ok'));
    expect(out).toMatchObject({ kind: 'forward', entry: { line: 'level=info msg=ok' } });
    if (out?.kind === 'forward') expect(out.entry.labels.size).toBe(0);
  });

  it('states the no-timeout assumption when processing_timeout is set', () => {
    const d = describeSecretFilter(secretFilter({ processing_timeout: '100ms', drop_on_timeout: true }));
    expect(d.notes.join('\n')).toContain('assumes no entry times out (a timed-out entry is dropped)');
  });
});
