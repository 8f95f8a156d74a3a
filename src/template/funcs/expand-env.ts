// Go's os.Expand / os.ExpandEnv: $NAME and ${NAME} replaced through a lookup, shell special
// variables ($1, $*, …) taken one character long, bad syntax (${}, unclosed ${) swallowed.

function isShellSpecialVar(c: string): boolean {
  return '*#$@!?-0123456789'.includes(c) && c.length === 1;
}

function isAlphaNum(c: string): boolean {
  return /^[A-Za-z0-9_]$/.test(c);
}

/** Go's getShellName: the variable name after '$' and how many bytes it spans. */
function getShellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && isShellSpecialVar(s[1]!) && s[2] === '}') return [s.slice(1, 2), 3];
    for (let i = 1; i < s.length; i++) {
      if (s[i] === '}') {
        if (i === 1) return ['', 2];
        return [s.slice(1, i), i + 1];
      }
    }
    return ['', 1];
  }
  if (isShellSpecialVar(s[0]!)) return [s.slice(0, 1), 1];
  let i = 0;
  while (i < s.length && isAlphaNum(s[i]!)) i++;
  return [s.slice(0, i), i];
}

export function expandEnv(s: string, lookup: (name: string) => string): string {
  let out = '';
  let i = 0;
  let changed = false;
  for (let j = 0; j < s.length; j++) {
    if (s[j] === '$' && j + 1 < s.length) {
      changed = true;
      out += s.slice(i, j);
      const [name, w] = getShellName(s.slice(j + 1));
      if (name === '' && w > 0) {
        // Invalid syntax: the characters are eaten.
      } else if (name === '') {
        out += s[j];
      } else {
        out += lookup(name);
      }
      j += w;
      i = j + 1;
    }
  }
  return changed ? out + s.slice(i) : s;
}
