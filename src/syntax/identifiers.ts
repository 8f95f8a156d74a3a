// Identifier validity as Alloy's scanner.IsValidIdentifier decides it: the whole text scans as one
// identifier token (keywords such as `true` or `null` are not identifiers).
import { Scanner } from './scanner.ts';

export function isValidIdentifier(text: string): boolean {
  const scanner = new Scanner(text, () => {});
  const t = scanner.scan();
  return t.kind === 'IDENT' && t.text === text;
}
