// Loads a gitleaks TOML configuration the way Alloy's loki.secretfilter does (viper + gitleaks'
// ViperConfig.Translate, gitleaks v8.30): `[[rules]]` with id/description/regex/path/secretGroup/
// entropy/keywords/tags/skipReport, per-rule `[[rules.allowlists]]` (and the deprecated single
// `[rules.allowlist]`), `[[rules.required]]`, global `[[allowlists]]` (with `targetRules`) and the
// deprecated `[allowlist]`, and `[extend]` with `useDefault`, `path` and `disabledRules`.
//
// Behaviour carried over from gitleaks on purpose:
//  * viper matches keys case-insensitively (`secretGroup`, `secretgroup`, `SECRETGROUP`).
//  * keywords are lower-cased; a rule redefined under `useDefault` is merged into the base rule
//    (non-empty fields win, keywords/tags/allowlists are appended).
//  * extension depth is limited to two levels; `useDefault` and `path` together are refused.
//  * rules are validated only after extension (a merged rule may get its regex from the base).
//  * allowlist regexes are joined into one `(?:a|b)` before use, so a leading `(?i)` in one of
//    them also applies to the ones after it, as in gitleaks.
//
// `useDefault = true` extends the project's own default set (default-rules.ts), not the gitleaks
// set Alloy embeds; the config records this so verdicts can carry the caveat.

import { parse as parseToml } from 'smol-toml';
import { compileRegex, type GoRegexp } from '../../regex/index.ts';
import { DEFAULT_RULES } from './default-rules.ts';
import type { Allowlist, GitleaksConfig, Rule } from './model.ts';

const MAX_EXTEND_DEPTH = 2;

/** Failure while building the detector: Alloy wraps it as "failed to create gitleaks detector: …". */
export class GitleaksConfigError extends Error {
  override name = 'GitleaksConfigError';
}

type Table = Map<string, unknown>;

/** A TOML table with lower-cased keys (viper's key handling). */
function table(v: unknown): Table | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return undefined;
  const out: Table = new Map();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out.set(k.toLowerCase(), x);
  return out;
}

function tables(v: unknown): Table[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map((x) => table(x)).filter((x): x is Table => x !== undefined);
  const t = table(v);
  return t ? [t] : [];
}

function str(t: Table, key: string): string {
  const v = t.get(key);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  throw new GitleaksConfigError(`'${key}' expected type 'string', got unconvertible type '${Array.isArray(v) ? 'slice' : 'map'}'`);
}

