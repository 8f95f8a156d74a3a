// Loading an Alloy configuration into the model: parse, sort the top-level blocks the way Alloy's
// loader does (config blocks, declares, custom component instances, built-in components), evaluate
// every attribute statically, and record the graph.
//
// Choices, documented:
// * Component ids inside a module instance are Alloy's global ids: the instance path, a slash, the
//   local id — `scrubber.default/loki.process.inner`, nested `outer.a/inner.b/loki.process.x`.
//   Custom component instances are components too (componentName is the declare's name as written,
//   `scrubber` or `mods.scrubber`, and `custom` is set).
// * Edges: `from` is the component whose attribute holds the reference, `to` the component
//   referenced. `kind: 'forward'` when data flows from → to (a receiver capsule: forward_to,
//   output blocks, receiver lists); `kind: 'reference'` when `from` reads an export of `to`
//   (targets, rules, content): data flows to → from.
// * `constants.hostname|os|arch|version` are unknown unless `opts.constants` supplies them: they
//   describe the machine Alloy runs on, not this one.
// * `env()` reads `opts.env` when given, otherwise the process environment; missing → "".
// * `import.file` paths are read as given with `opts.readFile` (default: the file system), as
//   Alloy opens them relative to its working directory; a relative path that is not found there
//   is tried next to the importing file, with a warning. `import.http` / `import.git` are not fetched:
//   their custom components are unknown (a warning), never guessed.
// * Errors Alloy would raise are error diagnostics; the value involved becomes unknown, so that
//   everything downstream fails closed. Unknown block names are warnings, and so are calls to
//   functions this tool does not know (their results are unknown): both may be newer than the
//   catalogue, and neither is guessed.
// * `foreach` (experimental in Alloy) is simulated when its collection is static: children get
//   Alloy's ids, `foreach.<label>/foreach_<fingerprint>_<n>/<local id>`.
// * Evaluation keeps Go's int64/uint64/float64 kinds; the model receives JavaScript numbers
//   (integers beyond 2^53 lose precision there). Strings past 16 MiB, arrays past 1M elements
//   and configs past 50 000 components (after module instantiation) are not built: the value
//   becomes unknown, or loading stops with an error.

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { AttributeStmt, BlockStmt, Diagnostic, Range, Stmt } from '../syntax/ast.ts';
import { formatPosition } from '../syntax/diagnostics.ts';
import { parseFile } from '../syntax/parse.ts';
import { CONFIG_BLOCK_NAMES, isComponentName, lookupComponent } from './components.ts';
import { EvalError } from './eval/errors.ts';
import { type EvalContext, type ResolvedReference, evaluate } from './eval/evaluator.ts';
import { buildStdlib } from './eval/stdlib.ts';
import { foreachChildIds } from './foreach.ts';
import { type Val, isCapsuleVal, isObjVal, isUnknownVal, objVal, toAlloyValue, unknown } from './eval/values.ts';
import type { Component, ConfigModel, Edge, EvaluatedAttribute, EvaluatedBlock } from './model.ts';
import type { CapsuleValue } from './value.ts';

export interface LoadOptions {
  /** Environment for `env()` / `sys.env()`. A Map or a plain record; default: process.env. */
  env?: ReadonlyMap<string, string> | Readonly<Record<string, string | undefined>>;
  /** Values for `constants.hostname`, `.os`, `.arch`, `.version`; missing ones are unknown. */
  constants?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Reads an imported module file; default: the file system. */
  readFile?: (path: string) => string;
  /**
   * Extra identifiers in scope, as a test harness provides them (Alloy's pipeline tests expose
   * `pipelinetest.loki.url`). Values are strings or nested records of strings.
   */
  globals?: Readonly<Record<string, GlobalValue>>;
}

export type GlobalValue = string | { readonly [key: string]: GlobalValue };

function globalToVal(v: GlobalValue): Val {
  return typeof v === 'string' ? v : objVal(Object.entries(v).map(([k, x]) => [k, globalToVal(x)]));
}

/** Bounds nested module instantiation (a module that instantiates itself would never end). */
const MAX_MODULE_DEPTH = 32;
/** Bounds the components created by module and foreach instantiation. */
const MAX_COMPONENTS = 50_000;

interface DeclareDef {
  name: string;
  block: BlockStmt;
  file: string;
  /** Where nested custom components inside the declare are looked up. */
  registry: Registry;
  modulePath: string;
}

