import { describe, expect, it } from 'vitest';
import { foreachChildIds, objectFingerprint } from '../../src/config/foreach.ts';
import { GoNumber } from '../../src/config/eval/number.ts';
import { objVal } from '../../src/config/eval/values.ts';
import { loadConfig } from '../../src/config/load.ts';

describe('foreach child ids', () => {
  it('replaces non-alphanumeric characters of a string item', () => {
    expect(objectFingerprint('app-1.prod', false)).toBe('app_1_prod');
  });
  it('hashes a string item with hash_string_id', () => {
    expect(objectFingerprint('a', true)).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
  });
  it('prints floats with %f and underscores', () => {
    expect(objectFingerprint(GoNumber.float(3.14), false)).toBe('3_140000');
  });
  it('hashes an object item from Go\'s %#v of the map', () => {
    expect(objectFingerprint(objVal([['name', 'one']]), false)).toHaveLength(64);
  });
  it('counts duplicates', () => {
    expect(foreachChildIds(['a', 'a', GoNumber.int(1n)], '', false)).toEqual(['foreach_a_1', 'foreach_a_2', 'foreach_1_1']);
  });
  it('uses the id field of object items', () => {
    expect(foreachChildIds([objVal([['name', 'x'], ['port', '1']])], 'name', false)).toEqual(['foreach_x_1']);
  });
});

describe('foreach in a config', () => {
  const src = [
    'loki.echo "out" {}',
    'foreach "teams" {',
    '  collection = ["billing", "search"]',
    '  var        = "team"',
    '  template {',
    '    loki.process "scrub" {',
    '      stage.static_labels {',
    '        values = { team = team }',
    '      }',
    '      forward_to = [loki.echo.out.receiver]',
    '    }',
    '  }',
    '}',
  ].join('\n');

  it('instantiates the template once per item with Alloy\'s child ids', () => {
    const m = loadConfig(src, 'main.alloy', { env: {} });
    expect([...m.components.keys()]).toEqual(['loki.echo.out', 'foreach.teams/foreach_billing_1/loki.process.scrub', 'foreach.teams/foreach_search_1/loki.process.scrub']);
  });
  it('binds the loop variable to the item', () => {
    const m = loadConfig(src, 'main.alloy', { env: {} });
    const labels = m.components.get('foreach.teams/foreach_search_1/loki.process.scrub')!.blocks[0]!.attributes.get('values')!.value;
    expect(typeof labels === 'object' && labels !== null && 'fields' in labels && labels.fields.get('team')).toBe('search');
  });
  it('lets template components forward to components outside the foreach', () => {
    const m = loadConfig(src, 'main.alloy', { env: {} });
    expect(m.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'foreach.teams/foreach_billing_1/loki.process.scrub -> loki.echo.out',
      'foreach.teams/foreach_search_1/loki.process.scrub -> loki.echo.out',
    ]);
  });
  it('warns that foreach needs the experimental stability level', () => {
    const m = loadConfig(src, 'main.alloy', { env: {} });
    expect(m.diagnostics.map((d) => d.message)).toEqual([
      'config block "foreach" is at stability level "experimental", which is below the minimum allowed stability level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
    ]);
  });
  it('warns and skips a collection known only at run time', () => {
    const m = loadConfig('discovery.kubernetes "k" {\n  role = "pod"\n}\nforeach "f" {\n  collection = discovery.kubernetes.k.targets\n  var = "t"\n  template {\n    loki.echo "e" {}\n  }\n}\n', 'main.alloy', { env: {} });
    expect(m.diagnostics.at(-1)!.message).toBe('foreach.f: the components of this foreach are not simulated: discovery.kubernetes.k.targets is only known at run time');
    expect([...m.components.keys()]).toEqual(['discovery.kubernetes.k']);
  });
});
