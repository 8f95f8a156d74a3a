// Templates that call a function Alloy does not define. Alloy parses stage templates when it
// builds the pipeline, so such a template makes Alloy refuse the whole configuration. The check
// is our Go text/template parser with Alloy's function map (sprig plus Alloy's own).
import type { ConfigModel } from '../config/model.ts';
import { alloyTemplateFuncs, parseTemplate, TemplateError } from '../template/index.ts';
import { closestName } from './closest-name.ts';
import { finding, stringAttr } from './finding.ts';
import { lokiProcesses, walkStages } from './stage-walk.ts';
import type { Finding } from './types.ts';

/** Stage attributes that Alloy parses as a Go template. */
const TEMPLATE_ATTRS: Readonly<Record<string, string>> = {
  'stage.replace': 'replace',
  'stage.template': 'template',
};

/** Go's text/template builtins, which are always defined. */
const BUILTINS = ['and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'html', 'js', 'urlquery', 'call', 'eq', 'ne', 'lt', 'le', 'gt', 'ge'];

export function templateFunctionFindings(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  const funcs = alloyTemplateFuncs();
  for (const c of lokiProcesses(model.components.values())) {
    for (const { block } of walkStages(c.blocks)) {
      const attrName = TEMPLATE_ATTRS[block.name];
      const t = attrName ? stringAttr(block, attrName) : undefined;
      if (!t) continue;
      try {
        parseTemplate('pipeline_template', t.value, funcs);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        const m = /function "([^"]+)" not defined/.exec(e.message);
        if (!m) continue; // other template errors are reported by validateConfig
        const guess = closestName(m[1]!, [...Object.keys(funcs), ...BUILTINS], 2);
        out.push(
          finding(
            'template-unknown-function',
            block.file,
            t.attr.range,
            `${block.name} ${attrName} calls ${m[1]}, which is not a template function in Alloy (${e.message}); Alloy refuses to load this configuration`,
            guess ? `use ${guess}` : 'use one of Alloy\'s template functions (ToLower, ToUpper, Replace, Trim…, Hash, Sha2Hash, regexReplaceAll, or sprig\'s)',
          ),
        );
      }
    }
  }
  return out;
}
