// Go value conversions the stages share. Alloy's stages keep `map[string]any` extracted values and
// turn them into strings with one helper (stages/util.go getString); every stage that reads an
// extracted value must agree with it byte for byte, so the conversion lives here once.

// Go's getString (stages/util.go) also makes template data, so it lives with the template
// engine; the stages take it from here.
export { goGetString } from '../../template/index.ts';

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
