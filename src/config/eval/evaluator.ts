// Static evaluation of Alloy expressions with Alloy's semantics (syntax/vm). Values that only
// exist at run time are UnknownValues and everything computed from them stays unknown; errors
// Alloy would raise are thrown as EvalError with Alloy's message and position.
//
// References: an identifier followed by field accesses (`loki.write.default.receiver`) is a
// traversal. As in Alloy's loader, the traversal is matched against the ids of the nodes in scope
// (components, module instances, arguments), shortest prefix first; the rest are field accesses
// on the node's exports. A traversal that names no node and does not start with a stdlib
// identifier is `component "…" does not exist or is out of scope`.

import type { AccessExpr, Expr, Ident, Range } from '../../syntax/ast.ts';
import { StringLiteralError, decodeStringLiteral } from '../../syntax/strings.ts';
import { EvalError, valueError } from './errors.ts';
import { exprText } from './expr-text.ts';
import { GoNumber, parseFloatLiteral, parseNumberLiteral } from './number.ts';
import { binaryOp, unaryOp } from './operators.ts';
import { STDLIB_NAMESPACES } from './stdlib.ts';
import {
  type CallSite,
  type Val,
  isCapsuleVal,
  isFnVal,
  isObjVal,
  isSecretVal,
  isUnknownVal,
  typeOf,
  unknown,
} from './values.ts';

export interface ResolvedReference {
  /** The id of the node the traversal names (`loki.write.default`). */
  nodeId: string;
  /** The node's exports (an object), or an unknown value. */
  value: Val;
  /** How many names of the traversal the node id used. */
  consumed: number;
}

export interface EvalContext {
  /** Matches a traversal against node ids, shortest prefix first. */
  resolve(names: readonly string[]): ResolvedReference | undefined;
  /** Called when a traversal resolves to a node: the source of reference edges. */
  onReference?(ref: ResolvedReference, range: Range): void;
  /** Identifiers that are not nodes: the stdlib and, in modules, `module_path`. */
  identifiers: ReadonlyMap<string, Val>;
  /** A non-fatal note (an unknown stdlib member, a deprecated function). */
  warn?(message: string, range: Range): void;
}

/** The dotted names of `a.b.c` when the expression is an identifier followed only by accesses. */
export function traversalOf(e: Expr): Ident[] | undefined {
  const names: Ident[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Access') {
    names.unshift(cur.name);
    cur = cur.value;
  }
  if (cur.kind !== 'Identifier') return undefined;
  names.unshift({ name: cur.name, range: cur.range });
  return names;
}

