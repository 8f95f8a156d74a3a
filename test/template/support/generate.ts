// fast-check generators of Go templates over the constructs alloy-scrub simulates, and of template
// data (strings, floats, ints, bools, nil, lists, []string, nested maps, map[string]string).
// Templates are built from a tape of fast-check integers, so every choice is fast-check's and a
// seed reproduces the whole batch. Most generated templates are valid; some are not on purpose
// (undefined variables, wrong arity, type errors), because Go's error texts are compared too.
import fc from 'fast-check';
import type { Case } from './oracle.ts';
import type { Tagged } from './tagged.ts';

class Tape {
  private i = 0;
  constructor(private readonly xs: number[]) {}
  int(n: number): number {
    const x = this.xs[this.i % this.xs.length]! + Math.floor(this.i / this.xs.length);
    this.i++;
    return x % n;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.int(1000) < p * 1000;
  }
}

const KEYS = ['a', 'b', 'c', 'Value', 'x', 'list', 'm', 'n'] as const;

const TEXTS = ['abc', ' ', '\n', 'x=', '{ ', '}', 'ü', '%', '-', '\t', 'é€', '  \n  ', '$1', '${1}', '<&>', '"q"'];

const STRINGS = [
  '""', '"a"', '"abc"', '"A-b_C"', '"héllo"', '"  pad  "', '"a,b,c"', '"x\\ty"', '"\\u00e9"', '"%"', '"secret=123"',
  '`raw`', '`a\\b`', '"password"', '"0"', '"1"', '"true"', '"\\x41"', '"日本"', '"ab"', '"b"', '"-"', '"\\n"',
];
const NUMBERS = ['0', '1', '2', '3', '-1', '42', '0x1F', "'a'", '1.5', '2.5', '-0.5', '1e3', '.5', '1e21', '1e-7', '100000', '1000000.0', '3.0', '017', '9223372036854775807'];
const FORMATS = [
  '"%d"', '"%s"', '"%v"', '"%q"', '"%x"', '"%X"', '"%05d"', '"%-8s|"', '"%.2f"', '"%t"', '"%%"', '"%e"', '"%g"', '"%8.3f"',
  '"%+d"', '"% d"', '"%#v"', '"%[2]v %[1]v"', '"%*d"', '"%c"', '"%U"', '"%o"', '"%b"', '"%.3s"', '"%5.1q"', '"%T"', '"%!"',
  '"%z"', '"%v %v"', '"%s=%d"', '"%6.2v"', '"%-5d|"', '"%#x"', '"% x"', '"%.0f"', '"%10.4e"', '"%G"', '"%#q"', '"%+q"', '"%08.3f"', '"%x %X"', '"%.1g"', '"%3c|"',
];
const REGEXES = ['"a"', '"(a)(b)?"', '"[0-9]+"', '"(?i)ab"', '"(\\\\w+)=(\\\\w+)"', '"x*"', '"("', '"^"', '"(?P<n>b)"', '"é"', '"[[:alpha:]]+"', '"\\\\s"'];
const REPLS = ['"X"', '"$1"', '"${1}Z"', '"$n"', '"[$0]"', '""', '"$$"'];

const BUILTINS: Record<string, number> = {
  and: 2, or: 2, not: 1, len: 1, index: 2, slice: 2, print: 2, println: 1, eq: 2, ne: 2, lt: 2, le: 2, gt: 2, ge: 2,
  html: 1, js: 1, urlquery: 1,
};
const ALLOY: Record<string, number> = {
  ToLower: 1, ToUpper: 1, Replace: 4, Trim: 2, TrimLeft: 2, TrimRight: 2, TrimPrefix: 2, TrimSuffix: 2, TrimSpace: 1,
  Sha2Hash: 2,
};

// sprig functions the oracle renders itself, with their arity.
const SPRIG: Record<string, number> = {
  upper: 1, lower: 1, trim: 1, trimAll: 2, trimPrefix: 2, trimSuffix: 2, replace: 3, repeat: 2, substr: 3, trunc: 2,
  contains: 2, hasPrefix: 2, hasSuffix: 2, quote: 2, squote: 1, indent: 2, sha1sum: 1, sha256sum: 1, b64enc: 1, b64dec: 1,
  toString: 1, toJson: 1, join: 2, split: 2, splitList: 2, list: 3, default: 2, empty: 1, coalesce: 3, ternary: 3,
  first: 1, last: 1, reverse: 1, sortAlpha: 1, regexMatch: 2, regexFind: 2, regexFindAll: 3, regexSplit: 3,
  regexQuoteMeta: 1, base: 1, dir: 1, ext: 1, clean: 1, typeOf: 1, kindOf: 1, until: 1,
};
const SPRIG_INT_FIRST = new Set(['repeat', 'substr', 'trunc', 'indent', 'until']);
const SPRIG_REGEX_FIRST = new Set(['regexMatch', 'regexFind', 'regexFindAll', 'regexSplit']);

