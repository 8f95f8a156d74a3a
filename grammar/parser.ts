// The Alloy grammar as a Chevrotain parser: the declarative description of the language, from which
// the railroad diagram (grammar/diagram.html) is generated. Its input is the token stream of Alloy's
// scanner, TERMINATOR tokens included (see tokens.ts). Its rules build the AST of src/syntax/ast.ts
// as they match (embedded actions, grammar/actions.ts): a concrete syntax tree would cost a node per
// rule per operand — ten for every literal, through the precedence levels — and most of the time.
//
//   file       = body EOF
//   body       = [ statement { TERMINATOR statement } [ TERMINATOR ] ]
//   statement  = IDENT ( "=" expression | { "." IDENT } [ STRING ] "{" body "}" )
//   expression = orExpr
//   orExpr     = andExpr { "||" andExpr }
//   andExpr    = compare { "&&" compare }
//   compare    = additive { ("==" | "!=" | "<" | "<=" | ">" | ">=") additive }
//   additive   = multiplicative { ("+" | "-") multiplicative }
//   multiplicative = power { ("*" | "/" | "%") power }
//   power      = unary [ "^" power ]                       (right-associative)
//   unary      = ("!" | "-") unary | postfix
//   postfix    = primary { "." IDENT | "[" expression "]" | "(" [ list ] ")" }
//   primary    = IDENT | STRING | NUMBER | FLOAT | BOOL | NULL | "(" expression ")" | array | object
//   array      = "[" [ list ] "]"
//   list       = expression { "," expression } [ "," ]
//   object     = "{" [ field { "," field } [ "," ] ] "}"
//   field      = ( IDENT | STRING ) "=" expression
//
// What the grammar leaves to its actions (as Alloy's parser checks it by hand): a block label must be
// double-quoted and, when not empty, a valid identifier.
import { EmbeddedActionsParser, EOF, type IOrAlt, type IRecognitionException, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { Expr, ObjectField, Stmt } from '../src/syntax/ast.ts';
import * as build from './actions.ts';
import type { LabelError } from './actions.ts';
import {
  AddOp,
  allTokens,
  And,
  Assign,
  Bool,
  Comma,
  CompareOp,
  Dot,
  Float,
  Identifier,
  LBrack,
  LCurly,
  LParen,
  MulOp,
  Null,
  NumberLit,
  Or,
  Pow,
  RBrack,
  RCurly,
  RParen,
  StringLit,
  Terminator,
  UnaryOp,
  type GrammarToken,
} from './tokens.ts';

/** What a suffix does to the expression before it (`.name`, `[index]`, `(args)`). */
type Suffix = (value: Expr) => Expr;

/** What follows a statement's first identifier: `= value`, or the rest of a block. */
type StatementRest =
  | { value: Expr }
  | { moreNames: GrammarToken[]; label: GrammarToken | undefined; lCurly: GrammarToken; body: Stmt[]; rCurly: GrammarToken };

export interface GrammarResult {
  /** The statements of the file; absent when the tokens do not match the grammar. */
  body?: Stmt[];
  /** Chevrotain's syntax errors (its messages, not Alloy's); at most one, as recovery is off. */
  errors: IRecognitionException[];
  /** Block-label errors, inner blocks before the blocks around them; empty when there are `errors`. */
  labelErrors: LabelError[];
}

export class AlloyGrammar extends EmbeddedActionsParser {
  // Where block statements report label errors; emptied by reset(), that is for every file.
  private labelErrors: LabelError[] = [];

  // The alternatives of each OR, built on first use and kept: Chevrotain's advice, as a fresh array
  // of closures per call is garbage on the hottest path (every operand goes through `primary`).
  // Being shared by all calls, they must not capture anything of one call.
  private statementAlternatives?: IOrAlt<StatementRest>[];
  private unaryAlternatives?: IOrAlt<Expr>[];
  private suffixAlternatives?: IOrAlt<Suffix>[];
  private primaryAlternatives?: IOrAlt<Expr>[];
  private fieldAlternatives?: IOrAlt<GrammarToken>[];

  constructor() {
    super(allTokens, { maxLookahead: 2, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  /** Chevrotain's reset, and this parser's own state (also after a parse that threw). */
  override reset(): void {
    super.reset();
    this.labelErrors = [];
  }

  /** Parses one file's tokens (see `scanForGrammar`); nothing carries over from an earlier file. */
  parse(tokens: GrammarToken[]): GrammarResult {
    this.input = tokens; // calls reset()
    const body = this.file();
    if (this.errors.length > 0) return { errors: this.errors, labelErrors: [] };
    return { body, errors: [], labelErrors: this.labelErrors };
  }

  file = this.RULE('file', (): Stmt[] => {
    const body = this.SUBRULE(this.body);
    this.CONSUME(EOF);
    return body;
  });

  body = this.RULE('body', (): Stmt[] => {
    const statements: Stmt[] = [];
    this.OPTION(() => {
      statements.push(this.SUBRULE(this.statement));
      this.MANY(() => {
        this.CONSUME(Terminator);
        statements.push(this.SUBRULE2(this.statement));
      });
      this.OPTION2(() => this.CONSUME2(Terminator));
    });
    return statements;
  });

  statement = this.RULE('statement', (): Stmt => {
    const first = this.CONSUME(Identifier, { LABEL: 'name' }) as GrammarToken;
    const rest = this.OR(
      (this.statementAlternatives ??= [
        {
          ALT: () => {
            this.CONSUME(Assign);
            return { value: this.SUBRULE(this.expression) };
          },
        },
        {
          ALT: () => {
            const moreNames: GrammarToken[] = [];
            this.MANY(() => {
              this.CONSUME(Dot);
              moreNames.push(this.CONSUME2(Identifier, { LABEL: 'name' }) as GrammarToken);
            });
            const label = this.OPTION(() => this.CONSUME(StringLit, { LABEL: 'label' }) as GrammarToken);
            const lCurly = this.CONSUME(LCurly) as GrammarToken;
            const body = this.SUBRULE(this.body);
            const rCurly = this.CONSUME(RCurly) as GrammarToken;
            return { moreNames, label, lCurly, body, rCurly };
          },
        },
      ]),
    );
    return this.ACTION(() =>
      'value' in rest
        ? build.attribute(first, rest.value)
        : build.block(first, rest.moreNames, rest.label, rest.lCurly, rest.body, rest.rCurly, this.labelErrors),
    );
  });

  expression = this.RULE('expression', (): Expr => this.SUBRULE(this.orExpr));

  orExpr = this.RULE('orExpr', (): Expr => this.leftAssociative(this.andExpr, Or));
  andExpr = this.RULE('andExpr', (): Expr => this.leftAssociative(this.compare, And));
  compare = this.RULE('compare', (): Expr => this.leftAssociative(this.additive, CompareOp));
  additive = this.RULE('additive', (): Expr => this.leftAssociative(this.multiplicative, AddOp));
  multiplicative = this.RULE('multiplicative', (): Expr => this.leftAssociative(this.power, MulOp));

  /** The body of a binary precedence level: operand { op operand }, grouped to the left. */
  private leftAssociative(operand: ParserMethod<[], Expr>, op: TokenType): Expr {
    let lhs = this.SUBRULE(operand, { LABEL: 'operand' });
    this.MANY(() => {
      const opToken = this.CONSUME(op, { LABEL: 'op' }) as GrammarToken;
      const rhs = this.SUBRULE2(operand, { LABEL: 'operand' });
      lhs = this.ACTION(() => build.binary(lhs, opToken, rhs));
    });
    return lhs;
  }

  power = this.RULE('power', (): Expr => {
    const base = this.SUBRULE(this.unary, { LABEL: 'base' });
    return this.OPTION(() => {
      const op = this.CONSUME(Pow, { LABEL: 'op' }) as GrammarToken;
      const exponent = this.SUBRULE(this.power, { LABEL: 'exponent' });
      return this.ACTION(() => build.binary(base, op, exponent));
    }) ?? base;
  });

  unary = this.RULE('unary', (): Expr =>
    this.OR(
      (this.unaryAlternatives ??= [
        {
          ALT: () => {
            const op = this.CONSUME(UnaryOp, { LABEL: 'op' }) as GrammarToken;
            const operand = this.SUBRULE(this.unary, { LABEL: 'operand' });
            return this.ACTION(() => build.unary(op, operand));
          },
        },
        { ALT: () => this.SUBRULE(this.postfix) },
      ]),
    ),
  );

  postfix = this.RULE('postfix', (): Expr => {
    let e = this.SUBRULE(this.primary);
    this.MANY(() => {
      const suffix = this.SUBRULE(this.suffix);
      e = this.ACTION(() => suffix(e));
    });
    return e;
  });

  suffix = this.RULE('suffix', (): Suffix =>
    this.OR(
      (this.suffixAlternatives ??= [
        {
          ALT: () => {
            this.CONSUME(Dot);
            const name = this.CONSUME(Identifier, { LABEL: 'name' }) as GrammarToken;
            return (value: Expr) => build.access(value, name);
          },
        },
        {
          ALT: () => {
            const l = this.CONSUME(LBrack) as GrammarToken;
            const i = this.SUBRULE(this.expression, { LABEL: 'index' });
            const r = this.CONSUME(RBrack) as GrammarToken;
            return (value: Expr) => build.index(value, l, i, r);
          },
        },
        {
          ALT: () => {
            const l = this.CONSUME(LParen) as GrammarToken;
            const args = this.OPTION(() => this.SUBRULE(this.list)) ?? [];
            const r = this.CONSUME(RParen) as GrammarToken;
            return (value: Expr) => build.call(value, l, args, r);
          },
        },
      ]),
    ),
  );

  primary = this.RULE('primary', (): Expr =>
    this.OR(
      (this.primaryAlternatives ??= [
        { ALT: () => this.node(build.identifier, this.CONSUME(Identifier, { LABEL: 'identifier' })) },
        { ALT: () => this.node(build.literal, this.CONSUME(StringLit, { LABEL: 'literal' })) },
        { ALT: () => this.node(build.literal, this.CONSUME(NumberLit, { LABEL: 'literal' })) },
        { ALT: () => this.node(build.literal, this.CONSUME(Float, { LABEL: 'literal' })) },
        { ALT: () => this.node(build.literal, this.CONSUME(Bool, { LABEL: 'literal' })) },
        { ALT: () => this.node(build.literal, this.CONSUME(Null, { LABEL: 'literal' })) },
        {
          ALT: () => {
            const l = this.CONSUME(LParen) as GrammarToken;
            const inner = this.SUBRULE(this.expression, { LABEL: 'inner' });
            const r = this.CONSUME(RParen) as GrammarToken;
            return this.ACTION(() => build.paren(l, inner, r));
          },
        },
        { ALT: () => this.SUBRULE(this.array) },
        { ALT: () => this.SUBRULE(this.object) },
      ]),
    ),
  );

  /** A leaf made from one token (not while Chevrotain records the grammar: its tokens are stand-ins). */
  private node(make: (t: GrammarToken) => Expr, t: IToken): Expr {
    return this.RECORDING_PHASE ? (undefined as never) : make(t as GrammarToken);
  }

  array = this.RULE('array', (): Expr => {
    const l = this.CONSUME(LBrack) as GrammarToken;
    const elements = this.OPTION(() => this.SUBRULE(this.list)) ?? [];
    const r = this.CONSUME(RBrack) as GrammarToken;
    return this.ACTION(() => build.array(l, elements, r));
  });

  list = this.RULE('list', (): Expr[] => {
    const items = [this.SUBRULE(this.expression, { LABEL: 'item' })];
    this.MANY(() => {
      this.CONSUME(Comma);
      items.push(this.SUBRULE2(this.expression, { LABEL: 'item' }));
    });
    this.OPTION(() => this.CONSUME2(Comma));
    return items;
  });

  object = this.RULE('object', (): Expr => {
    const l = this.CONSUME(LCurly) as GrammarToken;
    const fields: ObjectField[] = [];
    this.OPTION(() => {
      fields.push(this.SUBRULE(this.field));
      this.MANY(() => {
        this.CONSUME(Comma);
        fields.push(this.SUBRULE2(this.field));
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    const r = this.CONSUME(RCurly) as GrammarToken;
    return this.ACTION(() => build.object(l, fields, r));
  });

  field = this.RULE('field', (): ObjectField => {
    const key = this.OR(
      (this.fieldAlternatives ??= [
        { ALT: () => this.CONSUME(Identifier, { LABEL: 'key' }) as GrammarToken },
        { ALT: () => this.CONSUME(StringLit, { LABEL: 'key' }) as GrammarToken },
      ]),
    );
    this.CONSUME(Assign);
    const value = this.SUBRULE(this.expression, { LABEL: 'value' });
    return this.ACTION(() => build.field(key, value));
  });
}

let shared: AlloyGrammar | undefined;

/** One grammar instance per process (Chevrotain's self-analysis is costly; `parse` reuses it). */
export function alloyGrammar(): AlloyGrammar {
  shared ??= new AlloyGrammar();
  return shared;
}