/** Alloy's CustomComponentRegistry: declares and import namespaces, with a parent for lookups. */
interface Registry {
  parent?: Registry;
  declares: Map<string, DeclareDef>;
  /** namespace → the imported module's registry, or an unknown reason when it cannot be read. */
  imports: Map<string, Registry | { unknown: string }>;
}

type NodeEntry =
  | { kind: 'component'; localId: string; globalId: string; block: BlockStmt; scope: Scope; known: boolean; result?: Component }
  | {
      kind: 'instance';
      localId: string;
      globalId: string;
      block: BlockStmt;
      scope: Scope;
      declare?: DeclareDef;
      unknownReason?: string;
      state: 'new' | 'evaluating' | 'done';
      result?: Component;
      exports?: Val;
      child?: Scope;
    }
  | { kind: 'argument'; localId: string; block: BlockStmt; scope: Scope; state: 'new' | 'evaluating' | 'done'; value?: Val }
  | { kind: 'foreach'; localId: string; block: BlockStmt; scope: Scope; state: 'new' | 'done'; children: Scope[] }
  | { kind: 'other'; localId: string; block: BlockStmt; scope: Scope };

interface Scope {
  /** Global id prefix of the module instance ('' at the root). */
  prefix: string;
  file: string;
  modulePath: string;
  registry: Registry;
  nodes: Map<string, NodeEntry>;
  /** Node ids in source order, for the model's component order. */
  order: string[];
  exports: BlockStmt[];
  configBlocks: BlockStmt[];
  /** Instance arguments (module scopes only). */
  args?: Map<string, { value: Val; range: Range }>;
  depth: number;
  identifiers: Map<string, Val>;
  /** For a foreach child: the enclosing scope, whose components the template may reference. */
  outer?: Scope;
}

function toMap(src: ReadonlyMap<string, string> | Readonly<Record<string, string | undefined>> | undefined): Map<string, string> | undefined {
  if (src === undefined) return undefined;
  if (src instanceof Map) return new Map(src);
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(src)) if (v !== undefined) m.set(k, v);
  return m;
}

function blockId(b: BlockStmt): string {
  const name = b.name.join('.');
  return b.label ? `${name}.${b.label}` : name;
}

function globalId(prefix: string, localId: string): string {
  return prefix ? `${prefix}/${localId}` : localId;
}

class Loader {
  readonly diagnostics: Diagnostic[] = [];
  readonly edges: Edge[] = [];
  private readonly edgeKeys = new Set<string>();
  private readonly env: Map<string, string> | undefined;
  private readonly baseStdlib: Map<string, Val>;
  private readonly readFile: (path: string) => string;
  private readonly importCache = new Map<string, Registry | { unknown: string }>();

  constructor(opts: LoadOptions) {
    this.env = toMap(opts.env);
    const constants = toMap(opts.constants) ?? new Map<string, string>();
    this.baseStdlib = buildStdlib({
      env: (name) => (this.env ? this.env.get(name) : process.env[name]),
      constants,
    });
    for (const [name, value] of Object.entries(opts.globals ?? {})) this.baseStdlib.set(name, globalToVal(value));
    this.readFile = opts.readFile ?? ((p) => readFileSync(p, 'utf8'));
  }

  error(file: string, message: string, range: Range): void {
    this.diagnostics.push({ severity: 'error', file, message, range });
  }

  warn(file: string, message: string, range: Range): void {
    this.diagnostics.push({ severity: 'warning', file, message, range });
  }

  // ---- scopes -------------------------------------------------------------------------------

