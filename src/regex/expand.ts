// Go's Regexp.ExpandString: `$$` is a dollar, `$name`/`${name}` a group by number or name, and a
// `$` not followed by a well-formed reference is kept as text. A bare name takes the longest run
// of letters, digits and underscores, so `$1x` means the group named "1x" (usually empty).

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

interface Reference {
  name: string;
  /** Group number, or -1 when the name is not a plain number (then it is looked up by name). */
  num: number;
  /** Index in the template just after the reference. */
  next: number;
}

/** Reads the reference after a `$` at template[at]; null when it is malformed. */
function readReference(template: string, at: number): Reference | null {
  let i = at;
  const brace = template[i] === '{';
  if (brace) i++;
  const nameStart = i;
  while (i < template.length) {
    const cp = template.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === nameStart) return null;
  const name = template.slice(nameStart, i);
  if (brace) {
    if (template[i] !== '}') return null;
    i++;
  }
  return { name, num: groupNumber(name), next: i };
}

/** Go's rule: decimal digits only, no leading zero, and it stops counting past 1e8. */
function groupNumber(name: string): number {
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 0x30 || c > 0x39 || num >= 1e8) return -1;
    num = num * 10 + (c - 0x30);
  }
  if (name[0] === '0' && name.length > 1) return -1;
  return num;
}

function groupText(group: number, src: string, match: number[]): string {
  if (2 * group + 1 >= match.length || match[2 * group]! < 0) return '';
  return src.slice(match[2 * group], match[2 * group + 1]);
}

export function expandTemplate(template: string, src: string, match: number[], subexpNames: string[]): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const ref = readReference(template, i);
    if (ref === null) {
      out += '$';
      continue;
    }
    i = ref.next;
    if (ref.num >= 0) {
      out += groupText(ref.num, src, match);
      continue;
    }
    // A name may label several groups; the first one that took part in the match counts.
    for (let g = 0; g < subexpNames.length; g++) {
      if (subexpNames[g] === ref.name && 2 * g + 1 < match.length && match[2 * g]! >= 0) {
        out += groupText(g, src, match);
        break;
      }
    }
  }
  return out + template.slice(i);
}
