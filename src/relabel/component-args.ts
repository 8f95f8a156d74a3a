// The component-level arguments Alloy checks before a relabel component runs at all: the cache
// settings of prometheus.relabel (its Arguments.Validate) and loki.relabel (an LRU cache that must
// have a positive size). A configuration failing these is never loaded, so its rules never run.
import type { Component } from '../config/model.ts';
import { ConfigError } from '../config/errors.ts';
import { isUnknown, type AlloyValue } from '../config/value.ts';
import { formatGoDuration, parseGoDuration } from './go-duration.ts';

const MIN_CACHE_TTL = 60_000_000_000n;

export function checkRelabelArguments(component: Component): void {
  switch (component.componentName) {
    case 'prometheus.relabel':
      return checkPrometheusRelabel(component);
    case 'loki.relabel':
      return checkLokiRelabel(component);
  }
}

function intArg(component: Component, name: string, dflt: number): number | undefined {
  const a = component.attributes.get(name);
  if (!a) return dflt;
  const v: AlloyValue = a.value;
  if (isUnknown(v)) return undefined;
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d{1,15}$/.test(v)) return Number(v);
  throw new ConfigError(`${name} should be number, got ${v === null ? 'null' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : typeof v}`, component.file, a.range);
}

function checkPrometheusRelabel(component: Component): void {
  const size = intArg(component, 'max_cache_size', 100_000);
  const ttlAttr = component.attributes.get('cache_ttl');
  let ttl = 0n;
  if (ttlAttr) {
    const v = ttlAttr.value;
    if (isUnknown(v)) return;
    if (typeof v !== 'string') throw new ConfigError(`cache_ttl should be string, got ${typeof v === 'number' ? 'number' : 'value'}`, component.file, ttlAttr.range);
    const parsed = parseGoDuration(v);
    if (parsed === undefined) throw new ConfigError(`time: invalid duration ${JSON.stringify(v)}`, component.file, ttlAttr.range);
    ttl = parsed;
  }
  if (size === undefined) return;
  const fail = (m: string) => {
    throw new ConfigError(m, component.file, component.range);
  };
  if (size < 0) fail(`max_cache_size must be >= 0; got ${size}`);
  if (ttl < 0n) fail(`cache_ttl must be >= 0; got ${formatGoDuration(ttl)}`);
  if (size > 0 && ttl > 0n) {
    fail('max_cache_size and cache_ttl are mutually exclusive: set max_cache_size = 0 to use cache_ttl, or unset cache_ttl to keep the bounded LRU cache');
  }
  if (size === 0 && ttl === 0n) fail('one of max_cache_size or cache_ttl must be set');
  if (ttl > 0n && ttl < MIN_CACHE_TTL) fail(`cache_ttl must be at least 1m0s when set; got ${formatGoDuration(ttl)}`);
}

function checkLokiRelabel(component: Component): void {
  const size = intArg(component, 'max_cache_size', 10_000);
  if (size !== undefined && size <= 0) throw new ConfigError('must provide a positive size', component.file, component.range);
}
