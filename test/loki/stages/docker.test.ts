import { describe, expect, test } from 'vitest';
import { runOne, stage } from '../helpers.ts';

describe('stage.docker', () => {
  test('a json-file line becomes its log with stream label and timestamp', () => {
    const e = runOne([stage('docker')], '{"log":"started\\n","stream":"stderr","time":"2024-01-02T03:04:05.5Z"}');
    expect(e.line).toBe('started\n');
    expect(e.labels.get('stream')).toBe('stderr');
    expect(e.extracted.get('output')).toBe('started\n');
    expect(e.timestampNs).toBe(1704164645500000000n);
  });

  test('keys match case-insensitively like encoding/json', () => {
    expect(runOne([stage('docker')], '{"LOG":"x","Stream":"stdout"}').line).toBe('x');
  });

  test('an empty log leaves the entry alone', () => {
    expect(runOne([stage('docker')], '{"log":"","stream":"stdout"}').line).toBe('{"log":"","stream":"stdout"}');
  });

  test('a non-JSON line passes untouched', () => {
    expect(runOne([stage('docker')], 'plain').labels.has('stream')).toBe(false);
  });
});

describe('stage.docker field matching', () => {
  test('a long s folds to s as in encoding/json', () => {
    expect(runOne([stage('docker')], '{"\u017Ftream":"stderr","log":"y"}').labels.get('stream')).toBe('stderr');
  });
});
