// Inline suppression: a comment on the line before a flagged line,
//   // alloy-scrub-ignore RULE_ID: reason
// silences findings of RULE_ID that start on the next line. The reason is required so that a
// reviewer can see why; a comment without one suppresses nothing. Comments that suppress nothing
// are findings themselves (info), so stale suppressions do not pile up.
import type { File } from '../syntax/ast.ts';
import type { Range } from '../syntax/ast.ts';
import { RULE_CATALOGUE } from './catalogue.ts';
import { finding } from './finding.ts';
import type { Finding } from './types.ts';

export interface Suppression {
  rule: string;
  reason: string;
  /** Line of the comment; it applies to findings starting on line + 1. */
  line: number;
  range: Range;
}

const MARKER = /^\/\/\s*alloy-scrub-ignore\b(.*)$/;

export function readSuppressions(file: File): Suppression[] {
  const out: Suppression[] = [];
  for (const group of file.comments) {
    for (const c of group.comments) {
      const m = MARKER.exec(c.text.trim());
      if (!m) continue;
      const body = m[1]!.trim();
      const colon = body.indexOf(':');
      const rule = (colon < 0 ? body : body.slice(0, colon)).trim();
      const reason = colon < 0 ? '' : body.slice(colon + 1).trim();
      out.push({ rule, reason, line: c.range.start.line, range: c.range });
    }
  }
  return out;
}

/** Removes suppressed findings and adds the findings about the suppressions themselves. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], fileName: string): Finding[] {
  const used = new Set<Suppression>();
  const kept = findings.filter((f) => {
    const s = suppressions.find((x) => x.reason !== '' && x.rule === f.rule && x.line + 1 === f.range.start.line && f.file === fileName);
    if (!s) return true;
    used.add(s);
    return false;
  });
  for (const s of suppressions) {
    if (s.reason === '') {
      kept.push(
        finding(
          'suppression-without-reason',
          fileName,
          s.range,
          `alloy-scrub-ignore ${s.rule || '(no rule id)'} has no reason, so it suppresses nothing`,
          `write why the finding does not apply: // alloy-scrub-ignore ${s.rule || 'RULE_ID'}: <reason>`,
        ),
      );
    } else if (!used.has(s)) {
      const known = RULE_CATALOGUE.has(s.rule);
      kept.push(
        finding(
          'unused-suppression',
          fileName,
          s.range,
          known ? `alloy-scrub-ignore ${s.rule} suppresses nothing: no ${s.rule} finding starts on line ${s.line + 1}` : `alloy-scrub-ignore names ${JSON.stringify(s.rule)}, which is not an alloy-scrub rule`,
          known ? 'remove the comment, or move it to the line just above the flagged line' : 'use a rule id from `alloy-scrub lint --format json` output',
        ),
      );
    }
  }
  return kept;
}
