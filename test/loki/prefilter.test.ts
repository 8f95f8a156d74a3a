import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { buildLogPath } from '../../src/loki/graph.ts';
import { LineSplitter, decodeLine, type RawLine } from '../../src/loki/line-codec.ts';
import { combinedByteScanner, literalScreen } from '../../src/regex/literal-screen.ts';
import { analyseRegex } from '../../src/regex/index.ts';
import { passThroughScreen, screenLineRegions } from '../../src/loki/prefilter.ts';
import { newEntry } from '../../src/loki/types.ts';
import { availableEngines, getDefaultEngine, setDefaultEngine } from '../../src/regex/index.ts';

const SEED_RULES = new URL('../../bench/rules/seed.alloy', import.meta.url);

function load(text: string) {
  return loadConfig(text, 'test.alloy', { env: {} });
}

function screenFor(text: string, id: string) {
  const model = load(text);
  return passThroughScreen(model, id, buildLogPath(model, id).paths);
}

/** Pieces of log lines, including near-misses of the seed's literals and case-folding traps. */
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'password=', 'PASSWD: ', 'pa\u017F\u017Fword=', 'api_\u212Aey=', 'api-key ', 'apikey:', 'api/v1', 'Bearer ', 'bearer:x',
      'token=', 'TOKEN', 'to ken', 'secret', '\u017Fecret:', 'AKIA', 'akia', 'ASIA0123456789ABCDEF', 'postgresql://u:p@h',
      'mysql:/', 'redis://', ' ', '"', "'", '=', ':', '\t', 'é', '😀', '\uDC80', '\uDCFF', '\uFFFD', 'K', 'ſ',
    ),
  },
);
const lineArb = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('').replace(/\n/g, ' '));

describe('passThroughScreen', () => {
  const model = load(readFileSync(SEED_RULES, 'utf8'));
  const runner = buildLogPath(model, 'loki.process.scrub_secrets');
  const screen = passThroughScreen(model, 'loki.process.scrub_secrets', runner.paths)!;

  it('builds a screen for the seed rules', () => {
    expect(screen).not.toBeNull();
  });

  test.prop([lineArb], { numRuns: 3000 })('a line the screen passes through leaves the seed pipeline unchanged', (line) => {
    const bytes = Buffer.from(line, 'utf8');
    // Lone surrogates other than escapes cannot come from bytes: run what the bytes decode to.
    const decoded = decodeLine(bytes);
    if (screen(bytes)) return;
    const out = runner.process(newEntry(decoded, [], 0n));
    expect(out.map((o) => o.entry.line)).toEqual([decoded]);
    expect(out[0]!.entry.unknown).toEqual([]);
  });

  it('lets a LONG S spelling of password through to the rules', () => {
    expect(screen(Buffer.from('pa\u017F\u017Fword=hunter2'))).toBe(true);
  });

  it('skips an access-log line without any rule literal', () => {
    expect(screen(Buffer.from('10.0.0.1 - - "GET /api/v1/users HTTP/1.1" 200'))).toBe(false);
  });

  it('builds none when a stage other than stage.replace is present', () => {
    const cfg = 'loki.process "p" {\n  stage.replace {\n    expression = "(a)"\n  }\n  stage.drop {\n    expression = "x"\n  }\n  forward_to = []\n}\n';
    expect(screenFor(cfg, 'loki.process.p')).toBeNull();
  });

  it('builds none for stage.replace with source', () => {
    const cfg = 'loki.process "p" {\n  stage.replace {\n    expression = "(a)"\n    source = "msg"\n  }\n  forward_to = []\n}\n';
    expect(screenFor(cfg, 'loki.process.p')).toBeNull();
  });

  const NO_LITERAL = 'loki.process "p" {\n  stage.replace {\n    expression = "([0-9]+)"\n  }\n  forward_to = []\n}\n';

  it('builds none when a rule has no required literal and the engine is re2js', () => {
    const before = getDefaultEngine();
    setDefaultEngine('re2js');
    try {
      expect(screenFor(NO_LITERAL, 'loki.process.p')).toBeNull();
    } finally {
      setDefaultEngine(before);
    }
  });

  it.runIf(availableEngines().includes('re2'))('screens a rule without literals with RE2.Set on the native engine, invalid UTF-8 always let through', () => {
    const before = getDefaultEngine();
    setDefaultEngine('re2');
    try {
      const screen = screenFor(NO_LITERAL, 'loki.process.p')!;
      expect([screen(Buffer.from('no digits')), screen(Buffer.from('id 42')), screen(Buffer.from([0x61, 0xff]))]).toEqual([false, true, true]);
    } finally {
      setDefaultEngine(before);
    }
  });

  it('builds none when entries go on to another loki.process', () => {
    const cfg =
      'loki.process "p" {\n  stage.replace {\n    expression = "a(b)"\n  }\n  forward_to = [loki.process.q.receiver]\n}\n' +
      'loki.process "q" {\n  forward_to = []\n}\n';
    expect(screenFor(cfg, 'loki.process.p')).toBeNull();
  });
});