  /** Sorts a body's blocks into nodes, declares and config blocks, as Alloy's loader does. */
  buildScope(
    body: Stmt[],
    file: string,
    prefix: string,
    parentRegistry: Registry | undefined,
    modulePath: string,
    depth: number,
    inModule: boolean,
    args?: Map<string, { value: Val; range: Range }>,
    outer?: Scope,
    vars?: ReadonlyMap<string, Val>,
  ): Scope {
    const registry: Registry = { parent: parentRegistry, declares: new Map(), imports: new Map() };
    const identifiers = new Map(this.baseStdlib);
    identifiers.set('module_path', modulePath);
    for (const [k, v] of vars ?? []) identifiers.set(k, v);
    const scope: Scope = {
      prefix,
      file,
      modulePath,
      registry,
      nodes: new Map(),
      order: [],
      exports: [],
      configBlocks: [],
      args,
      depth,
      identifiers,
      outer,
    };
    const seen = new Map<string, BlockStmt>();
    const claim = (id: string, b: BlockStmt): boolean => {
      const prev = seen.get(id);
      if (prev) {
        this.error(file, `block ${id} already declared at ${formatPosition(file, prev.range.start)}`, b.nameRange);
        return false;
      }
      seen.set(id, b);
      return true;
    };

    // Declares and imports first: whether a block is a custom component depends on them.
    for (const stmt of body) {
      if (stmt.kind !== 'Block') continue;
      const name = stmt.name.join('.');
      if (name === 'declare') {
        if (!stmt.label || stmt.label === '') {
          this.error(file, 'block "declare" requires non-empty label', stmt.nameRange);
          continue;
        }
        if (stmt.label === 'declare') {
          this.error(file, "'declare' is not a valid label for a declare block", stmt.nameRange);
          continue;
        }
        if (!claim(`declare.${stmt.label}`, stmt)) continue;
        registry.declares.set(stmt.label, { name: stmt.label, block: stmt, file, registry, modulePath });
      } else if (name.startsWith('import.') && CONFIG_BLOCK_NAMES.has(name) && !!stmt.label) {
        if (!claim(blockId(stmt), stmt)) continue;
        registry.imports.set(stmt.label, this.loadImport(stmt, scope));
      }
    }

    for (const stmt of body) {
      if (stmt.kind === 'Attribute') {
        this.error(file, `unrecognized attribute ${stmt.name.name}`, stmt.name.range);
        continue;
      }
      const name = stmt.name.join('.');
      if (name === 'declare') continue;
      const id = blockId(stmt);
      if (CONFIG_BLOCK_NAMES.has(name)) {
        // Imports were claimed in the first pass.
        if (!(name.startsWith('import.') && !!stmt.label) && !claim(id, stmt)) continue;
        scope.configBlocks.push(stmt);
        if (name === 'argument') {
          if (!inModule) this.error(file, 'argument blocks only allowed inside a module', stmt.range);
          else if (stmt.label) this.addNode(scope, { kind: 'argument', localId: id, block: stmt, scope, state: 'new' });
        } else if (name === 'export') {
          if (!inModule) this.error(file, 'export blocks only allowed inside a module', stmt.range);
          else scope.exports.push(stmt);
        } else if ((name === 'logging' || name === 'tracing') && inModule) {
          this.error(file, `${name} block not allowed inside a module`, stmt.range);
        } else if (name.startsWith('import.') && !!stmt.label) {
          this.addNode(scope, { kind: 'other', localId: id, block: stmt, scope });
        } else if (name === 'foreach') {
          // Alloy refuses foreach unless run with --stability.level=experimental; simulate it as if
          // that flag were given, and say so.
          this.warn(
            file,
            'config block "foreach" is at stability level "experimental", which is below the minimum allowed stability level "generally-available". Use --stability.level command-line flag to enable "experimental" features',
            stmt.nameRange,
          );
          if (stmt.label) this.addNode(scope, { kind: 'foreach', localId: id, block: stmt, scope, state: 'new', children: [] });
        } else if (['http', 'remotecfg', 'livedebugging'].includes(name) && inModule) {
          this.error(file, `service blocks not allowed inside a module: ${JSON.stringify(name)}`, stmt.nameRange);
        }
        continue;
      }
      if (this.isCustomComponent(registry, stmt.name[0]!)) {
        if (!claim(id, stmt)) continue;
        const { declare, reason } = this.findDeclare(registry, stmt.name);
        this.addNode(scope, {
          kind: 'instance',
          localId: id,
          globalId: globalId(prefix, id),
          block: stmt,
          scope,
          declare,
          unknownReason: reason,
          state: 'new',
        });
        continue;
      }
      if (isComponentName(name)) {
        if (!stmt.label) {
          this.error(file, `component ${JSON.stringify(name)} must have a label`, stmt.nameRange);
          continue;
        }
        if (!claim(id, stmt)) continue;
        this.addNode(scope, { kind: 'component', localId: id, globalId: globalId(prefix, id), block: stmt, scope, known: true });
        continue;
      }
      // Alloy refuses an unknown component; we warn (it may be newer than this catalogue) and
      // keep it as a component whose exports are unknown, so references to it fail closed.
      this.warn(file, `cannot find the definition of component name ${JSON.stringify(name)}`, stmt.nameRange);
      if (stmt.label && claim(id, stmt)) {
        this.addNode(scope, { kind: 'component', localId: id, globalId: globalId(prefix, id), block: stmt, scope, known: false });
      }
    }

    return scope;
  }

