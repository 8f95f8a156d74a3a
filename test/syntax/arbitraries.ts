// fast-check generators of valid Alloy source text, with varied layout (one-line and multi-line
// arrays, objects and calls, comments, blank lines), for the parser and printer properties.
import fc from 'fast-check';

const identifier = fc.constantFrom('a', 'b', 'x1', 'forward_to', 'stage', 'été', '_p', 'nullx', 'truth');
const number = fc.constantFrom('0', '1', '42', '18446744073709551616', '007');
const float = fc.constantFrom('1.5', '.5', '1e9', '1.5e-3', '2.', '0.0');
const quoted = fc.constantFrom('"x"', '""', '"a\\nb"', '"\\u00e9\\x41\\101"', '"tab\\there"', '"q\\"uote"', '"${1}=REDACTED"');
/** Object keys and block labels: Alloy's printer re-quotes their raw text and drops `""` labels, so only plain ones keep the tree. */
const plainQuoted = fc.constantFrom('"x"', '"k-1"', '"a b"', '"é"');
const raw = fc.constantFrom('`raw`', '`(?i)\\s+`', '`multi\nline`', '``');
const literal = fc.oneof(identifier, number, float, quoted, raw, fc.constantFrom('true', 'false', 'null'));
const binaryOp = fc.constantFrom('||', '&&', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '^');

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.tuple(tie('expr'), binaryOp, tie('expr')).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(fc.constantFrom('!', '-'), tie('expr')).map(([op, e]) => `${op}${e.startsWith('-') ? ' ' : ''}${e}`),
    tie('expr').map((e) => `(${e})`),
    fc.tuple(identifier, identifier).map(([a, b]) => `${a}.${b}`),
    fc.tuple(identifier, tie('expr')).map(([a, i]) => `${a}[${i}]`),
    fc.tuple(identifier, fc.array(tie('expr'), { maxLength: 3 }), fc.boolean()).map(([f, args, ml]) =>
      ml && args.length > 0 ? `${f}(\n${args.join(',\n')},\n)` : `${f}(${args.join(', ')})`,
    ),
    fc.tuple(fc.array(tie('expr'), { maxLength: 4 }), fc.boolean(), fc.boolean()).map(([els, ml, trailing]) =>
      ml && els.length > 0 ? `[\n${els.join(',\n')},\n]` : `[${els.join(', ')}${trailing && els.length > 0 ? ',' : ''}]`,
    ),
    fc
      .tuple(fc.array(fc.tuple(fc.oneof(identifier, plainQuoted), tie('expr')), { maxLength: 3 }), fc.boolean())
      .map(([fields, ml]) => {
        const parts = fields.map(([k, v]) => `${k} = ${v}`);
        return ml && parts.length > 0 ? `{\n${parts.join(',\n')},\n}` : `{${parts.join(', ')}}`;
      }),
  ),
}));

export const expression = expr;

const comment = fc.constantFrom('// note', '/* block */', '// TODO: x = 1', '/* multi\nline */');

const { body } = fc.letrec<{ body: string; stmt: string }>((tie) => ({
  stmt: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(identifier, expr, fc.option(fc.constantFrom(' // trailing', ' /* c */'), { nil: '' })).map(([n, e, c]) => `${n} = ${e}${c}`),
    fc
      .tuple(fc.array(identifier, { minLength: 1, maxLength: 3 }), fc.option(fc.constantFrom('"lbl"', '"x_1"', '"é"'), { nil: undefined }), tie('body'), fc.boolean())
      .map(([names, label, inner, oneLine]) => {
        const head = `${names.join('.')}${label ? ` ${label}` : ''}`;
        if (oneLine && inner === '') return `${head} {}`;
        return `${head} {\n${inner}\n}`;
      }),
  ),
  body: fc
    .array(fc.tuple(fc.option(comment, { nil: undefined }), tie('stmt'), fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 4 })
    .map((items) => items.map(([c, s, sep]) => `${c ? `${c}\n` : ''}${s}${sep}`).join('')),
}));

/** Source text of a valid Alloy file. */
export const alloyFile = body;
