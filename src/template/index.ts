// Public API of the Go text/template simulation used by loki.process stages.
//
//   parseTemplate(name, text, funcs?)  ≙ template.New(name).Funcs(funcs).Parse(text)
//   alloyTemplateFuncs()               ≙ the FuncMap Alloy's stages install (sprig + Alloy's own)
//   toTemplateData(extracted, extra?)  ≙ the data map a stage hands to Execute
//
// Errors: TemplateError carries Go's exact message (parse or execution). Three other errors mean
// "cannot simulate", never "Alloy fails": TemplateLimitError (a resource bound of ours was hit),
// TemplateUnsupportedError (a sprig function we do not model) and AddressUnknown (Go would print
// a memory address, as printf's %p of a map does). Callers must turn those into an unknown
// verdict. Non-deterministic functions (now, uuidv4, env, rand*) run with a
// placeholder result and are reported in `nondeterministicFuncs` (static) and in
// `executeDetailed(...).nondeterministic` (those that actually ran).
import { builtinFuncs } from './builtins.ts';
import { DEFAULT_LIMITS, executeTree, TemplateLimitError, type ExecLimits, type ExecResult, type FuncLookup } from './exec.ts';
import { specOf, stringFunc, toTemplateFunc, type GoFunc } from './func-spec.ts';
import { expandEnv } from './funcs/expand-env.ts';
import { alloyFuncs } from './funcs/alloy.ts';
import { sprigFuncs, TemplateUnsupportedError } from './funcs/sprig.ts';
import { ParseFailure, parseTrees, type Tree } from './parser.ts';
import type { Node } from './ast.ts';
import { TemplateError, type CompiledTemplate, type FuncMap, type TemplateValue } from './types.ts';
import { fromTemplateValue, INVALID, StringMap } from './values.ts';
import { canonical } from './utf8.ts';
import { formatFloat } from '../go/strconv/format-float.ts';
import { AddressUnknown } from '../go/fmt/print.ts';
import type { GoVersion } from './parser.ts';

export type { GoVersion } from './parser.ts';

export interface ParseOptions {
  /** Which Go release's text/template to follow; default '1.26', the one Alloy is built with. */
  goVersion?: GoVersion;
}

export { TemplateError } from './types.ts';
export type { CompiledTemplate, FuncMap, TemplateFunc, TemplateValue } from './types.ts';
export { TemplateLimitError, DEFAULT_LIMITS } from './exec.ts';
export type { ExecLimits, ExecResult } from './exec.ts';
export { TemplateUnsupportedError } from './funcs/sprig.ts';
export { StringMap, withGoType } from './values.ts';
export { alloyHash, alloySha2Hash } from './funcs/alloy.ts';

/** A parsed template with alloy-scrub's extras. */
export interface ScrubTemplate extends CompiledTemplate {
  /** Non-deterministic functions referenced anywhere in the template (known at parse time). */
  readonly nondeterministicFuncs: readonly string[];
  /** Functions referenced that alloy-scrub does not simulate (executing them throws). */
  readonly unsupportedFuncs: readonly string[];
  /** Like execute, and reports which non-deterministic functions ran. */
  executeDetailed(data: TemplateValue, limits?: ExecLimits): ExecResult;
}

let alloyMap: FuncMap | undefined;

export interface AlloyFuncOptions {
  /**
   * The environment of the Alloy process, when known (a test file's `env`). sprig's `env` and
   * `expandenv` then read it deterministically; without it they are non-deterministic.
   */
  env?: Record<string, string> | Map<string, string>;
}

/** The function map Alloy's loki.process stages give templates: sprig's, overlaid by Alloy's own. */
export function alloyTemplateFuncs(options: AlloyFuncOptions = {}): FuncMap {
  if (options.env !== undefined) {
    const env = options.env instanceof Map ? options.env : new Map(Object.entries(options.env));
    const lookup = (name: string): string => env.get(name) ?? '';
    return Object.freeze({
      ...alloyTemplateFuncs(),
      env: toTemplateFunc(stringFunc(1, lookup)),
      expandenv: toTemplateFunc(stringFunc(1, (s) => expandEnv(s, lookup))),
    }) as FuncMap;
  }
  if (!alloyMap) {
    const m: FuncMap = {};
    for (const [name, spec] of sprigFuncs()) m[name] = toTemplateFunc(spec);
    // Alloy copies its own functions over sprig's map (stages/template.go init), so they win.
    for (const [name, fn] of Object.entries(alloyExtraTemplateFuncs())) m[name] = fn;
    alloyMap = Object.freeze(m) as FuncMap;
  }
  return alloyMap;
}

let alloyOwnMap: FuncMap | undefined;

/** Only Alloy's own additions (ToLower … regexReplaceAllLiteral), without sprig. */
export function alloyExtraTemplateFuncs(): FuncMap {
  if (!alloyOwnMap) {
    const m: FuncMap = {};
    for (const [name, spec] of alloyFuncs()) m[name] = toTemplateFunc(spec);
    alloyOwnMap = Object.freeze(m) as FuncMap;
  }
  return alloyOwnMap;
}

const builtins = builtinFuncs();

