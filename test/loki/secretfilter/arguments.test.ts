// loki.secretfilter arguments: decoding, defaults and Alloy's validation messages.

import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/errors.ts';
import { compileSecretFilter } from '../../../src/loki/secretfilter/index.ts';
import { decodeArgs } from '../../../src/loki/secretfilter/args.ts';
import { block } from '../helpers.ts';
import { filterLine, secretFilter } from './helpers.ts';

const TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

describe('loki.secretfilter arguments', () => {
  it('defaults to rate 1, 80% redaction, no redact_with and the default rules', () => {
    const args = decodeArgs(secretFilter());
    expect(args).toMatchObject({ rate: 1, redactPercent: 80, redactWith: '', gitleaksConfig: '', processingTimeoutNs: 0n, dropOnTimeout: false });
  });

  it('rejects a rate above 1 with Alloy’s message', () => {
    expect(() => compileSecretFilter(secretFilter({ rate: 1.1 }))).toThrow('secretfilter: rate must be between 0.0 and 1.0, received 1.100000');
  });

  it('rejects a negative rate', () => {
    expect(() => compileSecretFilter(secretFilter({ rate: -0.1 }))).toThrow(ConfigError);
  });

  it('rejects an attribute loki.secretfilter does not have', () => {
    expect(() => compileSecretFilter(secretFilter({ types: ['aws'] }))).toThrow('unrecognized attribute name "types"');
  });

  it('requires forward_to', () => {
    const b = block('loki.secretfilter', {});
    expect(() => compileSecretFilter({ ...b, id: 'loki.secretfilter.x', componentName: 'loki.secretfilter' })).toThrow('missing required attribute "forward_to"');
  });

  it('uses 80% when redact_percent is 0', () => {
    expect(decodeArgs(secretFilter({ redact_percent: 0 })).redactPercent).toBe(80);
  });

  it('uses 80% when redact_percent is above 100', () => {
    expect(decodeArgs(secretFilter({ redact_percent: 150 })).redactPercent).toBe(80);
  });

  it('rejects a negative redact_percent', () => {
    expect(() => decodeArgs(secretFilter({ redact_percent: -5 }))).toThrow(ConfigError);
  });

  it('reads processing_timeout as a Go duration', () => {
    expect(decodeArgs(secretFilter({ processing_timeout: '150ms' })).processingTimeoutNs).toBe(150_000_000n);
  });

  it('accepts origin_label without changing any entry', () => {
    const e = filterLine(`t=${TOKEN}`, { origin_label: 'job', gitleaks_config: '' }, {}, { job: 'api' });
    expect(e.labels.get('job')).toBe('api');
    expect(e.labels.size).toBe(1);
  });
});