describe('screenLineRegions', () => {
  const screens = ['(?i)secret', 'AKIA'].map((e) => literalScreen(analyseRegex(e).requiredLiterals)!);
  const scan = combinedByteScanner(screens);
  const perLine = (b: Buffer): boolean => screens.some((s) => s.mayMatchBytes(b));
  const cut = (text: string | Buffer): RawLine[] => new LineSplitter().push(Buffer.isBuffer(text) ? text : Buffer.from(text));

  it('marks the lines that hold a literal of some rule', () => {
    expect([...screenLineRegions(cut('plain\nmy SECRET\nplain\nAKIA123\n'), scan, perLine)]).toEqual([0, 1, 0, 1]);
  });

  it('finds every literal of a line with several literals and goes on to the next line', () => {
    expect([...screenLineRegions(cut('secret secret AKIA\nsecret\nx\n'), scan, perLine)]).toEqual([1, 1, 0]);
  });

  it('gives a literal to the line it starts in when lines end in CRLF', () => {
    expect([...screenLineRegions(cut('a\r\nsecret\r\nb\r\n'), scan, perLine)]).toEqual([0, 1, 0]);
  });

  it('marks a line that is not a plain line (over the length limit) as one that may change', () => {
    const lines: RawLine[] = [{ kind: 'line', lineNo: 1, bytes: Buffer.from('x') }, { kind: 'too-long', lineNo: 2, byteLength: 99 }];
    expect([...screenLineRegions(lines, scan, perLine)]).toEqual([0, 1]);
  });

  it('tests lines from different memory one by one', () => {
    const lines: RawLine[] = [
      { kind: 'line', lineNo: 1, bytes: Buffer.from('secret') },
      { kind: 'line', lineNo: 2, bytes: Buffer.from('plain') },
    ];
    expect([...screenLineRegions(lines, scan, perLine)]).toEqual([1, 0]);
  });

  const bytePiece = fc.oneof(
    fc.constantFrom('secret', 'SECRET', '\u017Fecret', 'AKIA', 'AKI', 'ecret', '\n', '\r\n', '\r', ' ', 'x').map((s) => Buffer.from(s)),
    fc.uint8Array({ minLength: 1, maxLength: 3 }).map((a) => Buffer.from(a)),
  );
  test.prop([fc.array(bytePiece, { maxLength: 60 })], { numRuns: 2000 })('marks at least the lines the per-line screen marks', (pieces) => {
    const lines = cut(Buffer.concat(pieces));
    const flags = screenLineRegions(lines, scan, perLine);
    lines.forEach((l, i) => {
      if (l.kind === 'line' && perLine(l.bytes)) expect(flags[i]).toBe(1);
    });
  });
});
