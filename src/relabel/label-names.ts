// Label-name rules. Three different checks apply, and which one depends on the component:
// * legacy (`[a-zA-Z_][a-zA-Z0-9_]*`): Prometheus' relabel code run with LegacyValidation, which
//   is what prometheus.relabel and loki.relabel execute (they convert their rules to Prometheus'
//   relabel.Config with NameValidationScheme = LegacyValidation);
// * UTF-8 (non-empty, valid UTF-8): prometheus/common's LabelName.IsValid under the default global
//   scheme, which Alloy's own relabel code (discovery.relabel at run time, and every component's
//   rule validation at load time) calls;
// * the relabel-target template (`${1}`, `$name` allowed in a legacy-shaped name) for a target_label
//   or labelmap replacement that contains `$`.
import { isValidUtf8 } from './go-strings.ts';

function isLetterOrUnderscore(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isWordChar(c: number): boolean {
  return isLetterOrUnderscore(c) || (c >= 0x30 && c <= 0x39);
}

export function isLegacyLabelName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!(isLetterOrUnderscore(c) || (i > 0 && c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

export function isUtf8LabelName(name: string): boolean {
  return name.length > 0 && isValidUtf8(name);
}

/**
 * Alloy's and Prometheus' `relabelTarget` pattern, `^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$`,
 * checked by a linear scan instead of a backtracking regex: the first unit is a letter, `_` or a
 * `$` reference; every later unit is a word character or a `$` reference (`$\w+` or `${\w+}`).
 */
export function isRelabelTargetTemplate(s: string): boolean {
  let i = 0;
  let units = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x24 /* $ */) {
      const end = referenceEnd(s, i);
      if (end < 0) return false;
      i = end;
    } else if (units === 0 ? isLetterOrUnderscore(c) : isWordChar(c)) {
      i++;
    } else {
      return false;
    }
    units++;
  }
  return units > 0;
}

/** End index of the `$\w+` or `${\w+}` reference starting at `start`, or -1. */
function referenceEnd(s: string, start: number): number {
  let i = start + 1;
  const braced = s.charCodeAt(i) === 0x7b; /* { */
  if (braced) i++;
  const nameStart = i;
  while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
  if (i === nameStart) return -1;
  if (braced) {
    if (s.charCodeAt(i) !== 0x7d /* } */) return -1;
    i++;
  }
  return i;
}