  private addNode(scope: Scope, entry: NodeEntry): void {
    scope.nodes.set(entry.localId, entry);
    scope.order.push(entry.localId);
  }

  /** Module instances multiply components; bound the total so a hostile config cannot explode. */
  private componentBudget = MAX_COMPONENTS;
  private takeComponentBudget(n: number, file: string, range: Range): boolean {
    if (this.componentBudget < n) {
      if (this.componentBudget >= 0) this.error(file, `more than ${MAX_COMPONENTS} components after module instantiation; alloy-scrub stops here`, range);
      this.componentBudget = -1;
      return false;
    }
    this.componentBudget -= n;
    return true;
  }

  private isCustomComponent(reg: Registry | undefined, first: string): boolean {
    for (let r = reg; r; r = r.parent) if (r.declares.has(first) || r.imports.has(first)) return true;
    return false;
  }

  private findDeclare(reg: Registry, name: string[]): { declare?: DeclareDef; reason?: string } {
    if (name.length === 1) {
      for (let r: Registry | undefined = reg; r; r = r.parent) {
        const d = r.declares.get(name[0]!);
        if (d) return { declare: d };
      }
      return { reason: `custom component ${JSON.stringify(name[0])} is not declared` };
    }
    const [ns, ...rest] = name;
    for (let r: Registry | undefined = reg; r; r = r.parent) {
      const imp = r.imports.get(ns!);
      if (!imp) continue;
      if ('unknown' in imp) return { reason: imp.unknown };
      const d = rest.length === 1 ? imp.declares.get(rest[0]!) : undefined;
      if (d) return { declare: d };
      return { reason: `custom component config not found in the registry, namespace: ${JSON.stringify(ns)}, componentName: ${JSON.stringify(rest.join('.'))}` };
    }
    return { reason: `namespace ${JSON.stringify(ns)} is not imported` };
  }

  /** Reads an import.file / import.string module into a registry of its declares. */
  private loadImport(b: BlockStmt, scope: Scope): Registry | { unknown: string } {
    const name = b.name.join('.');
    const attr = (n: string) => b.body.find((s): s is AttributeStmt => s.kind === 'Attribute' && s.name.name === n);
    let text: string;
    let moduleFile: string;
    if (name === 'import.file' || name === 'import.string') {
      const a = attr(name === 'import.file' ? 'filename' : 'content');
      if (!a) {
        this.error(scope.file, `missing required attribute ${JSON.stringify(name === 'import.file' ? 'filename' : 'content')}`, b.nameRange);
        return { unknown: `${blockId(b)} is incomplete` };
      }
      const v = this.evalStatic(a, scope);
      if (typeof v !== 'string') {
        const why = isUnknownVal(v) ? v.reason : 'it is not a string';
        this.warn(scope.file, `${blockId(b)} cannot be read statically: ${why}`, a.value.range);
        return { unknown: `${blockId(b)} cannot be read statically` };
      }
      if (name === 'import.string') {
        text = v;
        moduleFile = `${scope.file}#${blockId(b)}`;
      } else {
        // Alloy opens the path as given (relative to its working directory). When that fails for
        // a relative path, try it next to the importing file, and say so.
        moduleFile = v;
        const cached = this.importCache.get(moduleFile);
        if (cached) return cached;
        try {
          text = this.readFile(moduleFile);
        } catch (err) {
          if ((err as { code?: string }).code === 'EISDIR') {
            this.warn(scope.file, `${blockId(b)} imports a directory; directory modules are not simulated by alloy-scrub`, a.value.range);
            return { unknown: `${blockId(b)} imports a directory` };
          }
          const beside = join(dirname(scope.file), v);
          let found: string | undefined;
          if (!isAbsolute(v) && beside !== v) {
            try {
              found = this.readFile(beside);
            } catch {
              found = undefined;
            }
          }
          if (found === undefined) {
            this.error(scope.file, `failed to read ${moduleFile}: ${(err as Error).message}`, a.value.range);
            return { unknown: `${moduleFile} could not be read` };
          }
          this.warn(scope.file, `${v} was read from ${beside}; Alloy resolves relative paths against its working directory (use file.path_join(module_path, ${JSON.stringify(v)}))`, a.value.range);
          text = found;
          moduleFile = beside;
        }
      }
    } else {
      this.warn(scope.file, `${name} modules are fetched at run time; their components are unknown to alloy-scrub`, b.nameRange);
      return { unknown: `${blockId(b)} is fetched at run time` };
    }
    if (scope.depth >= MAX_MODULE_DEPTH) {
      this.error(scope.file, `modules nested deeper than ${MAX_MODULE_DEPTH} levels`, b.nameRange);
      return { unknown: 'modules nested too deeply' };
    }
    const parsed = parseFile(text, moduleFile);
    this.diagnostics.push(...parsed.diagnostics);
    const reg: Registry = { declares: new Map(), imports: new Map() };
    const modDir = name === 'import.file' ? dirname(moduleFile) : scope.modulePath;
    // An imported module exposes its declares; its own imports serve those declares.
    const modScope = this.buildScope(
      parsed.file.body.filter((s) => s.kind === 'Block' && (s.name.join('.') === 'declare' || s.name[0] === 'import')),
      moduleFile,
      scope.prefix,
      undefined,
      modDir,
      scope.depth + 1,
      true,
    );
    for (const [k, d] of modScope.registry.declares) reg.declares.set(k, d);
    for (const [k, i] of modScope.registry.imports) reg.imports.set(k, i);
    if (name === 'import.file') this.importCache.set(moduleFile, reg);
    return reg;
  }

