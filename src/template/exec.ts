// The text/template executor: walks a parse tree over reflect-like values the way Go's
// text/template/exec.go does — same evaluation order, same argument conversion, same points at
// which the "current node" for error messages moves — so that output and error texts match Go.
import type { ArgNode, BranchNode, CommandNode, ListNode, Node, PipeNode, VariableNode } from './ast.ts';
import { nodeString } from './ast.ts';
import { quote } from '../go/strconv/quote.ts';
import { sprint, sprintf } from './fmt/print.ts';
import { GoCallError, type CallEnv, type GoFunc } from './func-spec.ts';
import type { Tree } from './parser.ts';
import { TemplateError } from './types.ts';
import { byteLength } from './utf8.ts';
import {
  INVALID,
  T,
  coerce,
  indirect,
  indirectInterface,
  isIntKind,
  isTrue,
  isUintKind,
  isValid,
  rv,
  sortedKeys,
  type GoType,
  type RV,
} from './values.ts';

/** Execution stopped for a reason Go would not stop for: a resource bound of alloy-scrub. */
export class TemplateLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateLimitError';
  }
}

export interface ExecLimits {
  /** Maximum output length in UTF-16 units. */
  maxOutput: number;
  /** Maximum nested {{template}} calls. Go allows 100000; the JS stack does not. */
  maxDepth: number;
  /** Maximum evaluation steps (nodes walked, commands run), bounding loops like `range 1e9`. */
  maxSteps: number;
}

/** Go-release-dependent behaviour of the executor (see parser.ts GoVersion). */
export interface ExecOptions {
  /** Go 1.22+ ranges over integers; 1.19 refuses with "range can't iterate over N". */
  rangeOverInt: boolean;
}

export const DEFAULT_LIMITS: ExecLimits = { maxOutput: 16 * 1024 * 1024, maxDepth: 1000, maxSteps: 10_000_000 };

/** What the executor needs to know about functions: the FuncMap first, then Go's builtins. */
export interface FuncLookup {
  find(name: string): { fn: GoFunc; isBuiltin: boolean } | undefined;
}

const MISSING: RV = Object.freeze({ t: { name: 'missingValType', kind: 'struct' as const }, v: undefined });

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

interface Variable {
  name: string;
  value: RV;
}

/** Shared by all template frames of one execution; it is also the functions' CallEnv. */
class Run implements CallEnv {
  out = '';
  steps = 0;
  nondeterministic: Set<string> | null = null;

  constructor(
    readonly trees: Map<string, Tree>,
    readonly funcs: FuncLookup,
    readonly limits: ExecLimits,
    readonly options: ExecOptions,
  ) {}

  get env(): CallEnv {
    return this;
  }

  markNondeterministic(name: string): void {
    (this.nondeterministic ??= new Set()).add(name);
  }

  write(s: string): void {
    this.out += s;
    if (this.out.length > this.limits.maxOutput) {
      throw new TemplateLimitError(`template output exceeds ${this.limits.maxOutput} characters`);
    }
  }

  step(): void {
    if (++this.steps > this.limits.maxSteps) {
      throw new TemplateLimitError(`template execution exceeds ${this.limits.maxSteps} steps`);
    }
  }
}

class State {
  node: Node | null = null;
  vars: Variable[];

