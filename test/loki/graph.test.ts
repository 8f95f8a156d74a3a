import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { ConfigError } from '../../src/config/errors.ts';
import { object, unknown } from '../../src/config/value.ts';
import { buildLogPath, chooseStartComponent, validateLogComponents } from '../../src/loki/graph.ts';
import { newEntry } from '../../src/loki/types.ts';
import { FAKE_COMPILERS, block, comp, model, receiver } from './graph-fixtures.ts';

const opts = { compilers: FAKE_COMPILERS };

function run(m: ReturnType<typeof model>, start: string, lines: string[]) {
  const runner = buildLogPath(m, start, opts);
  const outs = lines.flatMap((l) => runner.process(newEntry(l, [['app', 'x']])));
  return [...outs, ...runner.flush()];
}

describe('buildLogPath', () => {
  it('follows forward_to from a loki.process to a loki.write', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const [out] = run(m, 'loki.process.a', ['hello']);
    expect(out).toMatchObject({ sink: 'loki.write.w', sinkKind: 'write' });
    expect(out!.entry.line).toBe('hello|a');
  });

  it('chains components in forward_to order', () => {
    const m = model(
      comp('loki.process.a', { forward_to: [receiver('loki.secretfilter.s')] }),
      comp('loki.secretfilter.s', { forward_to: [receiver('loki.process.b')] }),
      comp('loki.process.b', { forward_to: [receiver('loki.echo.e')] }),
      comp('loki.echo.e'),
    );
    const [out] = run(m, 'loki.process.a', ['pw=s3cr3t']);
    expect(out!.entry.line).toBe('pw=<REDACTED>|a|b');
    expect(out!.sinkKind).toBe('echo');
  });

  it('fans out to every receiver with one output per sink, in forward_to order', () => {
    const m = model(
      comp('loki.process.a', { forward_to: [receiver('loki.write.one'), receiver('loki.process.b')] }),
      comp('loki.process.b', { forward_to: [receiver('loki.write.two')] }),
      comp('loki.write.one'),
      comp('loki.write.two'),
    );
    const outs = run(m, 'loki.process.a', ['x']);
    expect(outs.map((o) => [o.sink, o.entry.line])).toEqual([
      ['loki.write.one', 'x|a'],
      ['loki.write.two', 'x|a|b'],
    ]);
  });

  it('gives each fan-out branch its own copy of the entry', () => {
    const m = model(
      comp('loki.process.a', { forward_to: [receiver('loki.relabel.r'), receiver('loki.write.plain')] }),
      comp('loki.relabel.r', { forward_to: [receiver('loki.write.relabelled')] }),
      comp('loki.write.plain'),
      comp('loki.write.relabelled'),
    );
    const outs = run(m, 'loki.process.a', ['x']);
    expect(outs.map((o) => o.entry.labels.get('relabelled_by'))).toEqual(['loki.relabel.r', undefined]);
  });

  it('delivers twice to a sink reached by two paths, as Alloy does', () => {
    const m = model(
      comp('loki.process.a', { forward_to: [receiver('loki.process.b'), receiver('loki.process.c')] }),
      comp('loki.process.b', { forward_to: [receiver('loki.write.w')] }),
      comp('loki.process.c', { forward_to: [receiver('loki.write.w')] }),
      comp('loki.write.w'),
    );
    expect(run(m, 'loki.process.a', ['x']).map((o) => o.entry.line)).toEqual(['x|a|b', 'x|a|c']);
  });

  it('treats an empty forward_to as a sink of kind nowhere', () => {
    const m = model(comp('loki.process.a', { forward_to: [] }));
    const [out] = run(m, 'loki.process.a', ['x']);
    expect(out).toMatchObject({ sink: 'loki.process.a', sinkKind: 'nowhere' });
  });

  it('lists one path per sink route', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w'), receiver('loki.echo.e')] }), comp('loki.write.w'), comp('loki.echo.e'));
    expect(buildLogPath(m, 'loki.process.a', opts).paths).toEqual([
      { id: 'loki.write.w', kind: 'write' },
      { id: 'loki.echo.e', kind: 'echo' },
    ]);
  });

  it('reports a drop once per path with the stage and the reason', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w'), receiver('loki.echo.e')] }), comp('loki.write.w'), comp('loki.echo.e'));
    const outs = run(m, 'loki.process.a', ['DROP me']);
    expect(outs.map((o) => [o.sink, o.dropped])).toEqual([
      ['loki.write.w', { by: 'stage.drop in a', reason: 'line contains DROP' }],
      ['loki.echo.e', { by: 'stage.drop in a', reason: 'line contains DROP' }],
    ]);
  });

  it('reports a drop downstream of a fan-out only on the paths through the dropping component', () => {
    const m = model(
      comp('loki.relabel.r', { forward_to: [receiver('loki.write.w'), receiver('loki.process.b')] }),
      comp('loki.process.b', { forward_to: [receiver('loki.echo.e')] }),
      comp('loki.write.w'),
      comp('loki.echo.e'),
    );
    const outs = run(m, 'loki.relabel.r', ['DROP']);
    expect(outs.map((o) => [o.sink, o.dropped !== undefined])).toEqual([
      ['loki.write.w', false],
      ['loki.echo.e', true],
    ]);
  });

  it('reports a held entry and releases it with the next one', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const outs = run(m, 'loki.process.a', ['first\\', 'second']);
    expect(outs.map((o) => (o.held ? `held by ${o.held.by}` : o.entry.line))).toEqual(['held by stage.multiline in a', 'first\\+second|a']);
  });

  it('flushes held entries at the end through the rest of the path', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.process.b')] }), comp('loki.process.b', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const runner = buildLogPath(m, 'loki.process.a', opts);
    runner.process(newEntry('last\\'));
    expect(runner.flush().map((o) => [o.sink, o.entry.line])).toEqual([['loki.write.w', 'last\\|a|b']]);
  });

  it('marks entries that pass through a component it does not simulate', () => {
    const m = model(comp('loki.enrich.e', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const [out] = run(m, 'loki.enrich.e', ['x']);
    expect(out!.sink).toBe('loki.write.w');
    expect(out!.entry.unknown.map((u) => u.message)).toEqual([expect.stringContaining('loki.enrich.e (loki.enrich) is not simulated')]);
  });

  it('marks entries that pass a component name Alloy does not know', () => {
    const m = model(comp('loki.source.kubernetes_pods.app', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const [out] = run(m, 'loki.source.kubernetes_pods.app', ['x']);
    expect(out!.entry.line).toBe('x');
    expect(out!.entry.unknown[0]!.message).toContain('is not a component Alloy knows');
  });

  it('ends the path at an unsimulated receiver without forward_to, as an unknown sink', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('otelcol.receiver.loki.o')] }), comp('otelcol.receiver.loki.o'));
    const [out] = run(m, 'loki.process.a', ['x']);
    expect(out).toMatchObject({ sink: 'otelcol.receiver.loki.o', sinkKind: 'unknown' });
    expect(out!.entry.unknown).toHaveLength(1);
  });

  it('marks entries sent to a receiver that is not in the config', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.write.missing')] }));
    const [out] = run(m, 'loki.process.a', ['x']);
    expect(out).toMatchObject({ sink: 'loki.write.missing', sinkKind: 'unknown' });
    expect(out!.entry.unknown[0]!.message).toContain('cannot follow');
  });

  it('marks entries when forward_to is only known at run time', () => {
    const m = model(comp('loki.process.a', { forward_to: unknown('module argument') }));
    const [out] = run(m, 'loki.process.a', ['x']);
    expect(out!.sinkKind).toBe('unknown');
    expect(out!.sink).toContain('module argument');
    expect(out!.entry.unknown).toHaveLength(1);
  });

  it('starts a fresh extracted map at each loki.process after the first', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.process.b')] }), comp('loki.process.b', { forward_to: [] }));
    const [out] = run(m, 'loki.process.a', ['x']);
    expect([...out!.entry.extracted.keys()]).toEqual(['seen_b']);
  });

  it('keeps the extracted map given to the start component', () => {
    const m = model(comp('loki.process.a', { forward_to: [] }));
    const e = newEntry('x');
    e.extracted.set('given', 'v');
    const [out] = buildLogPath(m, 'loki.process.a', opts).process(e);
    expect(out!.entry.extracted.get('given')).toBe('v');
  });

  it('turns a simulation that throws into marked records with the error', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w'));
    const [out] = run(m, 'loki.process.a', ['BOOM']);
    expect(out!.error).toBe('loki.process.a: simulation failed: kaboom');
    expect(out!.entry.unknown[0]!.message).toBe(out!.error);
  });

  it('detects a forward_to cycle and names it', () => {
    const m = model(
      comp('loki.process.a', { forward_to: [receiver('loki.process.b')] }),
      comp('loki.process.b', { forward_to: [receiver('loki.process.a')] }),
    );
    let err: unknown;
    try {
      buildLogPath(m, 'loki.process.a', opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe('cycle in forward_to: loki.process.a -> loki.process.b -> loki.process.a');
  });

  it('detects a component that forwards to itself', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.process.a')] }));
    expect(() => buildLogPath(m, 'loki.process.a', opts)).toThrow(/cycle in forward_to: loki.process.a -> loki.process.a/);
  });

  it('refuses a fan-out with more paths than the limit', () => {
    const m = model(
      comp('loki.process.a', { forward_to: [receiver('loki.process.b'), receiver('loki.process.b')] }),
      comp('loki.process.b', { forward_to: [receiver('loki.write.w'), receiver('loki.write.w')] }),
      comp('loki.write.w'),
    );
    expect(() => buildLogPath(m, 'loki.process.a', { ...opts, maxPaths: 3 })).toThrow(/more than 3 paths/);
  });

  it('refuses a start component that does not exist', () => {
    expect(() => buildLogPath(model(), 'loki.process.nope', opts)).toThrow(/not defined/);
  });

  it('refuses a start component that does not handle logs', () => {
    expect(() => buildLogPath(model(comp('prometheus.relabel.p')), 'prometheus.relabel.p', opts)).toThrow(/not a loki component/);
  });

  test.prop([fc.array(fc.constantFrom('x', 'DROP', 'y\\', 'z'), { maxLength: 12 }), fc.integer({ min: 1, max: 3 })])(
    'every input yields exactly one record per path, plus released entries',
    (lines, width) => {
      const sinks = Array.from({ length: width }, (_, i) => comp(`loki.write.w${i}`));
      const m = model(comp('loki.relabel.r', { forward_to: sinks.map((s) => receiver(s.id)) }), ...sinks);
      const runner = buildLogPath(m, 'loki.relabel.r', opts);
      for (const l of lines) expect(runner.process(newEntry(l))).toHaveLength(width);
    },
  );
});

