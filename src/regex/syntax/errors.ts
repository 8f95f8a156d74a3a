// Go's regexp/syntax error codes and the way Go formats a parse error.
import { RegexSyntaxError } from '../types.ts';

export const ErrorCode = {
  InvalidCharClass: 'invalid character class',
  InvalidCharRange: 'invalid character class range',
  InvalidEscape: 'invalid escape sequence',
  InvalidNamedCapture: 'invalid named capture',
  InvalidPerlOp: 'invalid or unsupported Perl syntax',
  InvalidRepeatOp: 'invalid nested repetition operator',
  InvalidRepeatSize: 'invalid repeat count',
  InvalidUTF8: 'invalid UTF-8',
  MissingBracket: 'missing closing ]',
  MissingParen: 'missing closing )',
  MissingRepeatArgument: 'missing argument to repetition operator',
  TrailingBackslash: 'trailing backslash at end of expression',
  UnexpectedParen: 'unexpected )',
  NestingDepth: 'expression nests too deeply',
  Large: 'expression too large',
} as const;

export type ErrorCodeText = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A RegexSyntaxError carrying Go's code and offending text separately as well. */
export class GoSyntaxError extends RegexSyntaxError {
  constructor(
    readonly code: ErrorCodeText,
    readonly expr: string,
    pattern: string,
  ) {
    super('error parsing regexp: ' + code + ': `' + expr + '`', pattern);
  }
}
