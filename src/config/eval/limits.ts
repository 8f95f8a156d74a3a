// Bounds on what static evaluation builds from untrusted configuration. Alloy (Go) would try to
// allocate whatever a config asks for; a value past these bounds becomes an unknown value
// ("too large to simulate") instead of exhausting memory here.

/** Largest string the evaluator builds, in UTF-16 units. */
export const MAX_STRING_LENGTH = 16 * 1024 * 1024;
/** Largest array the evaluator builds. */
export const MAX_ARRAY_LENGTH = 1_000_000;

export const TOO_LARGE = 'the value is larger than alloy-scrub simulates';