  private evalStatic(a: AttributeStmt, scope: Scope): Val {
    try {
      return evaluate(a.value, this.context(scope, undefined));
    } catch (err) {
      if (err instanceof EvalError) {
        this.error(scope.file, err.message, err.range);
        return unknown(err.message, err.range);
      }
      throw err;
    }
  }

  // ---- evaluation ---------------------------------------------------------------------------

  /** The evaluation context of a scope; `owner` receives the reference edges. */
  private context(scope: Scope, owner: { id: string; refs: Array<{ ref: ResolvedReference; range: Range }> } | undefined): EvalContext {
    return {
      identifiers: scope.identifiers,
      resolve: (names) => {
        for (let s: Scope | undefined = scope; s; s = s.outer) {
          for (let i = 1; i <= names.length; i++) {
            const id = names.slice(0, i).join('.');
            const entry = s.nodes.get(id);
            if (entry) return { nodeId: this.entryGlobalId(entry), value: this.exportsOf(entry), consumed: i };
          }
        }
        return undefined;
      },
      onReference: (ref, range) => owner?.refs.push({ ref, range }),
      warn: (message, range) => this.warn(scope.file, message, range),
    };
  }

  private entryGlobalId(e: NodeEntry): string {
    if (e.kind === 'component' || e.kind === 'instance') return e.globalId;
    return globalId(e.scope.prefix, e.localId);
  }

  /** The value a reference to a node sees: its exports. */
  private exportsOf(e: NodeEntry): Val {
    switch (e.kind) {
      case 'component': {
        const spec = e.known ? lookupComponent(e.block.name.join('.')) : undefined;
        if (!spec) return unknown(`the exports of ${e.globalId} are unknown to alloy-scrub`, e.block.nameRange);
        const fields: Array<[string, Val]> = [];
        for (const ex of spec.exports.values()) {
          if (ex.capsule) {
            const c: CapsuleValue = { kind: 'capsule', type: ex.capsule, componentId: e.globalId, exportName: ex.name };
            fields.push([ex.name, c]);
          } else {
            fields.push([ex.name, unknown(`${e.globalId}.${ex.name} is only known at run time`, e.block.nameRange)]);
          }
        }
        return objVal(fields);
      }
      case 'instance':
        this.instantiate(e);
        return e.exports ?? unknown(`the exports of ${e.globalId} are unknown`, e.block.nameRange);
      case 'argument':
        return objVal([['value', this.argumentValue(e)]]);
      case 'other':
      case 'foreach':
        return objVal([]);
    }
  }

  private argumentValue(e: Extract<NodeEntry, { kind: 'argument' }>): Val {
    if (e.state === 'done') return e.value!;
    if (e.state === 'evaluating') return unknown(`cyclic reference through argument.${e.block.label}`, e.block.nameRange);
    e.state = 'evaluating';
    const label = e.block.label!;
    const given = e.scope.args?.get(label);
    let value: Val;
    if (given) value = given.value;
    else {
      const def = e.block.body.find((s): s is AttributeStmt => s.kind === 'Attribute' && s.name.name === 'default');
      const opt = e.block.body.find((s): s is AttributeStmt => s.kind === 'Attribute' && s.name.name === 'optional');
      const optional = opt ? this.evalStatic(opt, e.scope) === true : false;
      if (def) value = this.evalStatic(def, e.scope);
      else if (optional) value = null;
      else {
        this.error(e.scope.file, `missing required argument ${JSON.stringify(label)} to module`, e.block.nameRange);
        value = unknown(`missing required argument ${JSON.stringify(label)} to module`, e.block.nameRange);
      }
    }
    e.value = value;
    e.state = 'done';
    return value;
  }

