import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { rulesOf } from '../../src/relabel/component-rules.ts';

function refusal(body: string, kind = 'prometheus.relabel'): string {
  const model = loadConfig(`${kind} "x" {\n  forward_to = []\n${body}\n}\n`, 'args.alloy');
  try {
    rulesOf(model.components.get(`${kind}.x`)!);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('relabel component arguments', () => {
  it('accepts the defaults', () => {
    expect(refusal('')).toBe('accepted');
  });

  it('refuses max_cache_size = 0 without cache_ttl', () => {
    expect(refusal('  max_cache_size = 0')).toBe('one of max_cache_size or cache_ttl must be set');
  });

  it('refuses cache_ttl together with the default max_cache_size', () => {
    expect(refusal('  cache_ttl = "10m"')).toMatch(/^max_cache_size and cache_ttl are mutually exclusive/);
  });

  it('refuses a cache_ttl under a minute, printing it as Go does', () => {
    expect(refusal('  max_cache_size = 0\n  cache_ttl = "1.5s"')).toBe('cache_ttl must be at least 1m0s when set; got 1.5s');
  });

  it('accepts cache_ttl with max_cache_size = 0', () => {
    expect(refusal('  max_cache_size = 0\n  cache_ttl = "1h30m"')).toBe('accepted');
  });

  it('refuses a loki.relabel cache of size 0', () => {
    expect(refusal('  max_cache_size = 0', 'loki.relabel')).toBe('must provide a positive size');
  });
});
