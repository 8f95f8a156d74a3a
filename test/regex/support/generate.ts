// fast-check generators of RE2-syntax patterns and of inputs, templates and counts biased so the
// patterns match often. A pattern comes with its Go 1.19 spelling: the oracle's Go predates
// `(?<name>…)`, so named groups written that way are sent to it as `(?P<name>…)`.
import fc from 'fast-check';

export interface GenPattern {
  pattern: string;
  go119: string;
}

const same = (s: string): GenPattern => ({ pattern: s, go119: s });
const join = (parts: GenPattern[], sep = ''): GenPattern => ({
  pattern: parts.map((p) => p.pattern).join(sep),
  go119: parts.map((p) => p.go119).join(sep),
});
const wrap = (open: GenPattern, inner: GenPattern, close: string): GenPattern => ({
  pattern: open.pattern + inner.pattern + close,
  go119: open.go119 + inner.go119 + close,
});

/** Characters that appear both in patterns and in inputs, so patterns find matches. */
export const CHARS = [
  'a', 'b', 'c', 'k', 'K', 's', 'S', 'x', 'z', '0', '1', '9', '_', ' ', '=', ',', ':', '/', '@', '"',
  'é', 'É', 'ß', 'Σ', 'σ', 'ς', '\u212A', '\u017F', 'ǅ', 'ǆ', 'Ǆ', 'İ', 'ı', '中', 'ж', '😀', '🔑', '\uFFFD',
];

const literalChar = fc.constantFrom(...CHARS.filter((c) => !'='.includes(c)), '=');

const escapes = fc.constantFrom(
  '\\.', '\\*', '\\+', '\\?', '\\(', '\\)', '\\[', '\\]', '\\{', '\\}', '\\|', '\\^', '\\$', '\\\\', '\\-',
  '\\/', '\\n', '\\t', '\\r', '\\f', '\\v', '\\a', '\\x41', '\\x6b', '\\x{1F600}', '\\x{212A}', '\\x{17f}',
  '\\101', '\\0', '\\10', '\\x{FFFD}', '\\Q.*\\E', '\\Qa+b\\E', '\\Q\\E', '\\=', '\\ ',
);

const perlClass = fc.constantFrom('\\d', '\\D', '\\s', '\\S', '\\w', '\\W');
const unicodeClass = fc.constantFrom(
  '\\pL', '\\PL', '\\p{Lu}', '\\p{Ll}', '\\p{Lt}', '\\p{Greek}', '\\p{^Greek}', '\\P{Latin}', '\\pN', '\\p{Nd}',
  '\\p{Han}', '\\p{Any}', '\\p{So}', '\\pZ', '\\p{Cyrillic}', '\\p{Common}', '\\PN',
);
const posixClass = fc.constantFrom(
  '[:alpha:]', '[:^alpha:]', '[:digit:]', '[:space:]', '[:word:]', '[:upper:]', '[:lower:]', '[:punct:]',
  '[:xdigit:]', '[:^space:]', '[:ascii:]', '[:^lower:]', '[:alnum:]', '[:print:]',
);
const anchor = fc.constantFrom('^', '$', '\\A', '\\z', '\\b', '\\B');

const classChar = fc.oneof(
  fc.constantFrom(...CHARS.filter((c) => c !== ' ')),
  fc.constantFrom('\\]', '\\\\', '\\-', '\\^', '\\n', '\\x{212A}', '\\t', '.', '*', '$', '(', '|'),
);
const classRange = fc.constantFrom('a-z', 'A-Z', '0-9', 'k-s', 'K-S', 'α-ω', 'Α-Ω', 'a-c', '\\x00-\\x{10FFFF}', 'ǅ-ǆ', '\\x{1F600}-\\x{1F64F}');
const classItem = fc.oneof(
  { weight: 4, arbitrary: classChar },
  { weight: 2, arbitrary: classRange },
  { weight: 1, arbitrary: perlClass },
  { weight: 1, arbitrary: posixClass },
  { weight: 1, arbitrary: unicodeClass },
);
const bracket = fc
  .tuple(fc.boolean(), fc.array(classItem, { minLength: 1, maxLength: 4 }))
  .map(([neg, items]) => '[' + (neg ? '^' : '') + items.join('') + ']');

const atom: fc.Arbitrary<GenPattern> = fc
  .oneof(
    { weight: 10, arbitrary: literalChar.map((c) => ('.*+?()[]{}|^$\\'.includes(c) ? '\\' + c : c)) },
    { weight: 3, arbitrary: escapes },
    { weight: 2, arbitrary: fc.constant('.') },
    { weight: 2, arbitrary: perlClass },
    { weight: 2, arbitrary: unicodeClass },
    { weight: 3, arbitrary: bracket },
    { weight: 2, arbitrary: anchor },
    { weight: 3, arbitrary: fc.constantFrom('ab', 'kK', 'ss', 'secret', 'σς', '😀😀') },
  )
  .map(same);