  constructor(
    readonly run: Run,
    readonly tree: Tree,
    readonly depth: number,
    dot: RV,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  at(node: Node): void {
    this.node = node;
  }

  errorf(msg: string): never {
    const name = this.tree.name;
    if (this.node === null) throw new TemplateError(`template: ${name}: ${msg}`);
    const location = errorLocation(this.tree, this.node.pos);
    throw new TemplateError(`template: ${location}: executing ${quote(name)} at <${nodeString(this.node)}>: ${msg}`);
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  push(name: string, value: RV): void {
    this.vars.push({ name, value });
  }

  setVar(name: string, value: RV): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: RV): void {
    this.vars[this.vars.length - n]!.value = value;
  }

  varValue(name: string): RV {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ----

  walk(dot: RV, node: Node): void {
    this.run.step();
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        return this.walkIfOrWith(node.type, dot, node.pipe, node.list, node.elseList);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.run.write(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  walkIfOrWith(typ: 'if' | 'with', dot: RV, pipe: PipeNode, list: ListNode, elseList: ListNode | null): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, pipe);
      const { truth } = isTrue(indirectInterface(val), byteLength);
      if (truth) {
        this.walk(typ === 'with' ? val : dot, list);
      } else if (elseList !== null) {
        this.walk(dot, elseList);
      }
    } finally {
      this.pop(mark);
    }
  }

  walkRange(dot: RV, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = indirect(this.evalPipeline(dot, r.pipe)).v;
      const mark = this.mark();
      const oneIteration = (index: RV, elem: RV): void => {
        if (r.pipe.decl.length > 0) this.setTopVar(1, elem);
        if (r.pipe.decl.length > 1) this.setTopVar(2, index);
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      const k = val.t.kind;
      let ran = false;
      if (k === 'slice') {
        const xs = (val.v as RV[] | null) ?? [];
        for (let i = 0; i < xs.length; i++) {
          ran = true;
          oneIteration(rv.int(i), xs[i]!);
        }
      } else if (k === 'map') {
        const m = (val.v as Map<string, RV> | null) ?? new Map<string, RV>();
        for (const key of sortedKeys(m)) {
          ran = true;
          oneIteration({ t: val.t.key!, v: key }, m.get(key)!);
        }
      } else if ((isIntKind(k) || isUintKind(k)) && this.run.options.rangeOverInt) {
        // Go 1.22+ ranges over integers 0..n-1, values of the integer's own type.
        if (r.pipe.decl.length > 1) {
          this.errorf(`can't use ${sprintf('%v', [val])} to iterate over more than one variable`);
        }
        const n = val.v as bigint;
        for (let i = 0n; i < n; i++) {
          ran = true;
          oneIteration(INVALID, { t: val.t, v: i });
        }
      } else if (k !== 'invalid') {
        this.errorf(`range can't iterate over ${sprintf('%v', [val])}`);
      }
      if (!ran && r.elseList !== null) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  walkTemplate(dot: RV, t: Extract<Node, { type: 'template' }>): void {
    this.at(t);
    const tree = this.run.trees.get(t.name);
    if (tree === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth >= this.run.limits.maxDepth) {
      throw new TemplateLimitError(`template recursion deeper than ${this.run.limits.maxDepth} (Go allows 100000)`);
    }
    const newDot = this.evalPipeline(dot, t.pipe);
    const next = new State(this.run, tree, this.depth + 1, newDot);
    next.walk(newDot, tree.root);
  }

  // ---- pipelines and commands ----

  evalPipeline(dot: RV, pipe: PipeNode | null): RV {
    if (pipe === null) return INVALID;
    this.at(pipe);
    let value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value.t.kind === 'interface') value = indirectInterface(value);
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.push(v.ident[0]!, value);
    }
    return value;
  }

  notAFunction(args: ArgNode[], final: RV): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  evalCommand(dot: RV, cmd: CommandNode, final: RV): RV {
    this.run.step();
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return rv.bool(first.value);
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return rv.str(first.text);
    }
    this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  idealConstant(c: Extract<ArgNode, { type: 'number' }>): RV {
    this.at(c);
    const text = c.text;
    const isHexInt = text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text);
    const isRuneInt = text.length > 0 && text[0] === "'";
    if (c.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(text)) return rv.float(c.float);
    if (c.isInt) return rv.int(c.int);
    if (c.isUint) this.errorf(`${text} overflows int`);
    return INVALID;
  }

