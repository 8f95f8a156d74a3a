import { describe, expect, it } from 'vitest';
import { lint, positions, relabel, withRule } from './helpers.ts';

const relabelWith = (rules: string, component = 'prometheus.relabel') =>
  `${component} "r" {\n  forward_to = [prometheus.remote_write.out.receiver]\n${rules}\n}\nprometheus.remote_write "out" {\n  endpoint {\n    url = "https://mimir.example.com/api/v1/push"\n  }\n}\n`;

const constantHash = relabelWith('  rule {\n    source_labels = ["client_ip"]\n    target_label  = "client_ip_hashed"\n    replacement   = "hashed"\n  }');

describe('relabel-constant-replacement', () => {
  it('fires on a constant replacement fed from source_labels, at the replacement', () => {
    expect(positions(lint(constantHash), 'relabel-constant-replacement')).toEqual(['6:5']);
  });

  it('is true of Alloy: different IPs get the same value, and a series without client_ip gets it too', () => {
    const a = relabel(constantHash, 'prometheus.relabel.r', { __name__: 'up', client_ip: '10.0.0.1' });
    const b = relabel(constantHash, 'prometheus.relabel.r', { __name__: 'up', client_ip: '10.0.0.2' });
    const c = relabel(constantHash, 'prometheus.relabel.r', { __name__: 'up' });
    expect([a!['client_ip_hashed'], b!['client_ip_hashed'], c!['client_ip_hashed']]).toEqual(['hashed', 'hashed', 'hashed']);
  });

  it('does not fire when the replacement refers to the captured value', () => {
    const src = relabelWith('  rule {\n    source_labels = ["client_ip"]\n    regex         = `(\\d+\\.\\d+\\.\\d+)\\.\\d+`\n    target_label  = "client_subnet"\n    replacement   = "${1}.0/24"\n  }');
    expect(withRule(lint(src), 'relabel-constant-replacement')).toEqual([]);
  });

  it('fires on a conditional constant written to a label named as a hash', () => {
    const src = relabelWith('  rule {\n    source_labels = ["user_id"]\n    regex         = ".+"\n    target_label  = "user_hash"\n    replacement   = "anon"\n  }');
    expect(withRule(lint(src), 'relabel-constant-replacement').map((f) => f.message.includes('correlates nothing'))).toEqual([true]);
  });

  it('does not fire on a conditional constant (a regex that selects values)', () => {
    const src = relabelWith('  rule {\n    source_labels = ["__meta_tls"]\n    regex         = "true"\n    target_label  = "__scheme__"\n    replacement   = "https"\n  }');
    expect(withRule(lint(src), 'relabel-constant-replacement')).toEqual([]);
  });
});

describe('relabel-regex-matches-no-label', () => {
  const src = relabelWith('  rule {\n    action = "labeldrop"\n    regex  = "user_id, email"\n  }');

  it('fires on a labeldrop regex that needs a character label names never have', () => {
    expect(positions(lint(src), 'relabel-regex-matches-no-label')).toEqual(['5:5']);
  });

  it('is true of Alloy: user_id and email are forwarded', () => {
    expect(relabel(src, 'prometheus.relabel.r', { __name__: 'up', user_id: '42', email: 'a@b.c' })).toEqual({ __name__: 'up', user_id: '42', email: 'a@b.c' });
  });

  it('does not fire on a dotted UTF-8 label name', () => {
    expect(withRule(lint(relabelWith('  rule {\n    action = "labeldrop"\n    regex  = "k8s\\\\.pod\\\\.uid"\n  }')), 'relabel-regex-matches-no-label')).toEqual([]);
  });

  it('does not fire on an alternation of label names', () => {
    expect(withRule(lint(relabelWith('  rule {\n    action = "labeldrop"\n    regex  = "user_id|email"\n  }')), 'relabel-regex-matches-no-label')).toEqual([]);
  });
});