class TemplateGen {
  private defines: string[] = [];
  private varCount = 0;
  constructor(
    private readonly t: Tape,
    private readonly funcs: boolean,
    private readonly sprig = false,
  ) {}

  field(): string {
    const t = this.t;
    const k = t.chance(0.05) ? 'missing' : t.pick(KEYS);
    if (t.chance(0.2)) return `.${k}.${t.pick(KEYS)}`;
    return `.${k}`;
  }

  constant(): string {
    const t = this.t;
    switch (t.int(6)) {
      case 0:
      case 1:
        return t.pick(STRINGS);
      case 2:
      case 3:
        return t.pick(NUMBERS);
      case 4:
        return t.pick(['true', 'false']);
      default:
        return t.chance(0.2) ? 'nil' : t.pick(STRINGS);
    }
  }

  stringOperand(scope: string[], depth: number): string {
    const t = this.t;
    switch (t.int(4)) {
      case 0:
        return t.pick(STRINGS);
      case 1:
        return t.pick(['.Value', '.a', '.b', '.c']);
      case 2:
        return depth > 0 ? `(${this.call(scope, depth - 1, false)})` : t.pick(STRINGS);
      default:
        return `(printf ${t.pick(FORMATS)} ${this.operand(scope, 0)})`;
    }
  }

  operand(scope: string[], depth: number): string {
    const t = this.t;
    switch (t.int(7)) {
      case 0:
      case 1:
        return this.field();
      case 2:
        return scope.length > 0 && t.chance(0.9) ? t.pick(scope) + (t.chance(0.1) ? '.a' : '') : '$';
      case 3:
        return '.';
      case 4:
      case 5:
        return this.constant();
      default:
        return depth > 0 ? `(${this.pipeline(scope, depth - 1)})` : this.field();
    }
  }

  call(scope: string[], depth: number, piped: boolean): string {
    const t = this.t;
    if (this.sprig && t.chance(0.5)) return this.sprigCall(scope, depth, piped);
    const names = this.funcs && t.chance(0.45) ? ALLOY : BUILTINS;
    let name = t.pick(Object.keys(names));
    let arity = names[name]!;
    const special = this.funcs ? t.int(10) : 9;
    if (special === 0) return `regexReplaceAll ${t.pick(REGEXES)} ${piped ? '' : this.operand(scope, depth) + ' '}${t.pick(REPLS)}`.trim() + (piped ? '' : '');
    if (special === 1) return `regexReplaceAllLiteral ${t.pick(REGEXES)}${piped ? '' : ' ' + this.operand(scope, depth)} ${t.pick(REPLS)}`;
    if (['lt', 'le', 'gt', 'ge', 'eq', 'ne'].includes(name) && !piped && t.chance(0.6)) {
      // Comparable operands, so comparisons mostly evaluate rather than fail.
      const pool = t.chance(0.5) ? NUMBERS.filter((x) => !x.includes("'") && x !== '9223372036854775807') : STRINGS;
      const a = t.chance(0.5) ? t.pick(pool) : t.pick(['.a', '.b', '.Value', '.x']);
      return `${name} ${a} ${t.pick(pool)}`;
    }
    if (t.chance(0.12)) {
      name = 'printf';
      const args = [t.pick(FORMATS)];
      const n = t.int(3);
      for (let i = 0; i < n; i++) args.push(this.operand(scope, depth));
      return `printf ${args.join(' ')}`;
    }
    if (t.chance(0.04)) arity += t.pick([-1, 1]);
    if (piped) arity -= 1;
    const args: string[] = [];
    // Alloy's functions take strings: mostly give them strings, so execution gets past the call.
    const stringy = names === ALLOY && name !== 'Replace';
    for (let i = 0; i < Math.max(0, arity); i++) args.push(stringy && t.chance(0.75) ? this.stringOperand(scope, depth) : this.operand(scope, depth));
    if (name === 'Replace' && args.length === 4 && t.chance(0.8)) args[3] = t.pick(['-1', '1', '2', '0']);
    return [name, ...args].join(' ');
  }

