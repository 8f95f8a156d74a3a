// `--labels <json>` of run and fuzz: stream labels for every entry, as a JSON object of strings.
import { usageError } from './exit.ts';

/** The labels, or a usage error naming `command` (e.g. "alloy-scrub fuzz"). */
export function parseLabelsOption(json: string | undefined, command: string): Map<string, string> {
  const labels = new Map<string, string>();
  if (json === undefined) return labels;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (err) {
    throw usageError(`${command}: --labels is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw usageError(`${command}: --labels must be a JSON object, e.g. {"namespace":"prod"}`);
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') throw usageError(`${command}: --labels: the value of ${JSON.stringify(k)} must be a string`);
    labels.set(k, val);
  }
  return labels;
}
