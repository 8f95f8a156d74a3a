// What gitleaks' Detector.DetectContext returns for one log line, as loki.secretfilter calls it
// (a fragment with only Raw set: no file path, no commit, no decoding passes since
// MaxDecodeDepth is 0, no redaction inside the detector).
//
// Per rule (a rule with keywords runs only if the lower-cased line contains one of them):
//   every match of the rule's regex → trim "\n" → skip if the match's line contains
//   "gitleaks:allow" → re-run the regex on the MATCHED TEXT ALONE to pick the secret group
//   (secretGroup, or the first non-empty group) → entropy must exceed the rule's threshold →
//   global allowlists, then the rule's allowlists.
// Then rules with `[[rules.required]]` keep only findings with companions nearby, and a finding
// of a rule whose id contains "generic" is dropped when a non-generic finding on the same line
// contains its secret.
//
// Findings come back grouped by rule. Gitleaks iterates its rules from a Go map, so the order of
// the groups is random in Alloy; redact.ts deals with that.

import { goToLower, gitleaksEntropy, trimNewlines } from './go-strings.ts';
import type { KeywordIndex } from './keywords.ts';
import { locate } from './location.ts';
import type { Allowlist, GitleaksConfig, Rule } from './model.ts';

export interface SecretFinding {
  ruleId: string;
  /** The regex match (trimmed of "\n"): gitleaks' Finding.Match. */
  match: string;
  /** The secret: the chosen group, or the whole match. */
  secret: string;
  /** JS index of the match in the line. */
  matchStart: number;
  startLine: number;
  startColumn: number;
  /** gitleaks' Finding.Line: the text `regexTarget = "line"` is tested against. */
  line: string;
}

const ALLOW_SIGNATURE = 'gitleaks:allow';

function allowed(lists: readonly Allowlist[], f: SecretFinding): boolean {
  for (const a of lists) {
    const target = a.regexTarget === 'match' ? f.match : a.regexTarget === 'line' ? f.line : f.secret;
    const regexAllowed = target !== '' && a.regex !== undefined && a.regex.matchString(target);
    let stop = false;
    if (f.secret !== '' && a.stopWords.length > 0) {
      const lower = goToLower(f.secret);
      stop = a.stopWords.some((w) => lower.includes(w));
    }
    let isAllowed: boolean;
    if (a.condition === 'AND') {
      // Commits and paths never match a log line, which has neither.
      const checks: boolean[] = [];
      if (a.commitCount > 0) checks.push(false);
      if (a.pathCount > 0) checks.push(false);
      if (a.regexCount > 0) checks.push(regexAllowed);
      if (a.stopWords.length > 0) checks.push(stop);
      isAllowed = checks.every(Boolean);
    } else {
      isAllowed = regexAllowed || stop;
    }
    if (isAllowed) return true;
  }
  return false;
}

function detectRule(raw: string, rule: Rule, cfg: GitleaksConfig, inherited: boolean): SecretFinding[] {
  if (rule.skipReport && !inherited) return [];
  if (rule.path) {
    if (!rule.regex) {
      // A path-only rule "detects a file"; the fragment's path is empty here.
      if (!rule.path.matchString('')) return [];
      return [{ ruleId: rule.id, match: 'file detected: ', secret: '', matchStart: 0, startLine: 0, startColumn: 0, line: '' }];
    }
    if (!rule.path.matchString('')) return [];
  }
  if (!rule.regex) return [];
  const found: SecretFinding[] = [];
  for (const [s, e] of rule.regex.findAllStringIndex(raw, -1)) {
    const match = trimNewlines(raw.slice(s, e));
    const loc = locate(raw, s, s + match.length);
    if (loc.line.includes(ALLOW_SIGNATURE)) continue;
    let secret = match;
    const groups = rule.regex.findStringSubmatch(match);
    if (groups && groups.length >= 2) {
      if (rule.secretGroup > 0) {
        if (groups.length <= rule.secretGroup) continue;
        secret = groups[rule.secretGroup] ?? '';
      } else {
        for (const g of groups.slice(1)) {
          if (g !== undefined && g.length > 0) {
            secret = g;
            break;
          }
        }
      }
    }
    if (rule.entropy !== 0 && gitleaksEntropy(secret) <= rule.entropy) continue;
    const f: SecretFinding = { ruleId: rule.id, match, secret, matchStart: s, startLine: loc.startLine, startColumn: loc.startColumn, line: loc.line };
    if (allowed(cfg.allowlists, f) || allowed(rule.allowlists, f)) continue;
    found.push(f);
  }
  if (inherited || rule.required.length === 0) return found;
  return withRequiredCompanions(raw, rule, cfg, found);
}

/** Multi-part rules: a primary finding survives only with a finding of every required rule nearby. */
function withRequiredCompanions(raw: string, rule: Rule, cfg: GitleaksConfig, primary: SecretFinding[]): SecretFinding[] {
  if (primary.length === 0) return primary;
  const byRule = new Map<string, SecretFinding[]>();
  for (const req of rule.required) {
    const r = cfg.rules.get(req.ruleId);
    if (r) byRule.set(req.ruleId, detectRule(raw, r, cfg, true));
  }
  return primary.filter((p) => {
    const present = new Set<string>();
    for (const req of rule.required) {
      for (const q of byRule.get(req.ruleId) ?? []) {
        const lineOk = req.withinLines === undefined || Math.abs(p.startLine - q.startLine) <= req.withinLines;
        const colOk = req.withinColumns === undefined || Math.abs(p.startColumn - q.startColumn) <= req.withinColumns;
        if (lineOk && colOk) present.add(q.ruleId);
      }
    }
    return present.size > 0 && rule.required.every((req) => present.has(req.ruleId));
  });
}

function isGeneric(ruleId: string): boolean {
  return goToLower(ruleId).includes('generic');
}

/** The rules gitleaks runs on a line (keyword prefilter), one `includes` per keyword. */
export function rulesByKeyword(lower: string, cfg: GitleaksConfig): Rule[] {
  return [...cfg.rules.values()].filter((rule) => rule.keywords.length === 0 || rule.keywords.some((k) => lower.includes(k)));
}

/**
 * Findings of all rules for one line, grouped by rule (in the config's rule order). `keywords`,
 * built from the same config, selects the rules in one pass (keywords.ts) and gives the same set.
 */
export function detectLine(raw: string, cfg: GitleaksConfig, keywords?: KeywordIndex): SecretFinding[][] {
  const lower = goToLower(raw);
  const groups: SecretFinding[][] = [];
  for (const rule of keywords ? keywords.rulesToRun(lower) : rulesByKeyword(lower, cfg)) {
    const fs = detectRule(raw, rule, cfg, false);
    if (fs.length > 0) groups.push(fs);
  }
  if (groups.length === 0) return groups;
  // gitleaks' filter(): a generic finding gives way to a specific one on the same line that contains it.
  const all = groups.flat();
  return groups
    .map((g) =>
      g.filter(
        (f) =>
          !isGeneric(f.ruleId) ||
          !all.some((o) => o.startLine === f.startLine && o.ruleId !== f.ruleId && o.secret.includes(f.secret) && !isGeneric(o.ruleId)),
      ),
    )
    .filter((g) => g.length > 0);
}
