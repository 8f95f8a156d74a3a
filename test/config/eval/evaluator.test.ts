import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/config/eval/evaluator.ts';
import { EvalError } from '../../../src/config/eval/errors.ts';
import { buildStdlib } from '../../../src/config/eval/stdlib.ts';
import { type Val, objVal, unknown } from '../../../src/config/eval/values.ts';
import { parseExpression } from '../../../src/syntax/parse.ts';
import { evalError, evalExpr, show } from './helpers.ts';

describe('literals and collections', () => {
  it('decodes escapes in string literals', () => {
    expect(evalExpr('"a\\tb\\u00e9"')).toBe('a\tbé');
  });
  it('keeps raw strings verbatim', () => {
    expect(evalExpr('`\\d+`')).toBe('\\d+');
  });
  it('evaluates arrays in order', () => {
    expect(show(evalExpr('[1, "a", null, true]'))).toEqual(['int:1', 'a', null, true]);
  });
  it('evaluates objects with quoted keys', () => {
    expect(show(evalExpr('{"a-b" = 1}'))).toEqual({ 'a-b': 'int:1' });
  });
  it('stores a __proto__ key as plain data', () => {
    expect(show(evalExpr('{"__proto__" = "x"}'))).toEqual(Object.fromEntries([['__proto__', 'x']]));
  });
});

describe('indexing and field access', () => {
  it('indexes arrays by number', () => {
    expect(evalExpr('["a", "b"][1]')).toBe('b');
  });
  it('reports an index out of range', () => {
    expect(evalError('["a"][3]').message).toBe('3 index 3 is out of range of array with length 1');
  });
  it('indexes objects by string', () => {
    expect(evalExpr('{a = "x"}["a"]')).toBe('x');
  });
  it('returns null for a missing key accessed with []', () => {
    expect(evalExpr('{a = "x"}["b"]')).toBe(null);
  });
  it('reads object fields with .', () => {
    expect(evalExpr('{a = {b = "c"}}.a.b')).toBe('c');
  });
  it('reports a missing field at the field name', () => {
    const err = evalError('{a = 1}.zz');
    expect(err.message).toBe('field "zz" does not exist');
    expect(err.range.start.column).toBe(9);
  });
  it('refuses field access on a string', () => {
    expect(evalError('"s"["x"]').message).toBe('"s" expected object or array, got string');
  });
  it('refuses calling a non-function', () => {
    expect(evalError('{a = 1}.a()').message).toBe('{a = 1}.a should be function, got number');
  });
});

describe('references', () => {
  const stdlib = buildStdlib({ env: () => undefined, constants: new Map() });
  const nodes = new Map<string, Val>([
    ['discovery.kubernetes.pods', objVal([['targets', unknown('discovery.kubernetes.pods.targets is only known at run time')]])],
    ['local.file.cfg', objVal([['content', 'static']])],
  ]);
  function run(src: string, seen: string[] = []): Val {
    const { expr } = parseExpression(src);
    return evaluate(expr, {
      identifiers: stdlib,
      resolve(names) {
        for (let i = 1; i <= names.length; i++) {
          const id = names.slice(0, i).join('.');
          const v = nodes.get(id);
          if (v) return { nodeId: id, value: v, consumed: i };
        }
        return undefined;
      },
      onReference: (ref) => seen.push(ref.nodeId),
    });
  }

  it('resolves a traversal to the shortest node id and reads the rest as fields', () => {
    expect(run('local.file.cfg.content')).toBe('static');
  });
  it('reports each resolved reference to the context', () => {
    const seen: string[] = [];
    run('[local.file.cfg.content, discovery.kubernetes.pods.targets]', seen);
    expect(seen).toEqual(['local.file.cfg', 'discovery.kubernetes.pods']);
  });
  it('reports an undefined component with Alloy\'s wording over the whole traversal', () => {
    let err: unknown;
    try {
      run('[loki.write.missing.receiver]');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EvalError);
    expect((err as EvalError).message).toBe('component "loki.write.missing.receiver" does not exist or is out of scope');
    expect((err as EvalError).range.start.column).toBe(2);
    expect((err as EvalError).range.end.column).toBe(29);
  });
  it('propagates unknown through operators', () => {
    expect(show(run('string.join(discovery.kubernetes.pods.targets, ",") + "x"'))).toMatchObject({ unknown: expect.stringContaining('only known at run time') });
  });
  it('propagates unknown through indexing', () => {
    expect(show(run('discovery.kubernetes.pods.targets[0]'))).toMatchObject({ unknown: expect.any(String) });
  });
  it('keeps an array known when only an element is unknown', () => {
    const v = run('[1, discovery.kubernetes.pods.targets]');
    expect(Array.isArray(v)).toBe(true);
  });
});

describe('unknown functions', () => {
  it('makes a call to an undefined top-level function unknown with a warning naming it', () => {
    const warnings: string[] = [];
    const { expr } = parseExpression('base64_encode("x")');
    const v = evaluate(expr, {
      identifiers: buildStdlib({ env: () => undefined, constants: new Map() }),
      resolve: () => undefined,
      warn: (m) => warnings.push(m),
    });
    expect(show(v)).toEqual({ unknown: 'base64_encode is not a stdlib function alloy-scrub knows' });
    expect(warnings).toEqual(['base64_encode is not a stdlib function alloy-scrub knows; its result is unknown']);
  });
  it('still reports an undefined identifier that is not called', () => {
    expect(evalError('nope.value').message).toBe('component "nope.value" does not exist or is out of scope');
  });
});
