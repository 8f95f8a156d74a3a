// Runs (template, data) cases through Go's text/template (one oracle process for the whole batch)
// and through src/template, and lists the cases where they disagree.
import { askOracle } from '../../oracle/go.ts';
import { alloyExtraTemplateFuncs, alloyTemplateFuncs, parseTemplate, TemplateError, type FuncMap } from '../../../src/template/index.ts';
import { fromBytes, toBytes } from '../../../src/template/utf8.ts';
import { b64, encodeTagged, toTemplateValue, type Tagged } from './tagged.ts';

export interface Case {
  template: string;
  data: Tagged;
  /** Install Alloy's own functions (the oracle has Go versions of those stdlib can express; no sprig, no Hash). */
  funcs: boolean;
  /** Also install the sprig functions the oracle has its own Go renditions of (SPRIG_SUBSET). */
  sprig?: boolean;
}

/** Names of sprig functions the oracle implements itself (test/oracle/template/main.go sprigLike). */
export const SPRIG_SUBSET = [
  'upper', 'lower', 'trim', 'trimAll', 'trimPrefix', 'trimSuffix', 'replace', 'repeat', 'substr', 'trunc', 'contains',
  'hasPrefix', 'hasSuffix', 'quote', 'squote', 'indent', 'sha1sum', 'sha256sum', 'b64enc', 'b64dec', 'toString', 'toJson',
  'join', 'split', 'splitList', 'list', 'default', 'empty', 'coalesce', 'ternary', 'first', 'last', 'reverse', 'sortAlpha',
  'regexMatch', 'regexFind', 'regexFindAll', 'regexSplit', 'regexQuoteMeta', 'base', 'dir', 'ext', 'clean', 'typeOf', 'kindOf',
  'until',
] as const;

let sprigMap: FuncMap | undefined;

function funcsFor(c: Case): FuncMap | undefined {
  if (!c.funcs && !c.sprig) return undefined;
  const m: FuncMap = {};
  if (c.sprig) {
    const withEnv = alloyTemplateFuncs({ env: { A: 'x', B: 'y', '1': 'one' } });
    sprigMap ??= Object.fromEntries([...SPRIG_SUBSET, 'env', 'expandenv'].map((n) => [n, withEnv[n]!]));
    Object.assign(m, sprigMap);
  }
  if (c.funcs) Object.assign(m, alloyExtraTemplateFuncs());
  return m;
}

interface GoAnswer {
  out?: string;
  perr?: string;
  eerr?: string;
  panic?: string;
}

export type Outcome = { out: string } | { perr: string } | { eerr: string } | { other: string };

/** What the TypeScript engine does with a case, following Go 1.19 (the oracle's release). */
export function runOurs(c: Case): Outcome {
  let t;
  try {
    t = parseTemplate('pipeline_template', c.template, funcsFor(c), { goVersion: '1.19' });
  } catch (e) {
    if (e instanceof TemplateError) return { perr: e.message };
    return { other: String(e) };
  }
  try {
    // Compare Go bytes: normalise our spelling of byte strings (split runes re-join).
    return { out: fromBytes(toBytes(t.execute(toTemplateValue(c.data)))) };
  } catch (e) {
    if (e instanceof TemplateError) return { eerr: e.message };
    return { other: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function goOutcome(a: GoAnswer): Outcome {
  if (a.out !== undefined) return { out: fromBytes(new Uint8Array(Buffer.from(a.out, 'base64'))) };
  if (a.perr !== undefined) return { perr: a.perr };
  if (a.eerr !== undefined) return { eerr: a.eerr };
  return { other: `go panic: ${a.panic}` };
}

export interface Disagreement {
  case: Case;
  go: Outcome;
  ours: Outcome;
}

export async function compareWithGo(cases: Case[]): Promise<{ disagreements: Disagreement[]; go: Outcome[] }> {
  const answers = await askOracle<unknown, GoAnswer>(
    'template',
    cases.map((c) => ({ t: b64(c.template), d: encodeTagged(c.data), funcs: c.funcs, sprig: c.sprig === true })),
  );
  const disagreements: Disagreement[] = [];
  const go = answers.map(goOutcome);
  cases.forEach((c, i) => {
    const ours = runOurs(c);
    if (JSON.stringify(ours) !== JSON.stringify(go[i])) disagreements.push({ case: c, go: go[i]!, ours });
  });
  return { disagreements, go };
}
