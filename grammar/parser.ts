// The Alloy grammar as a Chevrotain CST parser: the declarative description of the language, from
// which the railroad diagram (grammar/diagram.html) is generated. Its input is the token stream of
// Alloy's scanner, TERMINATOR tokens included (see tokens.ts).
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
// What the grammar leaves to the CST→AST builder (as Alloy's parser checks it by hand): a block
// label must be double-quoted and, when not empty, a valid identifier.
import { CstParser, EOF, type CstNode } from 'chevrotain';
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
} from './tokens.ts';

export class AlloyGrammar extends CstParser {
  constructor() {
    super(allTokens, { maxLookahead: 2, recoveryEnabled: false, nodeLocationTracking: 'none' });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.SUBRULE(this.body);
    this.CONSUME(EOF);
  });

  body = this.RULE('body', () => {
    this.OPTION(() => {
      this.SUBRULE(this.statement);
      this.MANY(() => {
        this.CONSUME(Terminator);
        this.SUBRULE2(this.statement);
      });
      this.OPTION2(() => this.CONSUME2(Terminator));
    });
  });

  statement = this.RULE('statement', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Assign);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.MANY(() => {
            this.CONSUME(Dot);
            this.CONSUME2(Identifier, { LABEL: 'name' });
          });
          this.OPTION(() => this.CONSUME(StringLit, { LABEL: 'label' }));
          this.CONSUME(LCurly);
          this.SUBRULE(this.body);
          this.CONSUME(RCurly);
        },
      },
    ]);
  });

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr);
  });

  orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(Or, { LABEL: 'op' });
      this.SUBRULE2(this.andExpr, { LABEL: 'operand' });
    });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.compare, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(And, { LABEL: 'op' });
      this.SUBRULE2(this.compare, { LABEL: 'operand' });
    });
  });

  compare = this.RULE('compare', () => {
    this.SUBRULE(this.additive, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(CompareOp, { LABEL: 'op' });
      this.SUBRULE2(this.additive, { LABEL: 'operand' });
    });
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(AddOp, { LABEL: 'op' });
      this.SUBRULE2(this.multiplicative, { LABEL: 'operand' });
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.power, { LABEL: 'operand' });
    this.MANY(() => {
      this.CONSUME(MulOp, { LABEL: 'op' });
      this.SUBRULE2(this.power, { LABEL: 'operand' });
    });
  });

  power = this.RULE('power', () => {
    this.SUBRULE(this.unary, { LABEL: 'base' });
    this.OPTION(() => {
      this.CONSUME(Pow, { LABEL: 'op' });
      this.SUBRULE(this.power, { LABEL: 'exponent' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(UnaryOp, { LABEL: 'op' });
          this.SUBRULE(this.unary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.suffix));
  });

  suffix = this.RULE('suffix', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Dot);
          this.CONSUME(Identifier, { LABEL: 'name' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(LBrack);
          this.SUBRULE(this.expression, { LABEL: 'index' });
          this.CONSUME(RBrack);
        },
      },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.OPTION(() => this.SUBRULE(this.list));
          this.CONSUME(RParen);
        },
      },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'identifier' }) },
      { ALT: () => this.CONSUME(StringLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(NumberLit, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(Float, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(Bool, { LABEL: 'literal' }) },
      { ALT: () => this.CONSUME(Null, { LABEL: 'literal' }) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.expression, { LABEL: 'inner' });
          this.CONSUME(RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.array) },
      { ALT: () => this.SUBRULE(this.object) },
    ]);
  });

  array = this.RULE('array', () => {
    this.CONSUME(LBrack);
    this.OPTION(() => this.SUBRULE(this.list));
    this.CONSUME(RBrack);
  });

  list = this.RULE('list', () => {
    this.SUBRULE(this.expression, { LABEL: 'item' });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.expression, { LABEL: 'item' });
    });
    this.OPTION(() => this.CONSUME2(Comma));
  });

  object = this.RULE('object', () => {
    this.CONSUME(LCurly);
    this.OPTION(() => {
      this.SUBRULE(this.field);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.field);
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RCurly);
  });

  field = this.RULE('field', () => {
    this.OR([
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'key' }) },
      { ALT: () => this.CONSUME(StringLit, { LABEL: 'key' }) },
    ]);
    this.CONSUME(Assign);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });
}

let shared: AlloyGrammar | undefined;

/** One grammar instance per process (Chevrotain's self-analysis is costly; the instance is reusable). */
export function alloyGrammar(): AlloyGrammar {
  shared ??= new AlloyGrammar();
  return shared;
}

export type { CstNode };
