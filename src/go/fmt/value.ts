// The values Go's fmt prints, as it reaches them through reflect: a kind, which decides how the
// value is formatted, and the dynamic type's name, which %T and the %!verb(type=value) notes print.
// Each caller keeps its own value model and converts to this one at the call (see
// src/template/fmt/print.ts and src/config/eval/gofmt.ts).

export type FmtValue =
  /** No value: a nil interface{} operand (prints `<nil>`). */
  | { readonly kind: 'invalid' }
  | { readonly kind: 'bool'; readonly type: string; readonly v: boolean }
  /** Any signed integer type (int, int8 … int64); `v` within that type's range. */
  | { readonly kind: 'int'; readonly type: string; readonly v: bigint }
  /** Any unsigned integer type (uint, uint8 … uint64); `v` non-negative. */
  | { readonly kind: 'uint'; readonly type: string; readonly v: bigint }
  | { readonly kind: 'float'; readonly type: string; readonly v: number }
  /** A Go string in the project's spelling (invalid bytes as surrogate escapes). */
  | { readonly kind: 'string'; readonly type: string; readonly v: string }
  /** An interface slot (an element of []interface{}, say); `v` null when it holds nil. */
  | { readonly kind: 'interface'; readonly type: string; readonly v: FmtValue | null }
  /** A slice; `v` null for a nil slice. `bytes` marks []byte, which %s %q %x print as a string. */
  | { readonly kind: 'slice'; readonly type: string; readonly v: readonly FmtValue[] | null; readonly bytes: boolean }
  /** A string-keyed map; `v` null for a nil map. fmt prints the keys sorted. */
  | { readonly kind: 'map'; readonly type: string; readonly v: ReadonlyMap<string, FmtValue> | null }
  | { readonly kind: 'func'; readonly type: string; readonly isNil: boolean };

export const NO_VALUE: FmtValue = Object.freeze({ kind: 'invalid' });

/** The value an interface slot holds (NO_VALUE for nil); any other value is itself. */
export function unboxed(x: FmtValue): FmtValue {
  if (x.kind !== 'interface') return x;
  return x.v ?? NO_VALUE;
}
