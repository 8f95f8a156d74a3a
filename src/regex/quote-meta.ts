// Go's regexp.QuoteMeta: a backslash before each of \.+*?()|[]{}^$ and nothing else, so the
// result matches the input literally.
const SPECIAL = /[\\.+*?()|[\]{}^$]/g;

export function quoteMeta(s: string): string {
  return s.replace(SPECIAL, (c) => '\\' + c);
}
