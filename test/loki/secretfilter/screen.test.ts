// The pass-through screen of a run starting at loki.secretfilter: a line it lets by (false) must
// come out of the simulation unchanged and unmarked; where no line can be proven so, there is
// no screen. And the screens inside the simulation (keyword automaton, credential screen) must
// not change any entry: the simulation with stage prefilters on and off gives the same result.

import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Component } from '../../../src/config/model.ts';
import { DETECTORS } from '../../../src/detect/index.ts';
import { decodeLine } from '../../../src/loki/line-codec.ts';
import { DEFAULT_RULES } from '../../../src/loki/secretfilter/default-rules.ts';
import { compileSecretFilter, type SecretFilterOptions } from '../../../src/loki/secretfilter/index.ts';
import { secretFilterPassThrough } from '../../../src/loki/secretfilter/screen.ts';
import { setStagePrefilters } from '../../../src/loki/stages/prefilter-switch.ts';
import { newEntry, type LogEntry } from '../../../src/loki/types.ts';
import { availableEngines, getDefaultEngine, setDefaultEngine } from '../../../src/regex/index.ts';
import { corpusSample } from '../../../bench/corpus.ts';
import { secretFilter, withToml, USER_RULES_TOML } from './helpers.ts';
import { lineFor, SAMPLES } from './samples.ts';
import type { Attr } from '../helpers.ts';

function compiled(attrs: Record<string, Attr> = {}, opts: SecretFilterOptions = {}, prefilters = true) {
  const component = secretFilter(attrs);
  const restore = setStagePrefilters(prefilters);
  try {
    const sim = compileSecretFilter(component, opts);
    return { component, sim, screen: secretFilterPassThrough(component) };
  } finally {
    restore();
  }
}

function forwarded(sim: ReturnType<typeof compiled>['sim'], line: string): LogEntry {
  const [out] = sim.process(newEntry(line, [], 0n));
  if (out?.kind !== 'forward') throw new Error('not forwarded');
  return out.entry;
}

const KEYWORDS = [...new Set(DEFAULT_RULES().flatMap((r) => r.keywords))];
const CREDENTIAL_TEXTS = DETECTORS.filter((d) => d.kind === 'credential').flatMap((d) => [...d.examples, ...d.nearMisses]);
const CORPUS = corpusSample(400, { seed: 3, secretRate: 0.2 }).map((l) => l.line);
const RULE_LINES = Object.entries(SAMPLES).map(([id, s]) => lineFor(id, s));

/** Text pieces: keywords in case variants and with the runes that lower onto i and k. */
const textPiece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYWORDS).chain((k) => fc.constantFrom(k, k.toUpperCase(), k.replace(/i/g, '\u0130'), k.replace(/k/g, '\u212A'), k.slice(1))) },
  { weight: 2, arbitrary: fc.constantFrom(...CREDENTIAL_TEXTS, ...RULE_LINES) },
  { weight: 2, arbitrary: fc.constantFrom(...CORPUS) },
  { weight: 2, arbitrary: fc.constantFrom('\u0130', '\u212A', '\u017F', 'é', '€', '\udc80', '\udcff', 'secret_0a1b2c3d', ' -p', '://', 'value') },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
);
/** Raw line bytes (no line end), invalid UTF-8 included. */
const lineBytes = fc
  .array(fc.oneof({ weight: 6, arbitrary: textPiece.map((s) => Buffer.from(s, 'utf8')) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 3 }).map((a) => Buffer.from(a)) }), { maxLength: 5 })
  .map((ps) => Buffer.from(Buffer.concat(ps).filter((b) => b !== 0x0a && b !== 0x0d)));

/** The screen's promise: a line it lets by comes out unchanged, with no unknown mark. */
function expectUntouchedWhenPassed(c: ReturnType<typeof compiled>, bytes: Buffer): void {
  if (c.screen!(bytes)) return;
  const line = decodeLine(bytes);
  const e = forwarded(c.sim, line);
  expect(e.line).toBe(line);
  expect(e.unknown).toEqual([]);
}

// A rule without keywords whose regex has no required literal: only an RE2.Set can screen it.
const NO_LITERAL_RULES = `
[[rules]]
id = "hex32"
regex = '''\\b[0-9a-f]{32}\\b'''
`;

