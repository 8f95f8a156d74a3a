// Small helpers for unit tests: render a template with Alloy's function map, or get its error.
import { alloyTemplateFuncs, parseTemplate, type FuncMap, type TemplateValue } from '../../../src/template/index.ts';

export function render(text: string, data: TemplateValue = new Map(), funcs: FuncMap | undefined = alloyTemplateFuncs()): string {
  return parseTemplate('pipeline_template', text, funcs).execute(data);
}

export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected an error');
}

export function renderError(text: string, data: TemplateValue = new Map(), funcs: FuncMap | undefined = alloyTemplateFuncs()): string {
  return errorOf(() => render(text, data, funcs));
}

export const data = (obj: Record<string, TemplateValue>): Map<string, TemplateValue> => new Map(Object.entries(obj));