function rangeOf(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

export function evaluate(e: Expr, ctx: EvalContext): Val {
  switch (e.kind) {
    case 'Literal':
      return literal(e.literalKind, e.raw, e);
    case 'Paren':
      return evaluate(e.inner, ctx);
    case 'Array':
      return e.elements.map((x) => evaluate(x, ctx));
    case 'Object': {
      const fields = new Map<string, Val>();
      for (const f of e.fields) fields.set(f.name.name, evaluate(f.value, ctx));
      return { kind: 'object', fields };
    }
    case 'Identifier':
    case 'Access': {
      const names = traversalOf(e);
      if (names) return evaluateTraversal(e, names, ctx);
      const a = e as AccessExpr;
      return accessField(evaluate(a.value, ctx), a, ctx);
    }
    case 'Index': {
      const v = evaluate(e.value, ctx);
      const idx = evaluate(e.index, ctx);
      if (isUnknownVal(v)) return v;
      if (isUnknownVal(idx)) return idx;
      if (Array.isArray(v)) {
        if (!(idx instanceof GoNumber)) throw valueError(e.index, `should be number, got ${typeOf(idx)}`);
        const i = idx.asInt();
        // Go converts to int (64-bit): out-of-range numbers wrap the same way.
        if (i < 0n || i >= BigInt(v.length)) {
          throw valueError(e.index, `index ${i} is out of range of array with length ${v.length}`);
        }
        return v[Number(i)]!;
      }
      if (isObjVal(v)) {
        if (typeof idx !== 'string') throw valueError(e.index, `should be string, got ${typeOf(idx)}`);
        return v.fields.has(idx) ? v.fields.get(idx)! : null;
      }
      if (isCapsuleVal(v) || isSecretVal(v)) {
        throw valueError(e.value, 'expected object or array or a capsule convertible to an object, got capsule');
      }
      throw valueError(e.value, `expected object or array, got ${typeOf(v)}`);
    }
    case 'Unary': {
      const v = evaluate(e.value, ctx);
      if (isUnknownVal(v)) return v;
      return unaryOp(e, v);
    }
    case 'Binary': {
      const l = evaluate(e.left, ctx);
      const r = evaluate(e.right, ctx);
      if (isUnknownVal(l)) return l;
      if (isUnknownVal(r)) return r;
      if (isSecretVal(l) && typeof l.value !== 'string') return l.value;
      if (isSecretVal(r) && typeof r.value !== 'string') return r.value;
      return binaryOp(e, l, r);
    }
    case 'Call': {
      const f = evaluateCallee(e.value, ctx);
      if (isUnknownVal(f)) {
        // Still evaluate the arguments: their references count and their errors are real.
        e.args.forEach((a) => evaluate(a, ctx));
        return f;
      }
      if (!isFnVal(f)) throw valueError(e.value, `should be function, got ${typeOf(f)}`);
      const args = e.args.map((a) => evaluate(a, ctx));
      const site: CallSite = {
        range: e.range,
        fail(message: string, argIndex?: number, elemIndex?: number): never {
          if (argIndex === undefined) throw valueError(e.value, message);
          const argExpr = e.args[argIndex]!;
          if (elemIndex !== undefined) {
            if (argExpr.kind === 'Array' && argExpr.elements[elemIndex]) throw valueError(argExpr.elements[elemIndex]!, message);
            throw new EvalError(`${exprText(argExpr)}[${elemIndex}] ${message}`, argExpr.range);
          }
          throw valueError(argExpr, message);
        },
      };
      return f.call(args, site);
    }
  }
}

/**
 * The function of a call. A callee that names nothing in scope is, for Alloy, an undefined
 * component; here it is most likely a stdlib function newer than this tool, so it becomes an
 * unknown function (with a warning) and the call's result is unknown — never a guess.
 */
function evaluateCallee(callee: Expr, ctx: EvalContext): Val {
  const names = traversalOf(callee);
  if (names && !ctx.resolve(names.map((n) => n.name)) && !ctx.identifiers.has(names[0]!.name)) {
    const name = names.map((n) => n.name).join('.');
    ctx.warn?.(`${name} is not a stdlib function alloy-scrub knows; its result is unknown`, callee.range);
    return unknownFunction(name, callee.range);
  }
  return evaluate(callee, ctx);
}

function literal(kind: string, raw: string, e: Expr): Val {
  switch (kind) {
    case 'null':
      return null;
    case 'bool':
      return raw === 'true';
    case 'string':
      try {
        return decodeStringLiteral(raw);
      } catch (err) {
        if (err instanceof StringLiteralError) throw new EvalError(err.message, e.range);
        throw err;
      }
    case 'number': {
      const n = parseNumberLiteral(raw);
      if (!n) throw new EvalError(`strconv.ParseFloat: parsing ${JSON.stringify(raw)}: value out of range`, e.range);
      return n;
    }
    default: {
      const n = parseFloatLiteral(raw);
      if (!n) throw new EvalError(`strconv.ParseFloat: parsing ${JSON.stringify(raw)}: value out of range`, e.range);
      return n;
    }
  }
}

function evaluateTraversal(e: Expr, names: Ident[], ctx: EvalContext): Val {
  const ids = names.map((n) => n.name);
  const ref = ctx.resolve(ids);
  if (ref) {
    ctx.onReference?.(ref, rangeOf(names[0]!.range, names[ref.consumed - 1]!.range));
    let v = ref.value;
    // Walk the remaining names as field accesses, blaming the access expressions as Alloy does.
    const accesses = accessChain(e);
    for (let i = ref.consumed; i < names.length; i++) v = accessField(v, accesses[i - 1]!, ctx);
    return v;
  }
  const head = ctx.identifiers.get(ids[0]!);
  if (head === undefined) {
    throw new EvalError(
      `component ${JSON.stringify(ids.join('.'))} does not exist or is out of scope`,
      rangeOf(names[0]!.range, names[names.length - 1]!.range),
    );
  }
  let v: Val = head;
  const accesses = accessChain(e);
  for (let i = 1; i < names.length; i++) v = accessField(v, accesses[i - 1]!, ctx);
  return v;
}

/** The Access expressions of a traversal, innermost first (`a.b.c` → [a.b, a.b.c]). */
function accessChain(e: Expr): AccessExpr[] {
  const out: AccessExpr[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Access') {
    out.unshift(cur);
    cur = cur.value;
  }
  return out;
}

function accessField(v: Val, a: AccessExpr, ctx: EvalContext): Val {
  const name = a.name.name;
  if (isUnknownVal(v)) return v;
  if (isObjVal(v)) {
    if (v.fields.has(name)) return v.fields.get(name)!;
    if (STDLIB_NAMESPACES.has(v)) {
      const fullName = exprText(a);
      ctx.warn?.(`${fullName} is not a stdlib function alloy-scrub knows; its result is unknown`, a.range);
      return unknownFunction(fullName, a.range);
    }
    throw new EvalError(`field ${JSON.stringify(name)} does not exist`, a.name.range);
  }
  if (isCapsuleVal(v) || isSecretVal(v)) {
    throw valueError(a.value, 'expected object or array or a capsule convertible to an object, got capsule');
  }
  throw valueError(a.value, `cannot access field ${JSON.stringify(name)} on value of type ${typeOf(v)}`);
}

/** A function value standing for a stdlib member this tool does not know: calling it is unknown. */
function unknownFunction(name: string, range: Range): Val {
  return {
    kind: 'function',
    name,
    call: () => unknown(`${name} is not a stdlib function alloy-scrub knows`, range),
  };
}

