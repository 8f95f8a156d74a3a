// Decoding a `rule` block into a relabel rule, the way Alloy decodes it into its relabel.Config:
// defaults first (action replace, separator ";", regex "(.*)", replacement "$1"), then every
// attribute converted to its Go type with Alloy's conversions (a number is accepted where a string
// is expected, a numeric string where a number is), then the action and the regex parsed. Values
// only known at run time make the rule unknown instead of guessed.
import type { Expr, Range } from '../syntax/ast.ts';
import type { EvaluatedAttribute, EvaluatedBlock } from '../config/model.ts';
import { ConfigError } from '../config/errors.ts';
import { quote } from '../go/strconv/quote.ts';
import { isUnknown, type AlloyValue, type UnknownValue } from '../config/value.ts';
import { compileRegex, RegexSyntaxError, type GoRegexp } from '../regex/index.ts';

export const RELABEL_ACTIONS = [
  'replace',
  'keep',
  'drop',
  'hashmod',
  'labelmap',
  'labeldrop',
  'labelkeep',
  'lowercase',
  'uppercase',
  'keepequal',
  'dropequal',
] as const;

export type RelabelAction = (typeof RELABEL_ACTIONS)[number];

export const DEFAULT_SEPARATOR = ';';
export const DEFAULT_REGEX = '(.*)';
export const DEFAULT_REPLACEMENT = '$1';

/** A rule's fields after decoding; `regex` is the pattern as written, before anchoring. */
export interface RuleConfig {
  /** null when the attribute is absent (Go's nil slice); an empty list is not the same thing. */
  sourceLabels: string[] | null;
  separator: string;
  regex: string;
  /** uint64, as Go holds it. */
  modulus: bigint;
  targetLabel: string;
  replacement: string;
  action: RelabelAction;
}

/** Where each field came from, for messages and the `rules` listing. */
export interface RuleSource {
  index: number;
  file: string;
  range: Range;
  attributes: Map<string, Range>;
}

export type DecodedRule =
  | { kind: 'known'; config: RuleConfig; regex: GoRegexp; source: RuleSource }
  | { kind: 'unknown'; reason: string; range?: Range; source: RuleSource };

const ATTRIBUTES = new Set(['source_labels', 'separator', 'regex', 'modulus', 'target_label', 'replacement', 'action']);

/** Alloy's error for an action name it does not know: names are case-sensitive in Alloy. */
export function unrecognizedActionMessage(action: string): string {
  return `unrecognized action type ${goQuote(action)}`;
}

export function decodeRule(block: EvaluatedBlock, index: number, file: string): DecodedRule {
  const source: RuleSource = { index, file: block.file || file, range: block.range, attributes: new Map() };
  for (const inner of block.blocks) {
    throw new ConfigError(`unrecognized block name ${goQuote(inner.name)}`, source.file, inner.range);
  }
  const config: RuleConfig = {
    sourceLabels: null,
    separator: DEFAULT_SEPARATOR,
    regex: DEFAULT_REGEX,
    modulus: 0n,
    targetLabel: '',
    replacement: DEFAULT_REPLACEMENT,
    action: 'replace',
  };
  let regex: GoRegexp | undefined;
  let unknownValue: UnknownValue | undefined;
  let unknownAttr: EvaluatedAttribute | undefined;
  for (const attr of block.attributes.values()) {
    source.attributes.set(attr.name, attr.range);
    if (!ATTRIBUTES.has(attr.name)) {
      throw new ConfigError(`unrecognized attribute name ${goQuote(attr.name)}`, source.file, attr.range);
    }
    const found = findUnknown(attr.value);
    if (found) {
      unknownValue ??= found;
      unknownAttr ??= attr;
      continue;
    }
    if (attr.value === null) {
      // Alloy decodes null as the field's zero value, skipping the field's own parsing.
      applyNull(config, attr, source.file);
      continue;
    }
    switch (attr.name) {
      case 'source_labels':
        config.sourceLabels = toStringList(attr, source.file);
        break;
      case 'separator':
        config.separator = toGoString(attr.value, attr.expr, attr, source.file);
        break;
      case 'regex':
        config.regex = toGoString(attr.value, attr.expr, attr, source.file);
        regex = compileRelabelRegex(config.regex, attr, source.file);
        break;
      case 'modulus':
        config.modulus = toUint64(attr, source.file);
        break;
      case 'target_label':
        config.targetLabel = toGoString(attr.value, attr.expr, attr, source.file);
        break;
      case 'replacement':
        config.replacement = toGoString(attr.value, attr.expr, attr, source.file);
        break;
      case 'action': {
        const action = toGoString(attr.value, attr.expr, attr, source.file);
        if (!(RELABEL_ACTIONS as readonly string[]).includes(action)) {
          throw valueError(attr, unrecognizedActionMessage(action), source.file);
        }
        config.action = action as RelabelAction;
        break;
      }
    }
  }
  if (unknownValue && unknownAttr) {
    return {
      kind: 'unknown',
      reason: `rule ${unknownAttr.name} is only known when Alloy runs: ${unknownValue.reason}`,
      range: unknownValue.range ?? unknownAttr.range,
      source,
    };
  }
  regex ??= compileRegex(DEFAULT_REGEX, { anchoredDotAll: true });
  return { kind: 'known', config, regex, source };
}