describe('pass-through screen of loki.secretfilter', () => {
  describe('with the project’s default set', () => {
    const c = compiled();

    test.prop([lineBytes], { numRuns: 3000 })('lets by only lines the simulation forwards unchanged and unmarked', (bytes) => {
      expectUntouchedWhenPassed(c, bytes);
    });

    it('lets by a line without keywords or credentials', () => {
      expect(c.screen!(Buffer.from('level=info msg="request served" path=/api/v1/users status=200'))).toBe(false);
    });

    it('stops a line a rule redacts', () => {
      const line = 'mail via key-0123456789abcdef0123456789abcdef done';
      expect(forwarded(c.sim, line).line).not.toBe(line);
      expect(c.screen!(Buffer.from(line))).toBe(true);
    });

    it('stops a line a rule redacts where the keyword is spelled with the Kelvin sign', () => {
      const line = 'api_\u212Aey=Zx81Qp0LmN4vB7cTq';
      expect(forwarded(c.sim, line).line).not.toBe(line);
      expect(c.screen!(Buffer.from(line, 'utf8'))).toBe(true);
    });

    it.runIf(availableEngines().includes('re2'))('lets by a line where a rule runs but no rule’s regex matches (native engine)', () => {
      expect(c.screen!(Buffer.from('10.1.2.3 - - "GET / HTTP/1.1" 200 512 "-" "curl/8.4.0"'))).toBe(false);
    });

    it('stops a line with a credential no rule matches (marked unknown by the simulation)', () => {
      const line = 'connecting to postgresql://admin:Sup3rS3cret@db:5432/prod';
      expect(forwarded(c.sim, line).unknown).not.toEqual([]);
      expect(c.screen!(Buffer.from(line))).toBe(true);
    });
  });

  describe('on the re2js engine (no RE2.Set to ask)', () => {
    const c = (() => {
      const before = getDefaultEngine();
      setDefaultEngine('re2js');
      try {
        return compiled();
      } finally {
        setDefaultEngine(before);
      }
    })();

    test.prop([lineBytes], { numRuns: 1000 })('lets by only lines the simulation forwards unchanged and unmarked', (bytes) => {
      expectUntouchedWhenPassed(c, bytes);
    });

    it('stops every line where a rule runs', () => {
      expect(c.screen!(Buffer.from('user agent curl/8.4.0'))).toBe(true);
    });
  });

  describe('with the user’s own rules', () => {
    const c = compiled(...withToml(USER_RULES_TOML));

    test.prop([lineBytes], { numRuns: 2000 })('lets by only lines the simulation forwards unchanged', (bytes) => {
      expectUntouchedWhenPassed(c, bytes);
    });

    it('screens a rule without keywords by its regex’s required literal', () => {
      expect(c.screen!(Buffer.from('token=eyJhbGciOi password=x'))).toBe(false);
      expect(c.screen!(Buffer.from('found secret_0a1b2c3d'))).toBe(true);
    });
  });

  describe.runIf(availableEngines().includes('re2'))('with a rule without keywords or literals, on the native engine', () => {
    const c = compiled(...withToml(NO_LITERAL_RULES));
    const hexLines = fc.tuple(lineBytes, fc.stringMatching(/^[0-9a-f]{30,34}$/)).map(([b, h]) => Buffer.concat([b, Buffer.from(` ${h} `)]));

    test.prop([fc.oneof(lineBytes, hexLines)], { numRuns: 1000 })('lets by only lines the simulation forwards unchanged', (bytes) => {
      expectUntouchedWhenPassed(c, bytes);
    });

    it('asks the regexes about lines that are not valid UTF-8', () => {
      expect(c.screen!(Buffer.from([0x61, 0xff]))).toBe(true);
    });
  });

  it('lets every line by when rate = 0 (nothing is scanned)', () => {
    const c = compiled({ rate: 0 });
    const line = 'password=' + SAMPLES['github-pat'];
    expect(c.screen!(Buffer.from(line))).toBe(false);
    expect(forwarded(c.sim, line)).toMatchObject({ line, unknown: [] });
  });

  it('is not offered when only a fraction of entries is scanned (every entry is marked)', () => {
    expect(compiled({ rate: 0.5 }).screen).toBeNull();
  });

  it('is not offered when gitleaks_config could not be read', () => {
    expect(compiled({ gitleaks_config: '/cfg/gitleaks.toml' }).screen).toBeNull();
  });

  it('is not offered when the config changes embedded rules the project’s set lacks', () => {
    expect(compiled(...withToml('[extend]\nuseDefault = true\n[[rules]]\nid = "not-in-our-set"\nkeywords = ["x"]\n')).screen).toBeNull();
  });

  it('is not offered when a path-only rule reports on every line', () => {
    expect(compiled(...withToml(`[[rules]]\nid = "any-file"\npath = '''.*'''\n`)).screen).toBeNull();
  });

  it('leaves out a rule whose path never matches a log line', () => {
    const c = compiled(...withToml(`[[rules]]\nid = "env-file"\npath = '''\\.env$'''\nregex = '''.'''\n`));
    expect(c.screen!(Buffer.from('anything at all'))).toBe(false);
    expect(forwarded(c.sim, 'anything at all').line).toBe('anything at all');
  });

  it('is not offered with the stage prefilters off', () => {
    expect(compiled({}, {}, false).screen).toBeNull();
  });

  it('is not offered for a component this process has not compiled', () => {
    const component: Component = secretFilter({}, 'never-compiled');
    expect(secretFilterPassThrough(component)).toBeNull();
  });
});

describe('loki.secretfilter with and without its screens', () => {
  const lines = fc.oneof(lineBytes.map(decodeLine), fc.string({ maxLength: 60 }));
  const outcome = (sim: ReturnType<typeof compiled>['sim'], line: string) => {
    const e = forwarded(sim, line);
    return { line: e.line, unknown: e.unknown.map((m) => m.message) };
  };

  for (const [name, attrs, opts] of [
    ['the default set', { redact_with: '<$SECRET_NAME>' }, {}],
    ['the default set, partial redaction', { redact_percent: 60 }, {}],
    ['user rules', ...withToml(USER_RULES_TOML)],
    ['user rules extending the default set', ...withToml('[extend]\nuseDefault = true\n' + USER_RULES_TOML)],
  ] as [string, Record<string, Attr>, SecretFilterOptions][]) {
    const fast = compiled(attrs, opts, true).sim;
    const plain = compiled(attrs, opts, false).sim;
    test.prop([lines], { numRuns: 1500 })(`gives the same entries for ${name}`, (line) => {
      expect(outcome(fast, line)).toEqual(outcome(plain, line));
    });
  }
});
