// ASCII-only case folding that keeps every index where it was. String.prototype.toLowerCase can
// change the length of a string ('İ' becomes two code units), which would shift every span found
// in the folded copy; the keys and keywords the scanners look for are ASCII anyway.

let lastIn: string | undefined;
let lastOut = '';

export function asciiLower(text: string): string {
  // Several detectors fold the same text in one detectSecrets call: remember the last one.
  if (text === lastIn) return lastOut;
  lastIn = text;
  lastOut = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  return lastOut;
}