/** Relabel regexes are always anchored and dot-all: `^(?s:…)$`, errors quoting the wrapped text. */
function compileRelabelRegex(pattern: string, attr: EvaluatedAttribute, file: string): GoRegexp {
  try {
    return compileRegex(pattern, { anchoredDotAll: true });
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw valueError(attr, e.message, file);
    throw e;
  }
}

/** A decode error on a value: Alloy prints the expression, then the message, at the expression. */
function valueError(attr: EvaluatedAttribute, message: string, file: string): ConfigError {
  return new ConfigError(`${exprText(attr.expr)} ${message}`, file, attr.expr?.range ?? attr.range);
}

function applyNull(config: RuleConfig, attr: EvaluatedAttribute, file: string): void {
  switch (attr.name) {
    case 'source_labels':
      config.sourceLabels = null;
      break;
    case 'separator':
      config.separator = '';
      break;
    case 'modulus':
      config.modulus = 0n;
      break;
    case 'target_label':
      config.targetLabel = '';
      break;
    case 'replacement':
      config.replacement = '';
      break;
    case 'action':
      // The empty action, which validation then refuses ("relabel action cannot be empty").
      config.action = '' as RelabelAction;
      break;
    case 'regex':
      // The zero Regexp holds no compiled pattern; Alloy dereferences it and panics when the rule
      // runs (or when it is validated). There is no behaviour to simulate.
      throw new ConfigError('regex = null leaves the rule without a regular expression; Alloy panics on such a rule', file, attr.range);
  }
}

function findUnknown(v: AlloyValue): UnknownValue | undefined {
  if (isUnknown(v)) return v;
  if (Array.isArray(v)) {
    for (const e of v) {
      const u = findUnknown(e);
      if (u) return u;
    }
  }
  return undefined;
}

function typeName(v: AlloyValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  switch (v.kind) {
    case 'object':
      return 'object';
    case 'function':
      return 'function';
    case 'secret':
      return 'capsule';
    case 'capsule':
      return 'capsule';
    default:
      return 'unknown';
  }
}

/** Alloy's printer output for the expression a type error points at (literals print as written). */
function exprText(e: Expr | undefined): string {
  if (!e) return 'value';
  switch (e.kind) {
    case 'Literal':
      return e.raw;
    case 'Identifier':
      return e.name;
    case 'Access':
      return `${exprText(e.value)}.${e.name.name}`;
    case 'Array':
      return `[${e.elements.map(exprText).join(', ')}]`;
    case 'Paren':
      return `(${exprText(e.inner)})`;
    case 'Unary':
      return `${e.op}${exprText(e.value)}`;
    case 'Binary':
      return `${exprText(e.left)} ${e.op} ${exprText(e.right)}`;
    case 'Call':
      return `${exprText(e.value)}(${e.args.map(exprText).join(', ')})`;
    case 'Index':
      return `${exprText(e.value)}[${exprText(e.index)}]`;
    case 'Object':
      return '{...}';
  }
}

function typeError(expr: Expr | undefined, expected: string, v: AlloyValue, attr: EvaluatedAttribute, file: string): ConfigError {
  return new ConfigError(`${exprText(expr)} should be ${expected}, got ${typeName(v)}`, file, expr?.range ?? attr.range);
}

/** Go's strconv.FormatFloat(f, 'f', -1, 64) for the numbers the config can hold. */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  // Shortest round-trip digits, fixed notation.
  const s = n.toString();
  if (!/e/i.test(s)) return s;
  const [mant, expPart] = s.split(/e/i) as [string, string];
  const exp = Number(expPart);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const pointAt = (mant.replace('-', '').indexOf('.') === -1 ? mant.replace('-', '').length : mant.replace('-', '').indexOf('.')) + exp;
  let out: string;
  if (pointAt <= 0) out = '0.' + '0'.repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  return (neg ? '-' : '') + out;
}

function toGoString(v: AlloyValue, expr: Expr | undefined, attr: EvaluatedAttribute, file: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  throw typeError(expr, 'string', v, attr, file);
}

function toStringList(attr: EvaluatedAttribute, file: string): string[] {
  const v = attr.value;
  if (!Array.isArray(v)) throw typeError(attr.expr, 'array', v, attr, file);
  const elements = attr.expr.kind === 'Array' ? attr.expr.elements : [];
  return v.map((e, i) => toGoString(e, elements[i], attr, file));
}

const UINT64 = 1n << 64n;

function toUint64(attr: EvaluatedAttribute, file: string): bigint {
  let v = attr.value;
  if (typeof v === 'string') {
    // Alloy's string-to-number conversion: signed if it starts with '-', float if it has . e E.
    const s = v;
    if (s === '' || !/^-?[0-9]+$|^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(s)) {
      throw typeError(attr.expr, 'number', v, attr, file);
    }
    if (/^-?[0-9]+$/.test(s)) return BigInt.asUintN(64, BigInt(s));
    v = Number(s);
  }
  if (typeof v !== 'number') throw typeError(attr.expr, 'number', v, attr, file);
  if (Number.isInteger(v)) return ((BigInt(v) % UINT64) + UINT64) % UINT64;
  if (v > 0 && v < 2 ** 64) return BigInt(Math.trunc(v));
  throw new ConfigError(
    `modulus ${formatNumber(v)} has no defined uint64 value in Go; alloy-scrub refuses to guess it`,
    file,
    attr.range,
  );
}

/** Go's %q (strconv.Quote) for the names and values these messages quote. */
export const goQuote = quote;
