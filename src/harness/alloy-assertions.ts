// Alloy's declarative pipeline-test assertions (`count` and `contains`) over the entries that
// reached a sink, with the same matching rules: exact or partial label/metadata maps, exact line,
// exact timestamp.
import type { LogEntry } from '../loki/types.ts';
import type { AlloyAssertion, AlloyEntryMatch, Failure, MapMatch } from './types.ts';

export function checkAlloyAssertions(assertions: AlloyAssertion[], entries: LogEntry[]): Failure[] {
  const failures: Failure[] = [];
  for (const a of assertions) {
    const conditions = describeMatch(a.match);
    const matching = entries.filter((e) => entryMatches(e, a.match)).length;
    if (a.type === 'count' && matching !== a.count) {
      failures.push({
        kind: 'loki.count',
        message: `want ${a.count}, got ${matching}${conditions ? ` for ${conditions}` : ''}`,
        expected: String(a.count),
        actual: String(matching),
      });
    }
    if (a.type === 'contains' && matching === 0) {
      failures.push({
        kind: 'loki.contains',
        message: `no matching entry found${conditions ? ` for ${conditions}` : ''}`,
        actual: entries.map((e) => e.line).join('\n'),
      });
    }
  }
  return failures;
}

export function entryMatches(e: LogEntry, m: AlloyEntryMatch): boolean {
  if (m.line !== undefined && e.line !== m.line) return false;
  if (m.timestampNs !== undefined && e.timestampNs !== m.timestampNs) return false;
  if (m.labels && m.labels.values.size > 0 && !mapMatches(e.labels, m.labels)) return false;
  if (m.structuredMetadata && m.structuredMetadata.values.size > 0 && !mapMatches(e.structuredMetadata, m.structuredMetadata)) return false;
  return true;
}

function mapMatches(actual: Map<string, string>, want: MapMatch): boolean {
  for (const [k, v] of want.values) if (actual.get(k) !== v) return false;
  return want.mode === 'partial' || actual.size === want.values.size;
}

function describeMatch(m: AlloyEntryMatch): string {
  const parts: string[] = [];
  if (m.labels && m.labels.values.size > 0) parts.push(`labels ${describeMap(m.labels)}`);
  if (m.line !== undefined) parts.push(`line ${JSON.stringify(m.line)}`);
  if (m.timestampNs !== undefined) parts.push(`timestamp ${m.timestampNs}ns`);
  if (m.structuredMetadata && m.structuredMetadata.values.size > 0) parts.push(`structured_metadata ${describeMap(m.structuredMetadata)}`);
  return parts.join(', ');
}

function describeMap(m: MapMatch): string {
  const body = [...m.values].map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
  return `${m.mode === 'partial' ? 'containing ' : ''}{${body}}`;
}
