// The Go-semantics regex interface every part of alloy-scrub uses. Backends (re2js, re2-wasm,
// native re2) sit behind it and must give identical answers to Go's `regexp` package.
//
// Strings and offsets: inputs are JavaScript strings, and every index this interface returns is a
// JavaScript string index (UTF-16 code units), never a byte offset. Conversions between Go's byte
// offsets and string indices happen inside the backends only.
//
// Invalid UTF-8: log lines are decoded with "surrogate escape": each byte of an invalid UTF-8
// sequence becomes the lone surrogate U+DC80+byte (U+DC80..U+DCFF) and is encoded back to the
// same byte on output. Go reads an invalid byte as U+FFFD of width 1, so backends treat each such
// lone surrogate as one character that matches wherever U+FFFD would (`.`, `[^a]`, `\S`,
// `\x{FFFD}`).

export type EngineName = 're2js' | 're2-wasm' | 're2';

/** A pattern Go would reject. `message` is Go's error text, e.g.
 * "error parsing regexp: invalid or unsupported Perl syntax: `(?=`". */
export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(message);
    this.name = 'RegexSyntaxError';
  }
}

export interface CompileOptions {
  engine?: EngineName;
  /** Wrap as `^(?s:…)$` the way Prometheus/Alloy relabel rules do. */
  anchoredDotAll?: boolean;
}

/**
 * A compiled pattern with Go's `regexp.Regexp` behaviour. Index arrays are laid out as Go's:
 * [start0, end0, start1, end1, …], with -1 for groups that did not participate.
 */
export interface GoRegexp {
  readonly source: string;
  readonly engine: EngineName;
  numSubexp(): number;
  /** Index 0 is always "" as in Go; unnamed groups are "". */
  subexpNames(): string[];
  subexpIndex(name: string): number;
  matchString(s: string): boolean;
  findStringIndex(s: string): [number, number] | null;
  findStringSubmatchIndex(s: string): number[] | null;
  /** Go's FindStringSubmatch: undefined for non-participating groups (Go gives ""). */
  findStringSubmatch(s: string): (string | undefined)[] | null;
  /** n < 0 means all matches, as in Go. */
  findAllStringSubmatchIndex(s: string, n: number): number[][];
  findAllStringIndex(s: string, n: number): [number, number][];
  replaceAllString(src: string, repl: string): string;
  replaceAllLiteralString(src: string, repl: string): string;
  replaceAllStringFunc(src: string, fn: (match: string) => string): string;
  /** Go's Regexp.ExpandString: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
  expandString(template: string, src: string, match: number[]): string;
}
