// Go value conversions the stages share. Alloy's stages keep `map[string]any` extracted values and
// turn them into strings with one helper (stages/util.go getString); every stage that reads an
// extracted value must agree with it byte for byte, so the conversion lives here once.
import type { TemplateValue } from '../../template/types.ts';

/**
 * Go's getString: numbers print as strconv.FormatFloat(f, 'f', -1, 64) (never an exponent),
 * bigint as an integer, bools as true/false, strings as is. Anything else (nil, maps, slices) is
 * not convertible and the caller skips the value, as Alloy does.
 */
export function goGetString(v: TemplateValue): string | undefined {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return formatFloatF(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** strconv.FormatFloat(f, 'f', -1, 64): shortest round-trip digits, plain decimal notation. */
export function formatFloatF(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (Object.is(f, -0)) return '-0';
  const s = String(f);
  const e = s.indexOf('e');
  if (e < 0) return s;
  // JS shortest digits are Go's shortest digits; only the notation differs.
  const neg = s.startsWith('-');
  const mantissa = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const digits = mantissa.replace('.', '');
  const pointAt = (mantissa.indexOf('.') < 0 ? mantissa.length : mantissa.indexOf('.')) + exp;
  let out: string;
  if (pointAt <= 0) out = '0.' + '0'.repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  return (neg ? '-' : '') + out;
}

/**
 * model.LabelName.IsValid under the UTF-8 validation scheme that prometheus/common (v0.62+) uses
 * by default and Alloy's loki stages do not override: non-empty and valid UTF-8.
 */
export function isValidLabelName(name: string): boolean {
  return name.length > 0 && isValidUtf8(name);
}

/** model.LabelValue.IsValid: valid UTF-8. */
export function isValidLabelValue(value: string): boolean {
  return isValidUtf8(value);
}

/** Escaped invalid bytes (lone surrogates U+DC80..U+DCFF) are what makes a string invalid UTF-8. */
export function isValidUtf8(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return false;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