  /** Evaluates a component's block: attributes and nested blocks, recording its edges. */
  private evaluateComponent(entry: Extract<NodeEntry, { kind: 'component' | 'instance' }>, raw?: Map<string, Val>): Component {
    const refs: Array<{ ref: ResolvedReference; range: Range }> = [];
    const owner = { id: entry.globalId, refs };
    const ctx = this.context(entry.scope, owner);
    const evaluated = this.evaluateBlock(entry.block, entry.scope.file, ctx, '', entry.globalId, refs, raw);
    const comp: Component = {
      ...evaluated,
      id: entry.globalId,
      componentName: entry.block.name.join('.'),
    };
    if (entry.kind === 'instance') comp.custom = true;
    return comp;
  }

  /**
   * Evaluates a block body. Edges are recorded per attribute (`via` is the attribute path) when
   * `ownerId` is given; `raw` receives the evaluator's values of the block's own attributes.
   */
  private evaluateBlock(
    b: BlockStmt,
    file: string,
    ctx: EvalContext,
    path: string,
    ownerId: string | undefined,
    refs: Array<{ ref: ResolvedReference; range: Range }>,
    raw?: Map<string, Val>,
  ): EvaluatedBlock {
    const attributes = new Map<string, EvaluatedAttribute>();
    const blocks: EvaluatedBlock[] = [];
    for (const s of b.body) {
      if (s.kind === 'Attribute') {
        const via = path ? `${path}.${s.name.name}` : s.name.name;
        refs.length = 0;
        let v: Val;
        try {
          v = evaluate(s.value, ctx);
        } catch (err) {
          if (!(err instanceof EvalError)) throw err;
          this.error(file, err.message, err.range);
          v = unknown(err.message, err.range);
        }
        if (ownerId) this.recordEdges(ownerId, via, v, refs, s.value.range);
        raw?.set(s.name.name, v);
        attributes.set(s.name.name, { name: s.name.name, value: toAlloyValue(v), expr: s.value, range: s.range });
      } else {
        const childPath = path ? `${path}.${s.name.join('.')}` : s.name.join('.');
        blocks.push(this.evaluateBlock(s, file, ctx, childPath, ownerId, refs));
      }
    }
    return {
      name: b.name.join('.'),
      ...(b.label ? { label: b.label } : {}),
      attributes,
      blocks,
      range: b.range,
      file,
    };
  }

  private recordEdges(from: string, via: string, v: Val, refs: Array<{ ref: ResolvedReference; range: Range }>, valueRange: Range): void {
    const capsules = new Map<string, CapsuleValue>();
    collectCapsules(v, capsules);
    for (const { ref, range } of refs) {
      if (!this.isComponentId(ref.nodeId)) continue;
      const c = capsules.get(ref.nodeId);
      this.addEdge({ from, to: ref.nodeId, via, range, kind: c && isReceiver(c) ? 'forward' : 'reference' });
    }
    for (const [to, c] of capsules) {
      // A capsule from a module instance's export: blame the reference to that instance.
      const via_ = refs.find(({ ref }) => to.startsWith(`${ref.nodeId}/`));
      this.addEdge({ from, to, via, range: via_ ? via_.range : valueRange, kind: isReceiver(c) ? 'forward' : 'reference' });
    }
  }

  private readonly componentIds = new Set<string>();
  private isComponentId(id: string): boolean {
    return this.componentIds.has(id);
  }