  evalFieldNode(dot: RV, field: Extract<ArgNode, { type: 'field' }>, args: ArgNode[] | null, final: RV): RV {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  evalChainNode(dot: RV, chain: Extract<ArgNode, { type: 'chain' }>, args: ArgNode[] | null, final: RV): RV {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  evalVariableNode(dot: RV, v: VariableNode, args: ArgNode[] | null, final: RV): RV {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  evalFieldChain(dot: RV, receiver: RV, node: Node, ident: string[], args: ArgNode[] | null, final: RV): RV {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i]!, node, null, MISSING, receiver);
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver);
  }

  evalFunction(dot: RV, node: Extract<ArgNode, { type: 'identifier' }>, cmd: Node, args: ArgNode[] | null, final: RV): RV {
    this.at(node);
    const found = this.run.funcs.find(node.ident);
    if (found === undefined) this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, found.fn, found.isBuiltin, cmd, node.ident, args, final);
  }

  evalField(dot: RV, fieldName: string, node: Node, args: ArgNode[] | null, final: RV, receiver: RV): RV {
    if (!isValid(receiver)) return INVALID;
    const typ = receiver.t;
    const { v: target, isNil } = indirect(receiver);
    if (target.t.kind === 'interface' && isNil) this.errorf(`nil pointer evaluating ${typ.name}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (target.t.kind === 'map') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const m = target.v as Map<string, RV> | null;
      const result = m?.get(fieldName);
      return result ?? INVALID;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ.name}`);
  }

  // ---- calls ----

  evalCall(dot: RV, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, argNodes: ArgNode[] | null, final: RV): RV {
    const args = argNodes !== null ? argNodes.slice(1) : [];
    const numParams = fn.params.length + (fn.variadic ? 1 : 0);
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: RV = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, T.reflectValue, arg);
        if (isTrue(indirectInterface(v), byteLength).truth === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, T.reflectValue);
      return v;
    }

    const argv: RV[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i]!, args[i]!));
    if (fn.variadic) {
      for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]!));
    }
    if (final !== MISSING) {
      let t: GoType;
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.params[numIn - 1]! : fn.variadic;
      else t = fn.params[fn.params.length - 1]!;
      argv.push(this.validateType(final, t));
    }
    // Inside a Go function an interface{} parameter holds the dynamic value itself.
    for (let j = 0; j < argv.length; j++) {
      const pt = j < fn.params.length ? fn.params[j]! : fn.variadic!;
      if (pt.kind === 'interface') argv[j] = indirectInterface(argv[j]!);
    }
    const callArgs = argv;
    let result: RV;
    try {
      if (fn.nondeterministic) this.run.env.markNondeterministic(name);
      result = fn.call(callArgs, this.run.env);
    } catch (e) {
      if (e instanceof GoCallError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
    if (fn.ret === T.reflectValue) return result;
    return coerce(result, fn.ret);
  }

  validateType(value: RV, typ: GoType | null): RV {
    if (!isValid(value)) {
      if (typ === null) return INVALID;
      if (canBeNil(typ)) return zeroOf(typ);
      this.errorf(`invalid value; expected ${typ.name}`);
    }
    if (typ === T.reflectValue) return value;
    if (typ !== null && !assignable(value.t, typ)) {
      if (value.t.kind === 'interface' && value.v !== null) {
        value = value.v as RV;
        if (assignable(value.t, typ)) return value;
      }
      this.errorf(`wrong type for value; expected ${typ.name}; got ${value.t.name}`);
    }
    return value;
  }

  evalArg(dot: RV, typ: GoType | null, n: ArgNode): RV {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ !== null && canBeNil(typ)) return zeroOf(typ);
        this.errorf(`cannot assign nil to ${typ?.name ?? '<nil>'}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    if (typ === null) throw new TemplateLimitError(`constant ${nodeString(n)} used where Go would crash`);
    const k = typ.kind;
    if (k === 'bool') {
      if (n.type === 'bool') return { t: typ, v: n.value };
      this.errorf(`expected bool; found ${nodeString(n)}`);
    }
    if (k === 'float32' || k === 'float64') {
      if (n.type === 'number' && n.isFloat) return { t: typ, v: k === 'float32' ? Math.fround(n.float) : n.float };
      this.errorf(`expected float; found ${nodeString(n)}`);
    }
    if (isIntKind(k)) {
      if (n.type === 'number' && n.isInt) return { t: typ, v: n.int };
      this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (isUintKind(k)) {
      if (n.type === 'number' && n.isUint) return { t: typ, v: n.uint };
      this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
    }
    if (k === 'interface' && typ === T.iface) return this.evalEmptyInterface(dot, n);
    if (typ === T.reflectValue) return this.evalEmptyInterface(dot, n);
    if (k === 'string') {
      if (n.type === 'string') return { t: typ, v: n.text };
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ.name}`);
  }

  evalEmptyInterface(dot: RV, n: ArgNode): RV {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return rv.bool(n.value);
      case 'dot':
        return dot;
      case 'field':
        return this.evalFieldNode(dot, n, null, MISSING);
      case 'identifier':
        return this.evalFunction(dot, n, n, null, MISSING);
      case 'nil':
        this.errorf("evalEmptyInterface: nil (can't happen)");
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return rv.str(n.text);
      case 'variable':
        return this.evalVariableNode(dot, n, null, MISSING);
      case 'pipe':
        return this.evalPipeline(dot, n);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  printValue(n: Node, v: RV): void {
    this.at(n);
    if (!isValid(v)) {
      this.run.write('<no value>');
      return;
    }
    if (v.t.kind === 'string') {
      // fmt.Fprint of a string operand is the string itself.
      this.run.write(v.v as string);
      return;
    }
    if (v.t.kind === 'func') this.errorf(`can't print ${nodeString(n)} of type ${v.t.name}`);
    this.run.write(sprint([v]));
  }
}

