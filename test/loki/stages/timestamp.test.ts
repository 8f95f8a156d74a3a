import { describe, expect, test } from 'vitest';
import { parseWithFormat } from '../../../src/loki/stages/timestamp.ts';
import { compileError, runOne, stage } from '../helpers.ts';

const NOW = 1_717_200_000_000_000_000n; // 2024-06-01T00:00:00Z
const at = (format: string, value: string) => {
  const r = parseWithFormat(format, value, NOW);
  return r.ok ? r.ns : undefined;
};

describe('stage.timestamp', () => {
  test('RFC3339 with offset', () => {
    expect(at('RFC3339', '2024-01-02T03:04:05+01:00')).toBe(1704161045000000000n);
  });

  test('Unix seconds with a fraction', () => {
    expect(at('Unix', '1700000000.25')).toBe(1700000000250000000n);
  });

  test('UnixMs', () => {
    expect(at('UnixMs', '1700000000123')).toBe(1700000000123000000n);
  });

  test('a Go layout with month name and 12-hour clock', () => {
    expect(at('Jan 02 2006 03:04:05 PM', 'Mar 04 2024 01:02:03 PM')).toBe(1709557323000000000n);
  });

  test('a layout without year takes the year of now', () => {
    expect(at('Jan _2 15:04:05', 'Mar  4 13:02:03')).toBe(1709557323000000000n);
  });

  test('a value that does not fit the layout fails', () => {
    expect(at('2006-01-02', '02/01/2024')).toBeUndefined();
  });

  test('the stage sets the entry time from the extracted value', () => {
    const s = [stage('regex', { expression: '^(?P<ts>\\S+)' }), stage('timestamp', { source: 'ts', format: 'RFC3339Nano' })];
    expect(runOne(s, '2024-01-02T03:04:05.000000007Z msg').timestampNs).toBe(1704164645000000007n);
  });

  test('a zone abbreviation other than UTC marks the entry unknown', () => {
    const s = [stage('timestamp', { source: 'ts', format: 'RFC1123' })];
    expect(runOne(s, 'x', { ts: 'Mon, 04 Mar 2024 13:02:03 CET' }).unknown).toHaveLength(1);
  });

  test('an unknown action_on_failure is refused', () => {
    expect(compileError([stage('timestamp', { source: 'ts', format: 'Unix', action_on_failure: 'panic' })])).toBe(
      'invalid stage config invalid action on failure (supported values are [skip fudge])',
    );
  });
});

describe('Go layouts with fractional seconds', () => {
  test('.000 takes exactly three digits', () => {
    expect(at('2006-01-02 15:04:05.000', '2024-03-04 13:02:03.123')).toBe(1709557323123000000n);
    expect(at('2006-01-02 15:04:05.000', '2024-03-04 13:02:03.12')).toBeUndefined();
  });

  test('.999 makes the fraction optional', () => {
    expect(at('2006-01-02T15:04:05.999Z07:00', '2024-03-04T13:02:03Z')).toBe(1709557323000000000n);
  });

  test('a fraction the layout does not mention is still read after seconds', () => {
    expect(at('2006-01-02 15:04:05', '2024-03-04 13:02:03.5')).toBe(1709557323500000000n);
  });
});

describe('timestamp location', () => {
  // Expected instants are what Go's time.ParseInLocation gave for the same inputs.
  test('a wall time is read in the location', () => {
    expect(parseWithFormat('2006-01-02 15:04:05', '2024-07-15 12:00:00', NOW, 'Europe/Berlin')).toEqual({ ok: true, ns: 1721037600000000000n });
  });

  test('a time in a DST gap resolves as Go resolves it', () => {
    expect(parseWithFormat('2006-01-02 15:04:05', '2024-03-31 02:30:00', NOW, 'Europe/Berlin')).toEqual({ ok: true, ns: 1711848600000000000n });
  });

  test('an explicit offset in the value wins over the location', () => {
    expect(parseWithFormat('2006-01-02T15:04:05Z07:00', '2024-07-15T12:00:00Z', NOW, 'Asia/Tokyo')).toEqual({ ok: true, ns: 1721044800000000000n });
  });

  test('location Local marks the entry unknown', () => {
    const s = [stage('timestamp', { source: 'ts', format: '2006-01-02 15:04:05', location: 'Local' })];
    expect(runOne(s, 'x', { ts: '2024-07-15 12:00:00' }).unknown).toHaveLength(1);
  });

  test('an unknown zone name is refused', () => {
    expect(compileError([stage('timestamp', { source: 'ts', format: 'Unix', location: 'Mars/Olympus' })])).toBe(
      'invalid stage config invalid location specified: %v: unknown time zone Mars/Olympus',
    );
  });
});
