// Go text/template for the stages that render one (replace, template, tenant via template…),
// with Alloy's function map, plus the one thing the stages add: knowing when a template's output
// cannot be predicted (clock, randomness, environment), so the entry is marked unknown instead of
// the simulation pretending to know what Alloy would print.
import { alloyTemplateFuncs, isCannotSimulate, parseTemplate, StringMap } from '../../template/index.ts';
import type { FuncMap, TemplateValue } from '../../template/types.ts';

let funcs: FuncMap | undefined;

/** sprig and Alloy functions whose result depends on the clock, randomness or the environment. */
const NON_DETERMINISTIC: ReadonlySet<string> = new Set([
  'now', 'date', 'dateInZone', 'date_in_zone', 'dateModify', 'date_modify', 'mustDateModify',
  'must_date_modify', 'htmlDate', 'htmlDateInZone', 'ago', 'unixEpoch',
  'randAlphaNum', 'randAlpha', 'randAscii', 'randNumeric', 'randBytes', 'randInt', 'uuidv4',
  'shuffle', 'genPrivateKey', 'genCA', 'genCAWithKey', 'genSelfSignedCert', 'genSelfSignedCertWithKey',
  'genSignedCert', 'genSignedCertWithKey', 'env', 'expandenv', 'getHostByName', 'bcrypt', 'htpasswd',
  'encryptAES',
]);

export interface StageTemplate {
  readonly text: string;
  /** Names of functions used whose output Alloy cannot reproduce twice; empty when deterministic. */
  readonly nonDeterministic: readonly string[];
  /** Set when the text has no action: Go then prints it verbatim, whatever the data. */
  readonly constant?: string;
  execute(data: Map<string, TemplateValue>): string;
}

/** Parses like `template.New("pipeline_template").Funcs(functionMap).Parse(text)`; throws Go's error. */
export function compileStageTemplate(text: string): StageTemplate {
  funcs ??= alloyTemplateFuncs();
  const t = parseTemplate('pipeline_template', text, funcs);
  // The engine knows which functions it cannot reproduce; the lexical scan is a second, cautious
  // opinion (it also catches host-dependent functions such as env).
  const nonDeterministic = [...new Set([...t.nondeterministicFuncs, ...findNonDeterministic(text)])].sort();
  // Without "{{" Go's lexer sees one text node; executing it prints the text and reads no data.
  if (!text.includes('{{')) return { text, nonDeterministic, constant: text, execute: () => text };
  return { text, nonDeterministic, execute: (data) => t.execute(data) };
}

/** Go's map[string]string, the data type stage.replace hands its template. */
export function newStringMap(): Map<string, TemplateValue> {
  return new StringMap() as unknown as Map<string, TemplateValue>;
}

/** A failure that is not Go's: the simulation cannot tell what Alloy would print. */
export function cannotSimulate(e: unknown): boolean {
  return isCannotSimulate(e);
}

/** Function names inside `{{ … }}` actions that are known to be non-deterministic. */
function findNonDeterministic(text: string): string[] {
  const found = new Set<string>();
  let i = text.indexOf('{{');
  while (i >= 0) {
    const end = text.indexOf('}}', i + 2);
    const action = end < 0 ? text.slice(i + 2) : text.slice(i + 2, end);
    // Strip string literals so `"now"` as data is not taken for a call.
    const code = action.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""');
    for (const m of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
      const prev = m.index > 0 ? code[m.index - 1] : '';
      if (prev === '.' || prev === '$') continue; // a field or variable, not a function
      if (NON_DETERMINISTIC.has(m[0])) found.add(m[0]);
    }
    if (end < 0) break;
    i = text.indexOf('{{', end + 2);
  }
  return [...found];
}