describe('sources and sinks', () => {
  it('adds labels of a single literal loki.source.file target, keeping the user labels', () => {
    const target = object([
      ['__path__', '/var/log/app.log'],
      ['job', 'app'],
      ['app', 'from-target'],
    ]);
    const m = model(comp('loki.source.file.f', { targets: [target], forward_to: [receiver('loki.echo.e')] }), comp('loki.echo.e'));
    const [out] = run(m, 'loki.source.file.f', ['x']);
    expect(Object.fromEntries(out!.entry.labels)).toEqual({ app: 'x', job: 'app', filename: '/var/log/app.log' });
  });

  it('adds no labels for a glob target, which only Alloy can expand', () => {
    const m = model(comp('loki.source.file.f', { targets: [object([['__path__', '/var/log/*.log']])], forward_to: [receiver('loki.echo.e')] }), comp('loki.echo.e'));
    const [out] = run(m, 'loki.source.file.f', ['x']);
    expect([...out!.entry.labels.keys()]).toEqual(['app']);
  });

  it('keeps the LF at the end of lines read by loki.source.kubernetes', () => {
    const m = model(comp('loki.source.kubernetes.k', { forward_to: [receiver('loki.echo.e')] }), comp('loki.echo.e'));
    expect(run(m, 'loki.source.kubernetes.k', ['x'])[0]!.entry.line).toBe('x\n');
  });

  it('marks entries of a source whose relabel_rules it does not apply', () => {
    const m = model(comp('loki.source.journal.j', { relabel_rules: unknown('loki.relabel export'), forward_to: [receiver('loki.echo.e')] }), comp('loki.echo.e'));
    expect(run(m, 'loki.source.journal.j', ['x'])[0]!.entry.unknown[0]!.message).toContain('relabel_rules are not applied');
  });

  it('merges loki.write external_labels under the entry labels', () => {
    const m = model(comp('loki.process.a', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w', { external_labels: object([['cluster', 'c1'], ['app', 'ext']]) }));
    const [out] = run(m, 'loki.process.a', ['x']);
    expect(Object.fromEntries(out!.entry.labels)).toEqual({ cluster: 'c1', app: 'x' });
  });

  it('takes the tenant from __tenant_id__ and leaves __ labels out of the stored stream', () => {
    const m = model(comp('loki.relabel.r', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w', {}, [block('endpoint', { tenant_id: 'default' })]));
    const runner = buildLogPath(m, 'loki.relabel.r', opts);
    const [out] = runner.process(newEntry('x', [['__tenant_id__', 'team-a'], ['ns', 'n']]));
    expect(out!.tenant).toBe('team-a');
    expect([...out!.entry.labels.keys()].sort()).toEqual(['ns', 'relabelled_by']);
  });

  it("uses the endpoints' tenant_id when no stage set one", () => {
    const m = model(comp('loki.relabel.r', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w', {}, [block('endpoint', { tenant_id: 'default' })]));
    expect(run(m, 'loki.relabel.r', ['x'])[0]!.tenant).toBe('default');
  });

  it('marks entries when external_labels are only known at run time', () => {
    const m = model(comp('loki.relabel.r', { forward_to: [receiver('loki.write.w')] }), comp('loki.write.w', { external_labels: unknown('env var') }));
    expect(run(m, 'loki.relabel.r', ['x'])[0]!.entry.unknown[0]!.message).toContain('external_labels');
  });
});

describe('validateLogComponents', () => {
  const failing = {
    ...FAKE_COMPILERS,
    'loki.process': (c: Parameters<typeof FAKE_COMPILERS['loki.process']>[0]) => {
      if (c.label === 'bad') throw new ConfigError('invalid stage', 'test.alloy');
      return FAKE_COMPILERS['loki.process'](c, {});
    },
  };

  it('reports an invalid component that is not on the path, as Alloy refuses the whole config', () => {
    const m = model(comp('loki.process.good', { forward_to: [] }), comp('loki.process.bad', { forward_to: [] }));
    expect(validateLogComponents(m, { compilers: failing }).map((e) => e.message)).toEqual(['invalid stage']);
  });

  it('reports nothing for a valid config', () => {
    expect(validateLogComponents(model(comp('loki.process.good', { forward_to: [] })), { compilers: failing })).toEqual([]);
  });
});

describe('chooseStartComponent', () => {
  it('starts at the only loki.process', () => {
    const m = model(comp('loki.source.file.f'), comp('loki.process.only'), comp('loki.write.w'));
    expect(chooseStartComponent(m)).toEqual({ ok: true, id: 'loki.process.only' });
  });

  it('lists the choices when there are several loki.process components', () => {
    const m = model(comp('loki.source.file.f'), comp('loki.process.a'), comp('loki.process.b'), comp('loki.write.w'));
    expect(chooseStartComponent(m)).toEqual({
      ok: false,
      message: 'test.alloy has 2 loki.process components; choose where to start with --component',
      choices: ['loki.source.file.f', 'loki.process.a', 'loki.process.b'],
    });
  });

  it('lists the choices when there is no loki.process', () => {
    const m = model(comp('loki.relabel.r'));
    expect(chooseStartComponent(m)).toMatchObject({ ok: false, choices: ['loki.relabel.r'] });
  });

  it('says so when the config has no log pipeline at all', () => {
    expect(chooseStartComponent(model(comp('prometheus.relabel.p')))).toEqual({ ok: false, message: 'test.alloy has no log pipeline (no loki.* component that takes log entries)', choices: [] });
  });

  it('accepts a requested log component', () => {
    const m = model(comp('loki.process.a'), comp('loki.process.b'));
    expect(chooseStartComponent(m, 'loki.process.b')).toEqual({ ok: true, id: 'loki.process.b' });
  });

  it('refuses a requested component that is missing', () => {
    expect(chooseStartComponent(model(comp('loki.process.a')), 'loki.process.x')).toMatchObject({ ok: false, message: 'no component loki.process.x in test.alloy', choices: ['loki.process.a'] });
  });

  it('refuses a requested component that does not handle logs', () => {
    expect(chooseStartComponent(model(comp('prometheus.relabel.p')), 'prometheus.relabel.p')).toMatchObject({ ok: false, message: expect.stringContaining('not a log component') });
  });
});
