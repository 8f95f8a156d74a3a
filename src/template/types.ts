// The Go `text/template` interface used by `stage.replace`, `stage.template`, `stage.tenant` and
// friends. Data follows Go's dynamic values: a template sees maps, strings, numbers, bools and nil.

/**
 * A template-visible value. Go's `map[string]interface{}` is a Map; `[]interface{}` an array;
 * Go ints are `bigint` when their integer-ness matters for formatting (%d, printing 3 vs 3.0 is the
 * same in Go for float64 3, so plain numbers are float64 unless they are bigint); nil is null.
 */
export type TemplateValue =
  | null
  | undefined
  | string
  | number
  | bigint
  | boolean
  | TemplateValue[]
  | Map<string, TemplateValue>;

/** A function callable from a template. Throwing a TemplateError aborts execution as in Go. */
export type TemplateFunc = (...args: TemplateValue[]) => TemplateValue;

export type FuncMap = Record<string, TemplateFunc>;

/** Parse or execution failure. `message` is Go's text, e.g.
 * `template: pipeline_template:1: function "Foo" not defined`. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export interface CompiledTemplate {
  readonly name: string;
  readonly source: string;
  execute(data: TemplateValue): string;
}