  sprigCall(scope: string[], depth: number, piped: boolean): string {
    const t = this.t;
    const name = t.pick(Object.keys(SPRIG));
    let arity = SPRIG[name]!;
    if (t.chance(0.03)) arity += t.pick([-1, 1]);
    const args: string[] = [];
    for (let i = 0; i < arity; i++) {
      if (i === 0 && SPRIG_INT_FIRST.has(name)) args.push(t.pick(['0', '1', '2', '3', '5', '-1', '-2', '20']));
      else if (i === 1 && name === 'substr') args.push(t.pick(['0', '2', '4', '-1', '10']));
      else if (i === 0 && SPRIG_REGEX_FIRST.has(name)) args.push(t.pick(REGEXES));
      else if (i === 2 && (name === 'regexFindAll' || name === 'regexSplit')) args.push(t.pick(['-1', '0', '1', '2']));
      else if (i === 2 && name === 'ternary') args.push(t.pick(['true', 'false', '(eq .a "abc")']));
      else args.push(t.chance(0.6) ? this.stringOperand(scope, depth) : this.operand(scope, depth));
    }
    if (piped) args.pop();
    return [name, ...args].join(' ');
  }

  command(scope: string[], depth: number, piped: boolean): string {
    if (piped || this.t.chance(0.5)) return this.call(scope, depth, piped);
    return this.operand(scope, depth);
  }

  pipeline(scope: string[], depth: number): string {
    const t = this.t;
    const parts = [this.command(scope, depth, false)];
    const n = t.chance(0.35) ? 1 + t.int(2) : 0;
    for (let i = 0; i < n; i++) parts.push(this.command(scope, depth, true));
    return parts.join(' | ');
  }

  open(): string {
    return this.t.chance(0.15) ? '{{- ' : this.t.chance(0.5) ? '{{ ' : '{{';
  }

  close(): string {
    return this.t.chance(0.15) ? ' -}}' : this.t.chance(0.5) ? ' }}' : '}}';
  }

  list(scope: string[], depth: number, inRange: boolean, allowTemplate: boolean, top = false): string {
    const t = this.t;
    const n = 1 + t.int(3);
    const local = [...scope];
    let out = '';
    for (let i = 0; i < n; i++) out += this.node(local, depth, inRange, allowTemplate, top);
    return out;
  }

  node(scope: string[], depth: number, inRange: boolean, allowTemplate: boolean, top = false): string {
    const t = this.t;
    const kind = depth <= 0 ? t.int(3) : t.int(12);
    switch (kind) {
      case 0:
        return t.pick(TEXTS) + (t.chance(0.3) ? t.pick(TEXTS) : '');
      case 1:
      case 2:
        return this.open() + this.pipeline(scope, 1) + this.close();
      case 3: {
        const v = `$v${this.varCount++}`;
        const decl = this.open() + `${v} := ${this.pipeline(scope, 1)}` + this.close();
        scope.push(v);
        return decl;
      }
      case 4:
        if (scope.length > 0) return `{{${t.pick(scope)} = ${this.pipeline(scope, 1)}}}`;
        return '{{/* comment */}}';
      case 5: {
        let s = `{{if ${this.pipeline(scope, 1)}}}${this.list(scope, depth - 1, inRange, allowTemplate)}`;
        if (t.chance(0.3)) s += `{{else if ${this.pipeline(scope, 1)}}}${this.list(scope, depth - 1, inRange, allowTemplate)}`;
        if (t.chance(0.5)) s += `{{else}}${this.list(scope, depth - 1, inRange, allowTemplate)}`;
        return s + '{{end}}';
      }
      case 6:
      case 7: {
        const inner = [...scope];
        let head: string;
        if (t.chance(0.5)) {
          const i = `$i${this.varCount}`;
          const e = `$e${this.varCount++}`;
          head = t.chance(0.5) ? `${i}, ${e} := ` : `${e} := `;
          inner.push(e);
          if (head.includes(',')) inner.push(i);
        } else head = '';
        const over = t.chance(0.7) ? t.pick(['.list', '.m', '.a', '.missing', '.n', '.x', '.Value']) : this.pipeline(scope, 0);
        let body = this.list(inner, depth - 1, true, allowTemplate);
        if (t.chance(0.25)) body += `{{if ${this.pipeline(inner, 0)}}}{{${t.pick(['break', 'continue'])}}}{{end}}` + this.list(inner, 0, true, allowTemplate);
        let s = `{{range ${head}${over}}}${body}`;
        if (t.chance(0.3)) s += `{{else}}${this.list(scope, depth - 1, inRange, allowTemplate)}`;
        return s + '{{end}}';
      }
      case 8: {
        let s = `{{with ${this.pipeline(scope, 1)}}}${this.list(scope, depth - 1, inRange, allowTemplate)}`;
        if (t.chance(0.4)) s += `{{else}}${this.list(scope, depth - 1, inRange, allowTemplate)}`;
        return s + '{{end}}';
      }
      case 9: {
        if (!allowTemplate) return '{{/* no templates here */}}';
        // {{define}} is only legal at the top level; elsewhere call or declare a block.
        if (this.defines.length > 0 && (t.chance(0.6) || !top)) {
          return `{{template "${t.pick(this.defines)}"${t.chance(0.7) ? ' ' + this.pipeline(scope, 0) : ''}}}`;
        }
        const name = `t${this.defines.length}`;
        this.defines.push(name);
        if (!top || t.chance(0.5)) return `{{block "${name}" ${this.pipeline(scope, 0)}}}${this.list([], depth - 1, false, false)}{{end}}`;
        return `{{define "${name}"}}${this.list([], depth - 1, false, false)}{{end}}{{template "${name}" ${this.pipeline(scope, 0)}}}`;
      }
      case 10:
        return inRange && t.chance(0.3) ? `{{${t.pick(['break', 'continue'])}}}` : `{{/*c*/}}${t.pick(TEXTS)}`;
      default:
        return this.open() + this.pipeline(scope, 2) + this.close();
    }
  }
}

