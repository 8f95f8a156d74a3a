// A generated log line and the secrets placed in it, each with every spelling it has in the line
// (raw, then each escape layer the context applied on the way in).
import type { SecretSample } from '../secrets/types.ts';

export interface PlacedSecret {
  sample: SecretSample;
  /** The secret's spelling at the current depth of escaping (one per base spelling). */
  current: string[];
  /** Every spelling at every depth, raw first; the leak check looks for all of them. */
  forms: string[];
}

export interface FuzzEntry {
  /** Secret type id of the cell this entry belongs to ("clean" for over-redaction lines). */
  type: string;
  /** Context id. */
  context: string;
  line: string;
  secrets: PlacedSecret[];
}

export type Escape = (s: string) => string;

/** A sample placed raw into a line. */
export function placed(sample: SecretSample): PlacedSecret {
  const bases = [sample.secret, ...(sample.alternates ?? [])];
  return { sample, current: bases, forms: [...bases] };
}

/** The same secrets after the text that holds them went through `escape`. */
export function escaped(secrets: PlacedSecret[], escape: Escape): PlacedSecret[] {
  return secrets.map((p) => {
    const current = p.current.map(escape);
    const forms = [...p.forms];
    for (const f of current) if (!forms.includes(f)) forms.push(f);
    return { sample: p.sample, current, forms };
  });
}