function lookupFor(funcs: FuncMap | undefined): FuncLookup & { specs: Map<string, GoFunc> } {
  const specs = new Map<string, GoFunc>();
  if (funcs) for (const name of Object.keys(funcs)) specs.set(name, specOf(funcs[name]!));
  return {
    specs,
    find(name) {
      const fn = specs.get(name);
      if (fn) return { fn, isBuiltin: false };
      const b = builtins.get(name);
      return b ? { fn: b, isBuiltin: true } : undefined;
    },
  };
}

function collectIdentifiers(n: Node | null, out: Set<string>): void {
  if (n === null) return;
  switch (n.type) {
    case 'identifier':
      out.add(n.ident);
      return;
    case 'list':
      n.nodes.forEach((c) => collectIdentifiers(c, out));
      return;
    case 'action':
      collectIdentifiers(n.pipe, out);
      return;
    case 'if':
    case 'range':
    case 'with':
      collectIdentifiers(n.pipe, out);
      collectIdentifiers(n.list, out);
      collectIdentifiers(n.elseList, out);
      return;
    case 'template':
      collectIdentifiers(n.pipe, out);
      return;
    case 'pipe':
      n.cmds.forEach((c) => collectIdentifiers(c, out));
      return;
    case 'command':
      n.args.forEach((c) => collectIdentifiers(c, out));
      return;
    case 'chain':
      collectIdentifiers(n.node, out);
      return;
  }
}

/**
 * Parses like Go's `template.New(name).Funcs(funcs).Parse(text)`. Function names are checked at
 * parse time against `funcs` and the builtins. Throws TemplateError with Go's message.
 */
export function parseTemplate(name: string, text: string, funcs?: FuncMap, options: ParseOptions = {}): ScrubTemplate {
  const source = text;
  text = canonical(text);
  const lookup = lookupFor(funcs);
  const goVersion = options.goVersion ?? '1.26';
  let trees: Map<string, Tree>;
  try {
    trees = parseTrees(name, text, (fn) => lookup.find(fn) !== undefined, goVersion);
  } catch (e) {
    if (e instanceof ParseFailure) throw new TemplateError(e.message);
    throw e;
  }
  const used = new Set<string>();
  for (const t of trees.values()) collectIdentifiers(t.root, used);
  const nondeterministicFuncs = [...used].filter((f) => lookup.find(f)?.fn.nondeterministic).sort();
  const unsupportedFuncs = [...used].filter((f) => isUnsupported(lookup.find(f)?.fn)).sort();
  // A template without actions prints its text whatever the data (the common `replace = "****"`).
  const main0 = trees.get(name);
  const constant =
    main0 !== undefined && main0.root.nodes.every((n) => n.type === 'text' || n.type === 'comment')
      ? main0.root.nodes.map((n) => (n.type === 'text' ? n.text : '')).join('')
      : null;
  const executeDetailed = (data: TemplateValue, limits: ExecLimits = DEFAULT_LIMITS): ExecResult => {
    if (constant !== null && constant.length <= limits.maxOutput) return { output: constant, nondeterministic: [] };
    const main = trees.get(name);
    if (main === undefined) throw new TemplateError(`template: ${name}: ${JSON.stringify(name)} is an incomplete or empty template`);
    // Execute(w, nil) gives an invalid dot, not a nil interface.
    const dot = data === null || data === undefined ? INVALID : fromTemplateValue(data);
    return executeTree(trees, main, dot, lookup, limits, { rangeOverInt: goVersion !== '1.19' });
  };
  return {
    name,
    source,
    nondeterministicFuncs,
    unsupportedFuncs,
    executeDetailed,
    execute: (data) => executeDetailed(data).output,
  };
}

function isUnsupported(fn: GoFunc | undefined): boolean {
  return fn?.unsupported === true;
}

/**
 * Alloy's getString (stages/util.go): how an extracted value becomes template data. Floats print
 * in the shortest 'f' form, integers in decimal, booleans as true/false; anything else (maps,
 * lists, nil) cannot be converted and is left out of the data.
 */
export function goGetString(v: TemplateValue): string | undefined {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return formatFloat(v, 'f', -1);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      return undefined;
  }
}

/**
 * Builds template data the way Alloy's stages do: every extracted value that getString can
 * convert, as a string, then the extras (`Value`, `Entry`). `stage.template` executes with a
 * map[string]interface{} (the default); `stage.replace` with a map[string]string — pass
 * 'map[string]string' for it, so that `index . "missing"` gives "" and `typeOf .` and error texts
 * name that type, as in Alloy.
 */
export function toTemplateData(
  extracted: Map<string, TemplateValue>,
  extra?: Record<string, string> | Map<string, string>,
  goType: 'map[string]interface {}' | 'map[string]string' = 'map[string]interface {}',
): Map<string, TemplateValue> {
  const out: Map<string, TemplateValue> = goType === 'map[string]string' ? (new StringMap() as unknown as Map<string, TemplateValue>) : new Map();
  for (const [k, v] of extracted) {
    const s = goGetString(v);
    if (s !== undefined) out.set(k, s);
  }
  if (extra) {
    const entries = extra instanceof Map ? [...extra] : Object.entries(extra);
    for (const [k, v] of entries) out.set(k, v);
  }
  return out;
}

export { TemplateLimitError as LimitError };
export function isCannotSimulate(e: unknown): boolean {
  return e instanceof TemplateLimitError || e instanceof TemplateUnsupportedError || e instanceof AddressUnknown;
}