const stringValue = fc.constantFrom('', 'a', 'abc', 'Hello World', 'héllo', '  x  ', 'a,b', '42', '3.5', 'true', 'pass=s3cr3t', '%d', 'ü€😀', '\t\n', 'a.b', 'ABC', 'b', '0', '<a href="x">');
const floatValue = fc.oneof(
  fc.constantFrom(0, 1, -1, 1.5, 2.5, 0.1, 100000, 1e6, 1e21, 1e-7, 123456789, 3, -0.5, 1 / 3, 2 ** 53),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const intValue = fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constantFrom(2 ** 31, -(2 ** 40))).map((n) => String(n));

const leaf: fc.Arbitrary<Tagged> = fc.oneof(
  { arbitrary: stringValue.map((s): Tagged => ['s', s]), weight: 5 },
  { arbitrary: floatValue.map((f): Tagged => ['f', f]), weight: 2 },
  { arbitrary: intValue.map((i): Tagged => ['i', i]), weight: 2 },
  { arbitrary: fc.boolean().map((b): Tagged => ['b', b]), weight: 1 },
  { arbitrary: fc.constant<Tagged>(['n']), weight: 1 },
);

const value: fc.Arbitrary<Tagged> = fc.letrec<{ v: Tagged }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leaf, weight: 6 },
    { arbitrary: fc.array(tie('v'), { maxLength: 3 }).map((xs): Tagged => ['l', xs]), weight: 1 },
    { arbitrary: fc.array(stringValue, { maxLength: 3 }).map((xs): Tagged => ['sl', xs]), weight: 1 },
    {
      arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('v')), { maxLength: 3 }).map((kv): Tagged => ['m', dedupe(kv)]),
      weight: 1,
    },
  ),
})).v;

function dedupe<T>(kv: [string, T][]): [string, T][] {
  return [...new Map(kv)];
}

/** Top-level data: a map[string]interface{} (stage.template), a map[string]string (stage.replace), rarely other values. */
export const dataArb: fc.Arbitrary<Tagged> = fc.oneof(
  { arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 7 }).map((kv): Tagged => ['m', dedupe(kv)]), weight: 8 },
  { arbitrary: fc.array(fc.tuple(fc.constantFrom(...KEYS), stringValue), { maxLength: 5 }).map((kv): Tagged => ['sm', dedupe(kv)]), weight: 3 },
  { arbitrary: value, weight: 1 },
  { arbitrary: fc.constant<Tagged>(['u']), weight: 1 },
);

export const caseArb: fc.Arbitrary<Case> = fc
  .record({
    tape: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    data: dataArb,
    funcs: fc.boolean(),
    sprig: fc.boolean(),
  })
  .map(({ tape, data, funcs, sprig }) => {
    const g = new TemplateGen(new Tape(tape), funcs, sprig);
    const small = tape[0]! % 10 < 3;
    let template = g.list([], small ? 1 : 3, false, true, true);
    // One case in ten is damaged by one edit, to exercise Go's parse errors.
    if (tape[1]! % 10 === 0 && template.length > 0) {
      const at = tape[2]! % template.length;
      const insert = ['', '{{', '}}', '(', ')', '"', '|', '$', '-', ' ', '{{end}}', '{{else}}', '.', ':='][tape[3]! % 14]!;
      template = template.slice(0, at) + insert + template.slice(at + (insert === '' || tape[4]! % 2 === 0 ? 1 : 0));
    }
    return { template, data, funcs, sprig };
  });