  private addEdge(e: Edge & { kind: 'forward' | 'reference' }): void {
    const key = `${e.from}\u0000${e.to}\u0000${e.via}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push(e);
  }

  /** Evaluates an instance's arguments, its module body and its exports (once). */
  instantiate(e: Extract<NodeEntry, { kind: 'instance' }>): void {
    if (e.state === 'done') return;
    if (e.state === 'evaluating') {
      e.exports = unknown(`cyclic reference through ${e.globalId}`, e.block.nameRange);
      return;
    }
    e.state = 'evaluating';
    this.componentIds.add(e.globalId);
    // Arguments are the instance block's attributes, evaluated in the enclosing scope (the
    // evaluator's values are kept: numbers keep their Go kind inside the module).
    const raw = new Map<string, Val>();
    const comp = this.evaluateComponent(e, raw);
    e.result = comp;
    if (!e.declare) {
      this.warn(e.scope.file, `${e.localId}: ${e.unknownReason ?? 'custom component is unknown'}; its pipeline is not simulated`, e.block.nameRange);
      e.exports = unknown(`the exports of ${e.globalId} are unknown: ${e.unknownReason ?? ''}`.trim(), e.block.nameRange);
      e.state = 'done';
      return;
    }
    if (e.scope.depth >= MAX_MODULE_DEPTH) {
      this.error(e.scope.file, `modules nested deeper than ${MAX_MODULE_DEPTH} levels`, e.block.nameRange);
      e.exports = unknown('modules nested too deeply', e.block.nameRange);
      e.state = 'done';
      return;
    }
    const args = new Map<string, { value: Val; range: Range }>();
    for (const s of e.block.body) {
      if (s.kind === 'Block') {
        this.error(e.scope.file, 'nested blocks not supported here', s.range);
        continue;
      }
      args.set(s.name.name, { value: raw.get(s.name.name) ?? null, range: s.range });
    }
    const d = e.declare;
    const child = this.buildScope(d.block.body, d.file, e.globalId, d.registry, d.modulePath, e.scope.depth + 1, true, args);
    e.child = child;
    for (const [argName, a] of args) {
      if (!child.nodes.has(`argument.${argName}`)) {
        // Alloy gives this error no position; point at the instance's attribute.
        this.error(e.scope.file, `Provided argument ${JSON.stringify(argName)} is not defined in the module`, a.range);
      }
    }
    this.registerComponents(child);
    this.evaluateScope(child);
    const fields: Array<[string, Val]> = [];
    for (const ex of child.exports) {
      const valueAttr = ex.body.find((s): s is AttributeStmt => s.kind === 'Attribute' && s.name.name === 'value');
      if (ex.label === undefined) continue;
      fields.push([ex.label, valueAttr ? this.evalStatic(valueAttr, child) : null]);
    }
    e.exports = objVal(fields);
    e.state = 'done';
  }

  registerComponents(scope: Scope): void {
    for (const n of scope.nodes.values()) if (n.kind === 'component' || n.kind === 'instance') this.componentIds.add(n.globalId);
  }

  evaluateScope(scope: Scope): void {
    if (!this.takeComponentBudget(scope.order.length, scope.file, scope.nodes.values().next().value?.block.nameRange ?? ZERO_RANGE)) {
      scope.order.length = 0;
      return;
    }
    for (const id of scope.order) {
      const n = scope.nodes.get(id)!;
      if (n.kind === 'component') n.result = this.evaluateComponent(n);
      else if (n.kind === 'instance') this.instantiate(n);
      else if (n.kind === 'argument') this.argumentValue(n);
      else if (n.kind === 'foreach') this.instantiateForeach(n);
    }
  }

  /** Instantiates a foreach template once per item of a statically known collection. */
  private instantiateForeach(n: Extract<NodeEntry, { kind: 'foreach' }>): void {
    if (n.state === 'done') return;
    n.state = 'done';
    const { scope, block } = n;
    const attr = (name: string) => block.body.find((s): s is AttributeStmt => s.kind === 'Attribute' && s.name.name === name);
    const template = block.body.find((s): s is BlockStmt => s.kind === 'Block' && s.name.join('.') === 'template');
    const collAttr = attr('collection');
    const varAttr = attr('var');
    if (!collAttr || !varAttr || !template) {
      this.error(scope.file, 'foreach requires collection, var and a template block', block.nameRange);
      return;
    }
    const collection = this.evalStatic(collAttr, scope);
    const varName = this.evalStatic(varAttr, scope);
    const idAttr = attr('id');
    const idField = idAttr ? this.evalStatic(idAttr, scope) : '';
    const hashAttr = attr('hash_string_id');
    const hashIds = hashAttr ? this.evalStatic(hashAttr, scope) === true : false;
    if (!Array.isArray(collection) || typeof varName !== 'string' || typeof idField !== 'string') {
      const why = isUnknownVal(collection) ? collection.reason : 'its collection is not a static list';
      this.warn(scope.file, `${n.localId}: the components of this foreach are not simulated: ${why}`, collAttr.value.range);
      return;
    }
    const ids = foreachChildIds(collection, idField, hashIds);
    const base = globalId(scope.prefix, n.localId);
    collection.forEach((item, i) => {
      const childId = ids[i];
      if (childId === undefined) {
        this.warn(scope.file, `${n.localId}: item ${i} of the collection cannot be identified statically; its components are not simulated`, collAttr.value.range);
        return;
      }
      const child = this.buildScope(
        template.body,
        scope.file,
        `${base}/${childId}`,
        scope.registry,
        scope.modulePath,
        scope.depth + 1,
        true,
        undefined,
        scope,
        new Map([[varName, item]]),
      );
      n.children.push(child);
      this.registerComponents(child);
      this.evaluateScope(child);
    });
  }

  /** Components of a scope in source order, each module instance followed by its module's. */
  collect(scope: Scope, out: Map<string, Component>): void {
    for (const id of scope.order) {
      const n = scope.nodes.get(id)!;
      if ((n.kind === 'component' || n.kind === 'instance') && n.result) out.set(n.globalId, n.result);
      if (n.kind === 'instance' && n.child) this.collect(n.child, out);
      if (n.kind === 'foreach') for (const c of n.children) this.collect(c, out);
    }
  }

  evaluateConfigBlocks(scope: Scope): EvaluatedBlock[] {
    const out: EvaluatedBlock[] = [];
    const declares = [...scope.registry.declares.values()].map((d) => d.block);
    const all = [...scope.configBlocks, ...declares].sort((a, b) => a.range.start.offset - b.range.start.offset);
    const ctx = this.context(scope, undefined);
    for (const b of all) {
      const name = b.name.join('.');
      if (name === 'declare' || name === 'foreach') {
        // Their bodies are templates: evaluated per instance, not here.
        out.push({ name, ...(b.label ? { label: b.label } : {}), attributes: new Map(), blocks: [], range: b.range, file: scope.file });
        continue;
      }
      out.push(this.evaluateBlock(b, scope.file, ctx, '', undefined, []));
    }
    return out;
  }
}

const ZERO_RANGE: Range = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

function isReceiver(c: CapsuleValue): boolean {
  return c.type === 'loki.LogsReceiver' || c.type === 'storage.Appendable' || c.type === 'otelcol.Consumer' || c.exportName === 'receiver';
}

function collectCapsules(v: Val, out: Map<string, CapsuleValue>): void {
  if (isCapsuleVal(v)) {
    if (!out.has(v.componentId)) out.set(v.componentId, v);
  } else if (Array.isArray(v)) v.forEach((x) => collectCapsules(x, out));
  else if (isObjVal(v)) v.fields.forEach((x) => collectCapsules(x, out));
}

/** A module instantiated several times reports the same problem once. */
function dedupeDiagnostics(model: ConfigModel): void {
  const seen = new Set<string>();
  const kept = model.diagnostics.filter((d) => {
    const key = `${d.severity}\u0000${d.file}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  model.diagnostics.splice(0, model.diagnostics.length, ...kept);
}

/**
 * Modules are evaluated when first referenced, so edges are recorded out of order; give them the
 * order of their `from` component, then of their position in the source.
 */
function sortEdges(model: ConfigModel): void {
  const rank = new Map([...model.components.keys()].map((id, i) => [id, i]));
  model.edges.sort(
    (a, b) =>
      (rank.get(a.from) ?? 0) - (rank.get(b.from) ?? 0) ||
      a.range.start.offset - b.range.start.offset ||
      (a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
  );
}

/** Parses and evaluates an Alloy configuration. Never throws for problems in the text. */
export function loadConfig(source: string, file: string, opts: LoadOptions = {}): ConfigModel {
  const parsed = parseFile(source, file);
  const loader = new Loader(opts);
  loader.diagnostics.push(...parsed.diagnostics);
  const model: ConfigModel = { file, source, components: new Map(), configBlocks: [], edges: loader.edges, diagnostics: loader.diagnostics };
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return model;
  const root = loader.buildScope(parsed.file.body, file, '', undefined, dirname(file), 0, false);
  loader.registerComponents(root);
  loader.evaluateScope(root);
  loader.collect(root, model.components);
  model.configBlocks = loader.evaluateConfigBlocks(root);
  sortEdges(model);
  dedupeDiagnostics(model);
  return model;
}

/** Reads and loads a configuration file. */
export function loadConfigFile(path: string, opts: LoadOptions = {}): ConfigModel {
  const read = opts.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  return loadConfig(read(path), path, opts);
}