describe('relabel-hashmod-as-identifier', () => {
  const src = relabelWith('  rule {\n    source_labels = ["user_id"]\n    action        = "hashmod"\n    modulus       = 1000\n    target_label  = "user_bucket"\n  }');

  it('fires when the hashmod label is kept, at target_label', () => {
    expect(positions(lint(src), 'relabel-hashmod-as-identifier')).toEqual(['7:5']);
  });

  it('does not fire when the label is used to shard with keep', () => {
    const shard = relabelWith('  rule {\n    source_labels = ["user_id"]\n    action        = "hashmod"\n    modulus       = 4\n    target_label  = "shard"\n  }\n  rule {\n    source_labels = ["shard"]\n    regex         = "1"\n    action        = "keep"\n  }');
    expect(withRule(lint(shard), 'relabel-hashmod-as-identifier')).toEqual([]);
  });

  it('does not fire when a downstream component drops the label', () => {
    const src = 'prometheus.relabel "a" {\n  forward_to = [prometheus.relabel.b.receiver]\n  rule {\n    source_labels = ["user_id"]\n    action        = "hashmod"\n    modulus       = 4\n    target_label  = "shard"\n  }\n}\nprometheus.relabel "b" {\n  forward_to = []\n  rule {\n    action = "labeldrop"\n    regex  = "shard"\n  }\n}\n';
    expect(withRule(lint(src), 'relabel-hashmod-as-identifier')).toEqual([]);
  });

  it('does not fire when the label is dropped later', () => {
    const dropped = relabelWith('  rule {\n    source_labels = ["user_id"]\n    action        = "hashmod"\n    modulus       = 4\n    target_label  = "shard"\n  }\n  rule {\n    action = "labeldrop"\n    regex  = "shard"\n  }');
    expect(withRule(lint(dropped), 'relabel-hashmod-as-identifier')).toEqual([]);
  });
});

describe('rule-shadowed', () => {
  const src = relabelWith('  rule {\n    action = "labeldrop"\n    regex  = "email"\n  }\n  rule {\n    action = "labeldrop"\n    regex  = "email"\n  }');

  it('fires on a repeated labeldrop, at the second rule', () => {
    expect(positions(lint(src), 'rule-shadowed')).toEqual(['7:3']);
  });

  it('fires on a labeldrop whose names an earlier labeldrop already removes', () => {
    const covered = relabelWith('  rule {\n    action = "labeldrop"\n    regex  = "user_id|email"\n  }\n  rule {\n    action = "labeldrop"\n    regex  = "email"\n  }');
    expect(positions(lint(covered), 'rule-shadowed')).toEqual(['7:3']);
  });

  it('does not fire on a labeldrop that names a label the earlier one keeps', () => {
    const partly = relabelWith('  rule {\n    action = "labeldrop"\n    regex  = "user_id|email"\n  }\n  rule {\n    action = "labeldrop"\n    regex  = "email|phone"\n  }');
    expect(withRule(lint(partly), 'rule-shadowed')).toEqual([]);
  });

  it('does not fire when a rule in between can recreate the label', () => {
    const recreated = relabelWith('  rule {\n    action = "labeldrop"\n    regex  = "email"\n  }\n  rule {\n    source_labels = ["mail"]\n    target_label  = "email"\n  }\n  rule {\n    action = "labeldrop"\n    regex  = "email"\n  }');
    expect(withRule(lint(recreated), 'rule-shadowed')).toEqual([]);
  });
});

describe('relabel-rule-rejected', () => {
  it('fires on a rule Alloy refuses, with Alloy\'s message', () => {
    const f = withRule(lint(relabelWith('  rule {\n    action = "replace"\n    regex  = "x"\n  }')), 'relabel-rule-rejected');
    expect(f.map((x) => [x.range.start.line, x.message.includes("requires 'target_label' value")])).toEqual([[3, true]]);
  });

  it('does not fire on a valid rule', () => {
    expect(withRule(lint(relabelWith('  rule {\n    action        = "replace"\n    source_labels = ["a"]\n    target_label  = "b"\n  }')), 'relabel-rule-rejected')).toEqual([]);
  });
});
