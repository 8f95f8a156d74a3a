// Alloy's unary and binary operators (syntax/internal/transform): which types each accepts, the
// order of the checks (and so which operand is blamed), and the results. `==`/`!=` accept any
// types; other operators require both sides to have the same accepted type.
import type { BinaryExpr, UnaryExpr } from '../../syntax/ast.ts';
import { valueError } from './errors.ts';
import { MAX_STRING_LENGTH, TOO_LARGE } from './limits.ts';
import * as num from './number.ts';
import { GoNumber } from './number.ts';
import { type TypeName, type Val, isObjVal, isSecretVal, typeOf, unknown } from './values.ts';

const ALLOWED: Record<Exclude<BinaryExpr['op'], '==' | '!='>, TypeName[]> = {
  '||': ['bool'],
  '&&': ['bool'],
  '+': ['number', 'string', 'capsule'],
  '-': ['number'],
  '*': ['number'],
  '/': ['number'],
  '%': ['number'],
  '^': ['number'],
  '<': ['number', 'string'],
  '>': ['number', 'string'],
  '<=': ['number', 'string'],
  '>=': ['number', 'string'],
};

/** Go's `<`, `>` on strings compares bytes; UTF-16 order differs above U+FFFF, so compare UTF-8. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const enc = new TextEncoder();
  const x = enc.encode(a);
  const y = enc.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Deep equality as Alloy's valuesEqual: different types are never equal; 3 == 3.0. */
export function valuesEqual(a: Val, b: Val): boolean {
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return false;
  switch (ta) {
    case 'null':
      return true;
    case 'number':
      return num.numEqual(a as GoNumber, b as GoNumber);
    case 'string':
    case 'bool':
      return a === b;
    case 'array': {
      const x = a as Val[];
      const y = b as Val[];
      return x.length === y.length && x.every((e, i) => valuesEqual(e, y[i]!));
    }
    case 'object': {
      if (!isObjVal(a) || !isObjVal(b) || a.fields.size !== b.fields.size) return false;
      for (const [k, v] of a.fields) {
        if (!b.fields.has(k) || !valuesEqual(v, b.fields.get(k)!)) return false;
      }
      return true;
    }
    case 'function':
      return false;
    case 'capsule':
      return JSON.stringify(a) === JSON.stringify(b);
    default:
      return false;
  }
}

/**
 * Evaluates `left op right` on known values (the caller handles unknowns). Throws EvalError with
 * Alloy's message, blaming the operand Alloy blames.
 */
export function binaryOp(e: BinaryExpr, left: Val, right: Val): Val {
  const op = e.op;
  if (op === '==') return valuesEqual(left, right);
  if (op === '!=') return !valuesEqual(left, right);
  // A string combined with a secret becomes a secret (Alloy unwraps capsules this way for `+`).
  let l = left;
  let r = right;
  if (isSecretVal(l) && typeof r === 'string') r = { kind: 'secret', value: r };
  else if (typeof l === 'string' && isSecretVal(r)) l = { kind: 'secret', value: l };
  const allowed = ALLOWED[op];
  const lt = typeOf(l);
  const rt = typeOf(r);
  if (!allowed.includes(lt as TypeName)) {
    throw valueError(e.left, `should be one of [${allowed.join(' ')}] for binop ${op}, got ${lt}`);
  }
  if (!allowed.includes(rt as TypeName)) {
    throw valueError(e.right, `should be one of [${allowed.join(' ')}] for binop ${op}, got ${rt}`);
  }
  if (lt !== rt) throw valueError(e.right, `should be ${lt}, got ${rt}`);
  switch (op) {
    case '||':
      return (l as boolean) || (r as boolean);
    case '&&':
      return (l as boolean) && (r as boolean);
    case '+': {
      if (typeof l === 'string') {
        if (l.length + (r as string).length > MAX_STRING_LENGTH) return unknown(TOO_LARGE, e.range);
        return l + (r as string);
      }
      if (isSecretVal(l) && isSecretVal(r)) {
        if (typeof l.value !== 'string') return l.value;
        if (typeof r.value !== 'string') return r.value;
        if (l.value.length + r.value.length > MAX_STRING_LENGTH) return unknown(TOO_LARGE, e.range);
        return { kind: 'secret', value: l.value + r.value };
      }
      if (lt === 'capsule') {
        throw valueError(e.left, `could not perform binop + for unknown types lhs ${lt} rhs ${rt}`);
      }
      return num.add(l as GoNumber, r as GoNumber);
    }
    case '-':
      return num.sub(l as GoNumber, r as GoNumber);
    case '*':
      return num.mul(l as GoNumber, r as GoNumber);
    case '/':
    case '%':
      if (num.isZero(r as GoNumber)) throw valueError(e.right, 'divide by zero error');
      return op === '/' ? num.div(l as GoNumber, r as GoNumber) : num.mod(l as GoNumber, r as GoNumber);
    case '^':
      return num.pow(l as GoNumber, r as GoNumber);
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const c = typeof l === 'string' ? Math.sign(compareStrings(l, r as string)) : num.compare(l as GoNumber, r as GoNumber);
      return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
  }
}

export function unaryOp(e: UnaryExpr, v: Val): Val {
  if (e.op === '!') {
    if (typeof v !== 'boolean') throw valueError(e.value, `should be bool, got ${typeOf(v)}`);
    return !v;
  }
  if (!(v instanceof GoNumber)) throw valueError(e.value, `should be number, got ${typeOf(v)}`);
  return num.negate(v);
}
