// Label sets as JSON: one `{"labels":{…}}` object per line (jsonl), or a whole JSON document that
// is a list of targets the way discovery components export them (a list of label maps) or a
// Prometheus file_sd list of `{"targets":[…],"labels":{…}}` groups. Objects are read into Maps:
// label names such as `__proto__` stay ordinary names.
import type { LabelSet } from './types.ts';

export class LabelJsonError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'LabelJsonError';
  }
}

export interface LabelRecord {
  /** 1-based line (jsonl) or element index + 1 (a JSON list). */
  line: number;
  labels: LabelSet;
}

function toLabelSet(v: unknown, where: number, what: string): LabelSet {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new LabelJsonError(`${what} must be an object of strings`, where);
  const m: LabelSet = new Map();
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val !== 'string') throw new LabelJsonError(`label ${JSON.stringify(k)} must be a string, got ${val === null ? 'null' : typeof val}`, where);
    m.set(k, val);
  }
  return m;
}

function parseJson(text: string, line: number): unknown {
  try {
    // JSON.parse creates own data properties, so "__proto__" keys are plain keys here.
    return JSON.parse(text);
  } catch (e) {
    throw new LabelJsonError(`invalid JSON: ${(e as Error).message}`, line);
  }
}

/** Reads either jsonl (`{"labels":{…}}` per line) or a JSON list of targets, whichever `text` is. */
export function parseLabelJson(text: string): LabelRecord[] {
  const first = text.trimStart()[0];
  if (first === '[') return parseTargetList(text);
  const out: LabelRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const v = parseJson(line, i + 1);
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !('labels' in v)) {
      throw new LabelJsonError('expected an object with a "labels" field', i + 1);
    }
    out.push({ line: i + 1, labels: toLabelSet((v as { labels: unknown }).labels, i + 1, '"labels"') });
  });
  return out;
}

/** A JSON list of label maps, or of file_sd groups (each target becomes `__address__` plus the group labels). */
export function parseTargetList(text: string): LabelRecord[] {
  const v = parseJson(text, 1);
  if (!Array.isArray(v)) throw new LabelJsonError('expected a JSON list of targets', 1);
  const out: LabelRecord[] = [];
  v.forEach((item, i) => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item) && Array.isArray((item as { targets?: unknown }).targets)) {
      const group = item as { targets: unknown[]; labels?: unknown };
      const common = group.labels === undefined ? new Map<string, string>() : toLabelSet(group.labels, i + 1, '"labels"');
      for (const t of group.targets) {
        if (typeof t !== 'string') throw new LabelJsonError('file_sd targets must be strings', i + 1);
        out.push({ line: i + 1, labels: new Map([['__address__', t], ...common]) });
      }
      return;
    }
    out.push({ line: i + 1, labels: toLabelSet(item, i + 1, 'a target') });
  });
  return out;
}

function labelsObject(labels: LabelSet): Record<string, string> {
  // Object.fromEntries defines own properties, so a "__proto__" label serialises as a key.
  return Object.fromEntries(labels);
}

/** `{"labels":{…}|null,"keep":bool}` plus optional fields, as one JSON line. */
export function formatLabelJson(labels: LabelSet | null, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ labels: labels === null ? null : labelsObject(labels), keep: labels !== null, ...extra });
}

/** A list of targets as discovery components export them. */
export function formatTargetList(targets: LabelSet[]): string {
  return JSON.stringify(targets.map(labelsObject), null, 2);
}