function canBeNil(t: GoType): boolean {
  switch (t.kind) {
    case 'func':
    case 'interface':
    case 'map':
    case 'slice':
      return true;
    case 'struct':
      return t === T.reflectValue;
  }
  return false;
}

function zeroOf(t: GoType): RV {
  if (t === T.reflectValue) return INVALID;
  if (t.kind === 'interface') return { t, v: null };
  return { t, v: null };
}

/** Go assignability for the types templates meet: identical types, or anything to interface{}. */
function assignable(from: GoType, to: GoType): boolean {
  if (from === to || from.name === to.name) return true;
  if (to === T.iface) return true;
  return false;
}

/** "name:line:col" for a node, columns in bytes as Go counts them. */
export function errorLocation(tree: Tree, pos: number): string {
  const text = tree.text.slice(0, pos);
  const nl = text.lastIndexOf('\n');
  const col = nl === -1 ? byteLength(text) : byteLength(text.slice(nl + 1));
  let line = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return `${tree.parseName}:${line}:${col}`;
}

export interface ExecResult {
  output: string;
  /** Nondeterministic functions that ran (output would differ between Alloy runs). */
  nondeterministic: string[];
}

/** Executes `tree` with `dot` as data. Throws TemplateError (Go's error) or TemplateLimitError. */
export function executeTree(
  trees: Map<string, Tree>,
  tree: Tree,
  dot: RV,
  funcs: FuncLookup,
  limits: ExecLimits = DEFAULT_LIMITS,
  options: ExecOptions = { rangeOverInt: true },
): ExecResult {
  const run = new Run(trees, funcs, limits, options);
  const state = new State(run, tree, 0, dot);
  try {
    state.walk(dot, tree.root);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new TemplateLimitError('template evaluation nested too deeply for the JavaScript stack');
    }
    throw e;
  }
  return { output: run.out, nondeterministic: run.nondeterministic ? [...run.nondeterministic] : [] };
}
