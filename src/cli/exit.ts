// Exit codes of the command-line contract (DESIGN.md): 0 success, 1 a finding or failure
// (a leak, a failed test, a syntax error), 2 usage or internal error.
export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_USAGE = 2;

/** Thrown by command code to stop with a message and an exit code, without a stack trace. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

export function usageError(message: string): CliExit {
  return new CliExit(EXIT_USAGE, message);
}
