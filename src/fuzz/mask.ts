// Masking for fuzz reports: every spelling of every secret in a shown line, and the surviving
// fragment in an output, become maskSecret's short prefix and hash (unless the user asks to see
// them with --reveal).
import { maskSecret, maskText } from '../detect/index.ts';

/** Masks every occurrence of each of `values` (longest first) in `text`. */
export function maskOccurrences(text: string, values: readonly string[]): string {
  const spans: { start: number; end: number }[] = [];
  for (const v of [...values].sort((a, b) => b.length - a.length)) {
    if (v.length === 0) continue;
    for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) spans.push({ start: i, end: i + v.length });
  }
  return maskText(text, spans);
}

/** Masks the leaked parts of an output: the whole secret where it survived, else each window. */
export function maskOutput(text: string, forms: readonly string[], minFragment: number): string {
  const values = new Set<string>(forms);
  for (const f of forms) for (let i = 0; i + minFragment <= f.length; i++) values.add(f.slice(i, i + minFragment));
  return maskOccurrences(text, [...values]);
}

export { maskSecret };