const repeatOp = fc
  .tuple(fc.constantFrom('*', '+', '?', '{0}', '{1}', '{2}', '{1,}', '{0,2}', '{2,3}', '{3,}', '{0,1}'), fc.boolean())
  .map(([op, lazy]) => op + (lazy ? '?' : ''));

const groupName = fc.constantFrom('n', 'name', 'x1', '_a', 'n');
const groupOpen: fc.Arbitrary<GenPattern> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(same('(')) },
  { weight: 3, arbitrary: fc.constant(same('(?:')) },
  { weight: 2, arbitrary: groupName.map((n) => same(`(?P<${n}>`)) },
  { weight: 2, arbitrary: groupName.map((n) => ({ pattern: `(?<${n}>`, go119: `(?P<${n}>` })) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('(?i:', '(?s:', '(?m:', '(?U:', '(?-i:', '(?i-s:', '(?is:', '(?im:', '(?-m:').map(same),
  },
);
const inlineFlags = fc.constantFrom('(?i)', '(?s)', '(?m)', '(?U)', '(?-m)', '(?is)', '(?i-U)').map(same);

/** Deliberately broken pieces, so error texts are compared too (none involve `(?<`). */
const broken = fc
  .constantFrom(
    '(', ')', '[', '*', '+', '\\', '(?=a)', '(?!a)', '\\1', '\\8', 'a**', 'a++', 'a*+', '{2}', '\\C', '\\pX',
    '\\p{Foo}', '[z-a]', '(?P<>a)', '(?P<a-b>x)', '\\x{110000}', '[[:foo:]]', '(?i', 'x{1001}', 'x{2,1}',
    '\\Z', '(?P=n)', '\\x{', '[a', '\\p{', '\\q', '(?i-)', '(?x)', 'a{2}{3}', '(a{2}){600}', '\\é', '[\\d-z]',
    '\\x4', '\\xZ1', '\\x{}', '(?P<n', '[]a', '[^]a', '(?-)', 'a|*', '()+?+', '\\pé', '[\\p]',
  )
  .map(same);

export const patternArb: fc.Arbitrary<GenPattern> = fc.letrec<{ expr: GenPattern; piece: GenPattern; concat: GenPattern }>((tie) => ({
  piece: fc.oneof(
    { weight: 6, arbitrary: atom },
    { weight: 2, arbitrary: fc.tuple(groupOpen, tie('expr')).map(([o, e]) => wrap(o, e, ')')) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.oneof(atom, fc.tuple(groupOpen, tie('expr')).map(([o, e]) => wrap(o, e, ')'))), repeatOp)
        .map(([p, op]) => ({ pattern: p.pattern + op, go119: p.go119 + op })),
    },
  ),
  concat: fc
    .tuple(fc.option(inlineFlags, { freq: 6 }), fc.array(tie('piece'), { minLength: 0, maxLength: 4 }))
    .map(([flags, pieces]) => join(flags ? [flags, ...pieces] : pieces)),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: tie('concat') },
    { weight: 1, arbitrary: fc.array(tie('concat'), { minLength: 2, maxLength: 3 }).map((alts) => join(alts, '|')) },
  ),
})).expr;

/** Mostly valid patterns, with a broken piece spliced in now and then. */
export const anyPatternArb: fc.Arbitrary<GenPattern> = fc.oneof(
  { weight: 12, arbitrary: patternArb },
  {
    weight: 1,
    arbitrary: fc.tuple(patternArb, broken, patternArb).map(([a, b, c]) => join([a, b, c])),
  },
);

const inputFragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CHARS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('\n', '\r', '\t', '\uDCFF', '\uDC80', 'ab', 'abc', 'kK', '  ', 'secret', 'σς', '😀😀', 'a=b', '.', '*', 'Ǆǅǆ', 'SS'),
  },
);
export const inputArb = fc.array(inputFragment, { minLength: 0, maxLength: 24 }).map((parts) => parts.join(''));

const templateFragment = fc.constantFrom(
  '$1', '${1}', '$2', '$0', '$name', '${name}', '$n', '${n}', '$x1', '$_a', '$$', '$1x', '${1}x', '$', '${', '${1',
  '$01', '$10', '$99999999999', 'X', '-', ' ', 'é', '😀', '$😀', '${n}}', '$é', '${}', '\uDCFF',
);
export const templateArb = fc.array(templateFragment, { minLength: 0, maxLength: 5 }).map((parts) => parts.join(''));

export const countArb = fc.constantFrom(-1, -1, -1, -1, 0, 1, 2, 3);

export interface Case {
  pattern: GenPattern;
  input: string;
  template: string;
  n: number;
}

export const caseArb: fc.Arbitrary<Case> = fc.record({
  pattern: anyPatternArb,
  input: inputArb,
  template: templateArb,
  n: countArb,
});
