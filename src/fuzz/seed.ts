// Seeds: every cell (secret type × context) gets its own fast-check seed derived from the run's
// seed and the cell's name, so a cell generates the same entries whatever else is selected, and a
// leak replays from the run's seed, its cell and fast-check's path alone.

/** FNV-1a over the text, as a signed 32-bit integer (fast-check's seed type). */
export function cellSeed(seed: number, secretType: string, context: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u0000${secretType}\u0000${context}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
