import { describe, expect, test } from 'vitest';
import { runOne, stage } from '../helpers.ts';

describe('stage.pack', () => {
  test('the line is wrapped with the named values, sorted, _entry last, and those labels removed', () => {
    const e = runOne([stage('pack', { labels: ['pod', 'app'] })], 'a <b> line', { pod: 'p-1', app: 'web', env: 'prod' });
    expect(e.line).toBe('{"app":"web","pod":"p-1","_entry":"a \\u003cb\\u003e line"}');
    expect([...e.labels.keys()]).toEqual(['env']);
  });

  test('ingest_timestamp sets the entry time to the configured now', () => {
    const e = runOne([stage('pack', { labels: [] })], 'x', {}, { nowNs: 42n });
    expect(e.timestampNs).toBe(42n);
  });
});

describe('stage.pack key order', () => {
  test('keys sort by UTF-8 bytes as Go does, not by UTF-16 units', () => {
    // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in Go; in UTF-16 order it is after.
    const e = runOne([stage('pack', { labels: ['\u{1F600}', '\uFF21'] })], 'l', { '\u{1F600}': '1', '\uFF21': '2' });
    expect(e.line).toBe('{"\uFF21":"2","\u{1F600}":"1","_entry":"l"}');
  });
});
