// Builds loki.secretfilter components and runs lines through the simulation.

import type { Component } from '../../../src/config/model.ts';
import type { AlloyValue } from '../../../src/config/value.ts';
import { compileSecretFilter, type SecretFilterOptions } from '../../../src/loki/secretfilter/index.ts';
import { newEntry, type LogEntry } from '../../../src/loki/types.ts';
import { block, type Attr } from '../helpers.ts';

const receiver: AlloyValue = { kind: 'capsule', type: 'loki.LogsReceiver', componentId: 'loki.write.out', exportName: 'receiver' };

export function secretFilter(attrs: Record<string, Attr> = {}, label = 'test'): Component {
  const b = block('loki.secretfilter', { forward_to: [receiver], ...attrs });
  return { ...b, id: `loki.secretfilter.${label}`, componentName: 'loki.secretfilter', label };
}

/** A readFile over an in-memory set of files. */
export function files(map: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = map[path];
    if (text === undefined) throw Object.assign(new Error(`open ${path}: no such file or directory`), { code: 'ENOENT' });
    return text;
  };
}

/** Runs one line through a secretfilter built from attrs; returns the forwarded entry. */
export function filterLine(line: string, attrs: Record<string, Attr> = {}, opts: SecretFilterOptions = {}, labels: Record<string, string> = {}): LogEntry {
  const out = compileSecretFilter(secretFilter(attrs), opts).process(newEntry(line, Object.entries(labels)));
  if (out.length !== 1 || out[0]!.kind !== 'forward') throw new Error(`expected one forwarded entry, got ${JSON.stringify(out.map((o) => o.kind))}`);
  return out[0]!.entry;
}

/** A user gitleaks config (no useDefault) with the given TOML, loaded from /cfg/gitleaks.toml. */
export function withToml(toml: string, attrs: Record<string, Attr> = {}): [Record<string, Attr>, SecretFilterOptions] {
  return [{ gitleaks_config: '/cfg/gitleaks.toml', ...attrs }, { readFile: files({ '/cfg/gitleaks.toml': toml }) }];
}

/**
 * A user gitleaks config of two rules: one with a keyword, and one without keywords whose regex
 * has a required literal (`secret_`).
 */
export const USER_RULES_TOML = `
[[rules]]
id = "vendor-key"
regex = '''vk_[0-9a-z]{16}'''
keywords = ["vk_"]
[[rules]]
id = "internal-secret"
regex = '''secret_[0-9a-f]{8}'''
`;