function num(t: Table, key: string): number {
  const v = t.get(key);
  if (v === undefined || v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return Number(v);
  throw new GitleaksConfigError(`cannot parse '${key}' as a number: ${JSON.stringify(v)}`);
}

function bool(t: Table, key: string): boolean {
  const v = t.get(key);
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return ['1', 't', 'true'].includes(v.toLowerCase());
  throw new GitleaksConfigError(`'${key}' expected type 'bool'`);
}

function strList(t: Table, key: string): string[] | undefined {
  const v = t.get(key);
  if (v === undefined || v === null) return undefined;
  const arr = Array.isArray(v) ? v : [v];
  return arr.map((x) => (typeof x === 'string' ? x : String(x)));
}

/** regexp.MustCompile: gitleaks panics on a bad pattern; Alloy would not start. */
function mustCompile(pattern: string, where: string): GoRegexp {
  try {
    return compileRegex(pattern);
  } catch (e) {
    throw new GitleaksConfigError(`${where}: regexp: Compile(${JSON.stringify(pattern)}): ${(e as Error).message} (gitleaks panics here; Alloy fails to start)`);
  }
}

function parseAllowlist(t: Table, where: string): Allowlist {
  const condRaw = str(t, 'condition').toUpperCase();
  let condition: 'OR' | 'AND';
  if (condRaw === 'AND' || condRaw === '&&') condition = 'AND';
  else if (condRaw === '' || condRaw === 'OR' || condRaw === '||') condition = 'OR';
  else throw new GitleaksConfigError(`${where} unknown allowlist |condition| '${str(t, 'condition')}' (expected 'and', 'or')`);
  const targetRaw = str(t, 'regextarget');
  let regexTarget: Allowlist['regexTarget'];
  if (targetRaw === '' || targetRaw === 'secret') regexTarget = '';
  else if (targetRaw === 'match' || targetRaw === 'line') regexTarget = targetRaw;
  else throw new GitleaksConfigError(`${where} unknown allowlist |regexTarget| '${targetRaw}' (expected 'match', 'line')`);
  const regexes = strList(t, 'regexes') ?? [];
  const compiled = regexes.map((r) => mustCompile(r, where));
  const paths = strList(t, 'paths') ?? [];
  paths.forEach((p) => mustCompile(p, where));
  const commits = strList(t, 'commits') ?? [];
  const stopWords = [...new Set((strList(t, 'stopwords') ?? []).map((w) => w.toLowerCase()))];
  if (commits.length === 0 && paths.length === 0 && regexes.length === 0 && stopWords.length === 0) {
    throw new GitleaksConfigError(`${where} must contain at least one check for: commits, paths, regexes, or stopwords`);
  }
  return {
    description: str(t, 'description'),
    condition,
    regexTarget,
    regex: compiled.length > 0 ? mustCompile('(?:' + compiled.map((r) => r.source).join('|') + ')', where) : undefined,
    regexCount: compiled.length,
    stopWords,
    commitCount: commits.length,
    pathCount: paths.length,
  };
}

interface Translated {
  rules: Map<string, Rule>;
  allowlists: Allowlist[];
  targeted: Map<string, Allowlist[]>;
  extend: { path: string; useDefault: boolean; disabledRules: string[] };
  title: string;
}

function translateRules(doc: Table, origin: Rule['origin']): Translated {
  const rules = new Map<string, Rule>();
  for (const rt of tables(doc.get('rules'))) {
    const id = str(rt, 'id');
    const regexSrc = str(rt, 'regex');
    const pathSrc = str(rt, 'path');
    const rule: Rule = {
      id,
      description: str(rt, 'description'),
      regex: regexSrc !== '' ? mustCompile(regexSrc, id) : undefined,
      path: pathSrc !== '' ? mustCompile(pathSrc, id) : undefined,
      secretGroup: Math.trunc(num(rt, 'secretgroup')),
      entropy: num(rt, 'entropy'),
      keywords: (strList(rt, 'keywords') ?? []).map((k) => k.toLowerCase()),
      allowlists: [],
      required: [],
      skipReport: bool(rt, 'skipreport'),
      origin,
    };
    const single = table(rt.get('allowlist'));
    const many = tables(rt.get('allowlists'));
    if (single && many.length > 0) {
      throw new GitleaksConfigError(`${id}: [rules.allowlist] is deprecated, it cannot be used alongside [[rules.allowlist]]`);
    }
    for (const a of single ? [single] : many) rule.allowlists.push(parseAllowlist(a, `${id}: [[rules.allowlists]]`));
    for (const r of tables(rt.get('required'))) {
      const rid = str(r, 'id');
      if (rid === '') throw new GitleaksConfigError(`${id}: [[rules.required]] rule ID is empty`);
      const wl = r.get('withinlines');
      const wc = r.get('withincolumns');
      rule.required.push({ ruleId: rid, withinLines: wl === undefined ? undefined : num(r, 'withinlines'), withinColumns: wc === undefined ? undefined : num(r, 'withincolumns') });
    }
    // A later rule with the same id replaces the earlier one (map assignment in gitleaks).
    rules.set(id, rule);
  }
  for (const r of rules.values()) {
    for (const req of r.required) {
      if (!rules.has(req.ruleId)) throw new GitleaksConfigError(`${r.id}: [[rules.required]] rule ID '${req.ruleId}' does not exist`);
    }
  }
  const allowlists: Allowlist[] = [];
  const targeted = new Map<string, Allowlist[]>();
  const singleGlobal = table(doc.get('allowlist'));
  const manyGlobal = tables(doc.get('allowlists'));
  if (singleGlobal && manyGlobal.length > 0) throw new GitleaksConfigError('[allowlist] is deprecated, it cannot be used alongside [[allowlists]]');
  for (const a of singleGlobal ? [singleGlobal] : manyGlobal) {
    const al = parseAllowlist(a, '[[allowlists]]');
    const targets = strList(a, 'targetrules') ?? [];
    if (targets.length === 0) allowlists.push(al);
    for (const t of targets) targeted.set(t, [...(targeted.get(t) ?? []), al]);
  }
  const ext = table(doc.get('extend')) ?? new Map();
  return {
    rules,
    allowlists,
    targeted,
    extend: { path: str(ext, 'path'), useDefault: bool(ext, 'usedefault'), disabledRules: strList(ext, 'disabledrules') ?? [] },
    title: str(doc, 'title'),
  };
}

/** gitleaks' Config.extend: base rules not disabled are added; same-id rules are merged. */
function mergeInto(current: Translated, base: Translated): void {
  const disabled = new Set(current.extend.disabledRules);
  for (const [id, baseRule] of base.rules) {
    if (disabled.has(id)) continue;
    const mine = current.rules.get(id);
    if (!mine) {
      current.rules.set(id, baseRule);
      continue;
    }
    current.rules.set(id, {
      ...baseRule,
      description: mine.description !== '' ? mine.description : baseRule.description,
      entropy: mine.entropy !== 0 ? mine.entropy : baseRule.entropy,
      secretGroup: mine.secretGroup !== 0 ? mine.secretGroup : baseRule.secretGroup,
      regex: mine.regex ?? baseRule.regex,
      path: mine.path ?? baseRule.path,
      keywords: [...baseRule.keywords, ...mine.keywords],
      allowlists: [...baseRule.allowlists, ...mine.allowlists],
      origin: 'merged',
    });
  }
  current.allowlists.push(...base.allowlists);
}

function parseDocument(text: string, path: string): Table {
  try {
    return table(parseToml(text)) ?? new Map();
  } catch (e) {
    throw new GitleaksConfigError(`parse gitleaks config: ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export type ReadFile = (path: string) => string;

interface LoadState {
  depth: number;
  readFile: ReadFile;
  usedDefault: boolean;
}

function defaultTranslated(): Translated {
  return { rules: new Map(DEFAULT_RULES().map((r) => [r.id, r])), allowlists: [], targeted: new Map(), extend: { path: '', useDefault: false, disabledRules: [] }, title: 'alloy-scrub default rules' };
}

function translate(doc: Table, state: LoadState, origin: Rule['origin']): Translated {
  const t = translateRules(doc, origin);
  const depth = state.depth;
  if (depth !== MAX_EXTEND_DEPTH) {
    if (t.extend.path !== '' && t.extend.useDefault) {
      throw new GitleaksConfigError('unable to load config due to extend.path and extend.useDefault being set');
    }
    if (t.extend.useDefault) {
      state.depth++;
      state.usedDefault = true;
      mergeInto(t, defaultTranslated());
    } else if (t.extend.path !== '') {
      state.depth++;
      let text: string;
      try {
        text = state.readFile(t.extend.path);
      } catch (e) {
        throw new GitleaksConfigError(`failed to load extended config, err: ${(e as Error).message}`);
      }
      const base = translate(parseDocument(text, t.extend.path), state, 'user');
      mergeInto(t, base);
    }
  }
  return t;
}

/**
 * Builds the detector configuration from a gitleaks TOML text, as Alloy's loadGitleaksConfig does
 * on the first load in a process. `readFile` resolves `[extend] path`.
 */
export function loadGitleaksConfig(text: string, path: string, readFile: ReadFile): GitleaksConfig {
  const state: LoadState = { depth: 0, readFile, usedDefault: false };
  const t = translate(parseDocument(text, path), state, 'user');
  const unresolved: string[] = [];
  for (const rule of [...t.rules.values()]) {
    if (rule.id.trim() === '') {
      const extra = (rule.description ? ', description: ' + rule.description : '') + (rule.regex ? ', regex: ' + rule.regex.source : '') + (rule.path ? ', path: ' + rule.path.source : '');
      throw new GitleaksConfigError('rule |id| is missing or empty' + extra);
    }
    if (!rule.regex && !rule.path) {
      if (state.usedDefault && rule.origin === 'user') {
        // In Alloy this merges into a rule of the embedded gitleaks set that the project's set lacks.
        unresolved.push(rule.id);
        t.rules.delete(rule.id);
        continue;
      }
      throw new GitleaksConfigError(`${rule.id}: both |regex| and |path| are empty, this rule will have no effect`);
    }
    if (rule.regex && rule.secretGroup > rule.regex.numSubexp()) {
      throw new GitleaksConfigError(`${rule.id}: invalid regex secret group ${rule.secretGroup}, max regex secret group ${rule.regex.numSubexp()}`);
    }
  }
  for (const [ruleId, lists] of t.targeted) {
    const rule = t.rules.get(ruleId);
    if (!rule) {
      if (unresolved.includes(ruleId) || state.usedDefault) {
        unresolved.push(ruleId);
        continue;
      }
      throw new GitleaksConfigError(`[[allowlists]] target rule ID '${ruleId}' does not exist`);
    }
    rule.allowlists = [...rule.allowlists, ...lists];
  }
  return { title: t.title, rules: t.rules, allowlists: t.allowlists, usesDefaultSet: state.usedDefault, unresolvedDefaultRules: [...new Set(unresolved)] };
}

/** The configuration Alloy uses without `gitleaks_config`: here, the project's default set. */
export function defaultGitleaksConfig(): GitleaksConfig {
  const t = defaultTranslated();
  return { title: t.title, rules: t.rules, allowlists: [], usesDefaultSet: true, unresolvedDefaultRules: [] };
}

