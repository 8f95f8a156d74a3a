import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { isCapsule, isObject, isUnknown } from '../../src/config/value.ts';

const noEnv = { env: new Map<string, string>() };

function errors(src: string) {
  return loadConfig(src, 'main.alloy', noEnv).diagnostics.filter((d) => d.severity === 'error');
}

describe('components', () => {
  it('names a labelled component by its name and label', () => {
    const m = loadConfig('loki.process "scrub_secrets" {\n  forward_to = []\n}\n', 'main.alloy', noEnv);
    const c = m.components.get('loki.process.scrub_secrets');
    expect(c?.componentName).toBe('loki.process');
    expect(c?.label).toBe('scrub_secrets');
  });
  it('keeps nested blocks in source order across block names', () => {
    const src = 'loki.process "p" {\n  stage.regex { expression = "a" }\n  stage.replace { expression = "b" }\n  stage.regex { expression = "c" }\n  forward_to = []\n}\n';
    const c = loadConfig(src, 'main.alloy', noEnv).components.get('loki.process.p')!;
    expect(c.blocks.map((b) => `${b.name}:${b.attributes.get('expression')!.value}`)).toEqual(['stage.regex:a', 'stage.replace:b', 'stage.regex:c']);
  });
  it('evaluates blocks nested inside nested blocks', () => {
    const src = 'loki.process "p" {\n  stage.match {\n    selector = "{a=\\"b\\"}"\n    stage.tenant { value = "t" }\n  }\n  forward_to = []\n}\n';
    const match = loadConfig(src, 'main.alloy', noEnv).components.get('loki.process.p')!.blocks[0]!;
    expect(match.blocks[0]!.attributes.get('value')!.value).toBe('t');
  });
  it('puts configuration blocks in configBlocks, not components', () => {
    const m = loadConfig('logging {\n  level = "warn"\n}\nhttp {\n  listen_addr = "127.0.0.1:12345"\n}\n', 'main.alloy', noEnv);
    expect(m.components.size).toBe(0);
    expect(m.configBlocks.map((b) => b.name)).toEqual(['logging', 'http']);
  });
  it('warns about an unknown block name at its position and keeps loading', () => {
    const m = loadConfig('\nloki.frobnicate "x" {}\nloki.echo "e" {}\n', 'main.alloy', noEnv);
    const w = m.diagnostics.find((d) => d.severity === 'warning')!;
    expect(w.message).toBe('cannot find the definition of component name "loki.frobnicate"');
    expect(w.range.start).toMatchObject({ line: 2, column: 1 });
    expect(m.components.has('loki.echo.e')).toBe(true);
  });
  it('refuses a component without a label', () => {
    expect(errors('loki.echo {}\n')[0]!.message).toBe('component "loki.echo" must have a label');
  });
  it('refuses a component declared twice, pointing at the first one', () => {
    expect(errors('loki.echo "a" {}\nloki.echo "a" {}\n')[0]!.message).toBe('block loki.echo.a already declared at main.alloy:1:1');
  });
  it('refuses an attribute at the top level', () => {
    expect(errors('x = 1\n')[0]!.message).toBe('unrecognized attribute x');
  });
  it('reports syntax errors as diagnostics without components', () => {
    const m = loadConfig('loki.echo "a" {\n', 'main.alloy', noEnv);
    expect(m.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(m.components.size).toBe(0);
  });
  it('gives numbers to the model as JavaScript numbers', () => {
    const m = loadConfig('loki.process "p" {\n  stage.truncate { limit = 7 / 2 }\n  forward_to = []\n}\n', 'main.alloy', noEnv);
    expect(m.components.get('loki.process.p')!.blocks[0]!.attributes.get('limit')!.value).toBe(3);
  });
});

describe('environment', () => {
  it('reads env() from a Map', () => {
    const m = loadConfig('loki.write "w" {\n  endpoint { url = env("URL") }\n}\n', 'main.alloy', { env: new Map([['URL', 'http://x']]) });
    expect(m.components.get('loki.write.w')!.blocks[0]!.attributes.get('url')!.value).toBe('http://x');
  });
  it('reads env() from a plain record', () => {
    const m = loadConfig('loki.write "w" {\n  endpoint { url = sys.env("URL") }\n}\n', 'main.alloy', { env: { URL: 'http://y' } });
    expect(m.components.get('loki.write.w')!.blocks[0]!.attributes.get('url')!.value).toBe('http://y');
  });
  it('uses supplied constants', () => {
    const m = loadConfig('remotecfg {\n  id = constants.hostname\n}\n', 'main.alloy', { env: {}, constants: { hostname: 'n1' } });
    expect(m.configBlocks[0]!.attributes.get('id')!.value).toBe('n1');
  });
});

describe('references', () => {
  it('turns a receiver reference into a capsule pointing at the component', () => {
    const m = loadConfig('loki.echo "out" {}\nloki.process "p" {\n  forward_to = [loki.echo.out.receiver]\n}\n', 'main.alloy', noEnv);
    const [v] = m.components.get('loki.process.p')!.attributes.get('forward_to')!.value as unknown[];
    expect(v).toEqual({ kind: 'capsule', type: 'loki.LogsReceiver', componentId: 'loki.echo.out', exportName: 'receiver' });
  });
  it('makes run-time exports unknown with a reason', () => {
    const m = loadConfig('discovery.kubernetes "pods" {\n  role = "pod"\n}\ndiscovery.relabel "r" {\n  targets = discovery.kubernetes.pods.targets\n}\n', 'main.alloy', noEnv);
    const v = m.components.get('discovery.relabel.r')!.attributes.get('targets')!.value;
    expect(isUnknown(v) && v.reason).toBe('discovery.kubernetes.pods.targets is only known at run time');
  });
  it('reports an undefined component reference with Alloy\'s wording and position', () => {
    const m = loadConfig('loki.process "p" {\n  forward_to = [loki.write.nope.receiver]\n}\n', 'main.alloy', noEnv);
    const e = m.diagnostics.find((d) => d.severity === 'error')!;
    expect(e.message).toBe('component "loki.write.nope.receiver" does not exist or is out of scope');
    expect(e.range.start).toMatchObject({ line: 2, column: 17 });
    expect(e.range.end).toMatchObject({ line: 2, column: 41 });
  });
  it('makes an attribute that failed to evaluate unknown', () => {
    const m = loadConfig('loki.process "p" {\n  forward_to = [loki.write.nope.receiver]\n}\n', 'main.alloy', noEnv);
    expect(isUnknown(m.components.get('loki.process.p')!.attributes.get('forward_to')!.value)).toBe(true);
  });
  it('reports an export the component does not have', () => {
    expect(errors('loki.echo "e" {}\nloki.process "p" {\n  forward_to = [loki.echo.e.output]\n}\n')[0]!.message).toBe('field "output" does not exist');
  });
  it('records a forward edge for forward_to', () => {
    const m = loadConfig('loki.echo "out" {}\nloki.process "p" {\n  forward_to = [loki.echo.out.receiver]\n}\n', 'main.alloy', noEnv);
    expect(m.edges).toEqual([{ from: 'loki.process.p', to: 'loki.echo.out', via: 'forward_to', kind: 'forward', range: expect.anything() }]);
  });
  it('records a reference edge for an export read, with the nested attribute path', () => {
    const m = loadConfig('otelcol.auth.basic "a" {\n  username = "u"\n  password = "p"\n}\notelcol.exporter.otlp "x" {\n  client {\n    endpoint = "e"\n    auth = otelcol.auth.basic.a.handler\n  }\n}\n', 'main.alloy', noEnv);
    expect(m.edges.map((e) => [e.from, e.to, e.via, e.kind])).toEqual([['otelcol.exporter.otlp.x', 'otelcol.auth.basic.a', 'client.auth', 'reference']]);
  });
});

describe('modules', () => {
  const declare = [
    'declare "scrubber" {',
    '  argument "forward_to" {}',
    '  argument "mask" {',
    '    optional = true',
    '    default  = "***"',
    '  }',
    '  loki.process "inner" {',
    '    stage.replace {',
    '      expression = "(x)"',
    '      replace    = argument.mask.value',
    '    }',
    '    forward_to = argument.forward_to.value',
    '  }',
    '  export "input" {',
    '    value = loki.process.inner.receiver',
    '  }',
    '}',
    'loki.echo "out" {}',
  ].join('\n');

  it('finds a component inside a declare under the instance path', () => {
    const m = loadConfig(`${declare}\nscrubber "default" {\n  forward_to = [loki.echo.out.receiver]\n}\n`, 'main.alloy', noEnv);
    expect([...m.components.keys()]).toEqual(['loki.echo.out', 'scrubber.default', 'scrubber.default/loki.process.inner']);
  });
  it('marks the instance as a custom component', () => {
    const m = loadConfig(`${declare}\nscrubber "default" {\n  forward_to = []\n}\n`, 'main.alloy', noEnv);
    expect(m.components.get('scrubber.default')!.custom).toBe(true);
  });
  it('resolves argument values from the instance attributes', () => {
    const m = loadConfig(`${declare}\nscrubber "default" {\n  forward_to = []\n  mask = "[gone]"\n}\n`, 'main.alloy', noEnv);
    const stage = m.components.get('scrubber.default/loki.process.inner')!.blocks[0]!;
    expect(stage.attributes.get('replace')!.value).toBe('[gone]');
  });
  it('uses an argument default when the instance does not set it', () => {
    const m = loadConfig(`${declare}\nscrubber "default" {\n  forward_to = []\n}\n`, 'main.alloy', noEnv);
    expect(m.components.get('scrubber.default/loki.process.inner')!.blocks[0]!.attributes.get('replace')!.value).toBe('***');
  });
  it('forwards from the inner component to what the instance was given', () => {
    const m = loadConfig(`${declare}\nscrubber "default" {\n  forward_to = [loki.echo.out.receiver]\n}\n`, 'main.alloy', noEnv);
    expect(m.edges.filter((e) => e.from === 'scrubber.default/loki.process.inner').map((e) => [e.to, e.kind])).toEqual([['loki.echo.out', 'forward']]);
  });
  it('gives the instance export a capsule pointing inside the module', () => {
    const m = loadConfig(`${declare}\nscrubber "default" {\n  forward_to = []\n}\nloki.source.api "in" {\n  http {}\n  forward_to = [scrubber.default.input]\n}\n`, 'main.alloy', noEnv);
    const v = (m.components.get('loki.source.api.in')!.attributes.get('forward_to')!.value as unknown[])[0];
    expect(isCapsule(v as never) && (v as { componentId: string }).componentId).toBe('scrubber.default/loki.process.inner');
  });
  it('reports a missing required argument', () => {
    expect(errors(`${declare}\nscrubber "default" {}\n`).map((e) => e.message)).toContain('missing required argument "forward_to" to module');
  });
  it('reports an argument the module does not define', () => {
    expect(errors(`${declare}\nscrubber "default" {\n  forward_to = []\n  colour = "red"\n}\n`).map((e) => e.message)).toContain('Provided argument "colour" is not defined in the module');
  });
  it('keeps components outside the module out of its scope', () => {
    const src = 'loki.echo "out" {}\ndeclare "d" {\n  loki.process "p" {\n    forward_to = [loki.echo.out.receiver]\n  }\n}\nd "x" {}\n';
    expect(errors(src)[0]!.message).toBe('component "loki.echo.out.receiver" does not exist or is out of scope');
  });
  it('refuses argument blocks outside a module', () => {
    expect(errors('argument "x" {}\n')[0]!.message).toBe('argument blocks only allowed inside a module');
  });
  it('loads declares from import.file through readFile, reading the path as given', () => {
    const files = new Map([['lib/mod.alloy', 'declare "m" {\n  loki.echo "e" {}\n}\n']]);
    const m = loadConfig('import.file "lib" {\n  filename = "lib/mod.alloy"\n}\nlib.m "one" {}\n', '/etc/alloy/main.alloy', {
      env: {},
      readFile: (p) => {
        const t = files.get(p);
        if (t === undefined) throw new Error(`no such file ${p}`);
        return t;
      },
    });
    expect([...m.components.keys()]).toEqual(['lib.m.one', 'lib.m.one/loki.echo.e']);
  });
  it('falls back to the importing file\'s directory for a relative import.file path, with a warning', () => {
    const files = new Map([['/etc/alloy/lib/mod.alloy', 'declare "m" {\n  loki.echo "e" {}\n}\n']]);
    const m = loadConfig('import.file "lib" {\n  filename = "lib/mod.alloy"\n}\nlib.m "one" {}\n', '/etc/alloy/main.alloy', {
      env: {},
      readFile: (p) => {
        const t = files.get(p);
        if (t === undefined) throw new Error(`no such file ${p}`);
        return t;
      },
    });
    expect([...m.components.keys()]).toEqual(['lib.m.one', 'lib.m.one/loki.echo.e']);
    expect(m.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
  it('reports an import.file that cannot be read', () => {
    const m = loadConfig('import.file "lib" {\n  filename = "nope.alloy"\n}\n', '/x/main.alloy', { env: {}, readFile: () => { throw new Error('ENOENT'); } });
    expect(m.diagnostics.find((d) => d.severity === 'error')!.message).toBe('failed to read nope.alloy: ENOENT');
  });
  it('loads declares from import.string', () => {
    const m = loadConfig('import.string "s" {\n  content = "declare \\"m\\" {\\n  loki.echo \\"e\\" {}\\n}\\n"\n}\ns.m "one" {}\n', 'main.alloy', noEnv);
    expect(m.components.has('s.m.one/loki.echo.e')).toBe(true);
  });
  it('warns that import.http modules are unknown and keeps their instances', () => {
    const m = loadConfig('import.http "remote" {\n  url = "https://example.com/m.alloy"\n}\nremote.thing "x" {}\n', 'main.alloy', noEnv);
    expect(m.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message)).toContain('import.http modules are fetched at run time; their components are unknown to alloy-scrub');
    expect(m.components.get('remote.thing.x')?.custom).toBe(true);
  });
  it('exposes nested instance exports as objects of the module\'s exports', () => {
    const m = loadConfig('declare "c" {\n  export "v" {\n    value = {a = 1}\n  }\n}\nc "x" {}\nloki.process "p" {\n  stage.static_labels { values = c.x.v }\n  forward_to = []\n}\n', 'main.alloy', noEnv);
    const v = m.components.get('loki.process.p')!.blocks[0]!.attributes.get('values')!.value;
    expect(isObject(v) && v.fields.get('a')).toBe(1);
  });
});

describe('bounds', () => {
  it('stops instantiating modules past the component budget with an error', () => {
    // Six levels of ten instances each would make more than 200 000 components.
    const levels = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];
    const decls = levels.map((name, i) => {
      const inner = i + 1 < levels.length ? Array.from({ length: 10 }, (_, k) => `  ${levels[i + 1]} "x${k}" {}`).join('\n') : '  loki.echo "e" {}';
      return `declare "${name}" {\n${inner}\n}`;
    });
    const m = loadConfig(`${[...decls].reverse().join('\n')}\nl1 "root" {}\n`, 'main.alloy', noEnv);
    expect(m.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['more than 50000 components after module instantiation; alloy-scrub stops here']);
    expect(m.components.size).toBeLessThanOrEqual(50_000);
  });
});

describe('directory imports', () => {
  it('warns that an import.file of a directory is not simulated instead of failing', () => {
    const m = loadConfig('import.file "dir" {\n  filename = "/etc/alloy/modules"\n}\n', 'main.alloy', {
      env: {},
      readFile: () => {
        throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
      },
    });
    expect(m.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual(['warning: import.file.dir imports a directory; directory modules are not simulated by alloy-scrub']);
  });
});

describe('module rules', () => {
  it('sets module_path at the root to the config file\'s directory', () => {
    const m = loadConfig('loki.write "w" {\n  endpoint { url = module_path }\n}\n', '/etc/alloy/config.alloy', noEnv);
    expect(m.components.get('loki.write.w')!.blocks[0]!.attributes.get('url')!.value).toBe('/etc/alloy');
  });
  it('refuses a declare without a label', () => {
    expect(errors('declare {}\n')[0]!.message).toBe('block "declare" requires non-empty label');
  });
  it('refuses a declare labelled declare', () => {
    expect(errors('declare "declare" {}\n')[0]!.message).toBe("'declare' is not a valid label for a declare block");
  });
  it('refuses a logging block inside a module', () => {
    expect(errors('declare "d" {\n  logging {}\n}\nd "x" {}\n')[0]!.message).toBe('logging block not allowed inside a module');
  });
  it('treats a block whose first name is a declare as an instance, even if it shadows a component namespace', () => {
    const m = loadConfig('declare "loki" {\n}\nloki.process "p" {}\n', 'main.alloy', noEnv);
    expect(m.components.get('loki.process.p')?.custom).toBe(true);
  });
  it('warns that import.git modules are unknown', () => {
    const m = loadConfig('import.git "g" {\n  repository = "https://example.com/r.git"\n  path = "m.alloy"\n}\n', 'main.alloy', noEnv);
    expect(m.diagnostics.map((d) => d.message)).toEqual(['import.git modules are fetched at run time; their components are unknown to alloy-scrub']);
  });
});

describe('diagnostics of modules', () => {
  it('reports a problem inside a declare once even when it is instantiated twice', () => {
    const src = 'declare "d" {\n  loki.process "p" {\n    forward_to = [loki.write.nope.receiver]\n  }\n}\nd "a" {}\nd "b" {}\n';
    expect(errors(src).map((e) => `${e.range.start.line}:${e.range.start.column} ${e.message}`)).toEqual([
      '3:19 component "loki.write.nope.receiver" does not exist or is out of scope',
    ]);
  });
});

describe('module argument values', () => {
  it('keeps the Go number kind of an argument inside the module (7 / 2 stays integer division)', () => {
    const src = 'declare "half" {\n  argument "n" {}\n  export "v" {\n    value = argument.n.value / 2\n  }\n}\nhalf "x" {\n  n = 7\n}\nloki.process "p" {\n  stage.truncate { limit = half.x.v }\n  forward_to = []\n}\n';
    const m = loadConfig(src, 'main.alloy', noEnv);
    expect(m.components.get('loki.process.p')!.blocks[0]!.attributes.get('limit')!.value).toBe(3);
  });
});
