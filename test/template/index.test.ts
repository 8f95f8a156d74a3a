import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  alloyExtraTemplateFuncs,
  alloyTemplateFuncs,
  isCannotSimulate,
  parseTemplate,
  StringMap,
  TemplateLimitError,
  TemplateUnsupportedError,
  toTemplateData,
  type TemplateValue,
} from '../../src/template/index.ts';
import { data, render } from './support/run.ts';

describe('public API', () => {
  test('parseTemplate returns a template with its name and source', () => {
    const t = parseTemplate('pipeline_template', 'x{{ .a }}');
    expect([t.name, t.source]).toEqual(['pipeline_template', 'x{{ .a }}']);
  });

  test('without a FuncMap only the builtins are defined', () => {
    expect(() => parseTemplate('t', '{{ ToUpper "x" }}')).toThrow('function "ToUpper" not defined');
  });

  test('a plain JavaScript function in a FuncMap acts as func(...interface{}) interface{}', () => {
    const t = parseTemplate('t', '{{ shout .a "!" }}', { shout: (a, b) => String(a).toUpperCase() + String(b) });
    expect(t.execute(new Map([['a', 'hi']]))).toBe('HI!');
  });

  test('Alloy\'s own functions win over sprig\'s of the same name', () => {
    expect(alloyTemplateFuncs().regexReplaceAll).toBe(alloyExtraTemplateFuncs().regexReplaceAll);
  });

  test('the Alloy map contains sprig\'s functions too', () => {
    expect(['upper', 'default', 'toJson', 'uuidv4', 'env'].every((n) => n in alloyTemplateFuncs())).toBe(true);
  });

  test('toTemplateData copies extracted values and adds extras', () => {
    const d = toTemplateData(new Map<string, TemplateValue>([['user', 'bob']]), { Value: 'secret' });
    expect(render('{{ .user }}:{{ .Value }}', d)).toBe('bob:secret');
  });

  test('toTemplateData as map[string]string makes index of a missing key the empty string', () => {
    const d = toTemplateData(new Map(), { Value: 'x' }, 'map[string]string');
    expect([d instanceof StringMap, render('[{{ index . "nope" }}]', d)]).toEqual([true, '[]']);
  });

  test('as map[string]interface{} index of a missing key is <no value>', () => {
    expect(render('[{{ index . "nope" }}]', toTemplateData(new Map()))).toBe('[<no value>]');
  });

  test('toTemplateData converts extracted values with Alloy\'s getString and drops the rest', () => {
    const extracted = new Map<string, TemplateValue>([
      ['f', 1e21],
      ['g', 0.5],
      ['i', 42n],
      ['b', true],
      ['m', new Map()],
      ['n', null],
    ]);
    expect([...toTemplateData(extracted)]).toEqual([
      ['f', '1000000000000000000000'],
      ['g', '0.5'],
      ['i', '42'],
      ['b', 'true'],
    ]);
  });

  test('isCannotSimulate recognises limit and unsupported errors', () => {
    expect([isCannotSimulate(new TemplateLimitError('x')), isCannotSimulate(new TemplateUnsupportedError('f')), isCannotSimulate(new Error('x'))]).toEqual([
      true,
      true,
      false,
    ]);
  });

  test('printf %p of a map cannot be simulated: Go prints its run-time address', () => {
    let thrown: unknown;
    try {
      render('{{ printf "%p" .m }}', data({ m: new Map([['a', 1n]]) }));
    } catch (e) {
      thrown = e;
    }
    expect(isCannotSimulate(thrown)).toBe(true);
  });

  test('executing with null data gives an invalid dot, as Execute(w, nil)', () => {
    expect(parseTemplate('t', '{{ . }}|{{ .x }}').execute(null)).toBe('<no value>|<no value>');
  });

  prop.prop([fc.string().filter((s) => !s.includes('{{'))])('text without actions renders verbatim', (s) => {
    expect(parseTemplate('t', s).execute(null)).toBe(s);
  });

  prop.prop([fc.string()])('{{ .Value }} prints any string value unchanged', (s) => {
    expect(render('{{ .Value }}', new Map([['Value', s]]))).toBe(s);
  });

  prop.prop([fc.string(), fc.string()])('Hash is deterministic 64-digit hex', (salt, v) => {
    const out = render('{{ Hash .s .v }}', new Map([['s', salt], ['v', v]]));
    expect(out).toMatch(/^[0-9a-f]{64}$/);
    expect(render('{{ Hash .s .v }}', new Map([['s', salt], ['v', v]]))).toBe(out);
  });
});
