import { describe, expect, it } from 'vitest';
import { lint, positions, withRule } from './helpers.ts';

const pipeline = (stages: string) => `loki.process "p" {\n${stages}\n  forward_to = []\n}\n`;

describe('source-not-extracted', () => {
  it('fires when no earlier stage extracts the source, at the source attribute', () => {
    const src = pipeline('  stage.replace {\n    source     = "msg"\n    expression = `(\\d+)`\n  }');
    expect(positions(lint(src), 'source-not-extracted')).toEqual(['3:5']);
  });

  it('fires when the key is only extracted by a later stage', () => {
    const src = pipeline('  stage.output {\n    source = "msg"\n  }\n  stage.json {\n    expressions = { msg = "" }\n  }');
    expect(positions(lint(src), 'source-not-extracted')).toEqual(['3:5']);
  });

  it('does not fire after stage.json extracts the key', () => {
    const src = pipeline('  stage.json {\n    expressions = { msg = "" }\n  }\n  stage.output {\n    source = "msg"\n  }');
    expect(withRule(lint(src), 'source-not-extracted')).toEqual([]);
  });

  it('does not fire after a regex named group extracts the key', () => {
    const src = pipeline('  stage.regex {\n    expression = `msg=(?P<msg>.*)`\n  }\n  stage.luhn {\n    source = "msg"\n  }');
    expect(withRule(lint(src), 'source-not-extracted')).toEqual([]);
  });

  it('does not fire for a key matching stage.logfmt\'s regex', () => {
    const src = pipeline('  stage.logfmt {\n    regex = "^msg"\n  }\n  stage.output {\n    source = "msg_text"\n  }');
    expect(withRule(lint(src), 'source-not-extracted')).toEqual([]);
  });

  it('does not fire for a label the configuration sets on entries', () => {
    const src = `loki.relabel "r" {\n  forward_to = []\n  rule {\n    source_labels = ["__journal__systemd_unit"]\n    target_label  = "unit"\n  }\n}\n` + pipeline('  stage.replace {\n    source     = "unit"\n    expression = "(cron)"\n  }');
    expect(withRule(lint(src), 'source-not-extracted')).toEqual([]);
  });

  it('fires with the same setup when the label is not the one read', () => {
    const src = `loki.relabel "r" {\n  forward_to = []\n  rule {\n    source_labels = ["__journal__systemd_unit"]\n    target_label  = "unit"\n  }\n}\n` + pipeline('  stage.replace {\n    source     = "service"\n    expression = "(cron)"\n  }');
    expect(withRule(lint(src), 'source-not-extracted').length).toBe(1);
  });

  it('does not fire after a stage it cannot read (it may extract anything)', () => {
    const src = pipeline('  stage.pattern {\n    pattern = "<msg>"\n  }\n  stage.output {\n    source = "msg"\n  }');
    expect(withRule(lint(src), 'source-not-extracted')).toEqual([]);
  });
});
