// The gitleaks configuration as the detector sees it after loading (gitleaks' `config.Config`):
// rules keyed by id, the global allowlists, and where each rule came from. Regexes are compiled
// with the project's Go-semantics regex layer.

import type { GoRegexp } from '../../regex/index.ts';

export type AllowlistCondition = 'OR' | 'AND';

export interface Allowlist {
  description: string;
  condition: AllowlistCondition;
  /** '' tests the secret, 'match' the whole regex match, 'line' the line(s) around the match. */
  regexTarget: '' | 'match' | 'line';
  /** The allowlist's regexes joined as gitleaks joins them: `(?:a|b|c)` (flags leak across!). */
  regex?: GoRegexp;
  regexCount: number;
  /** Lower-cased, de-duplicated stop words; a secret containing one is allowed. */
  stopWords: string[];
  /** Commits and paths never match a log line (no commit, empty path) but count for AND. */
  commitCount: number;
  pathCount: number;
}

export type RuleOrigin = 'default' | 'user' | 'merged';

export interface Rule {
  id: string;
  description: string;
  regex?: GoRegexp;
  /** `path` regex: a log line has no file path, so it is matched against "". */
  path?: GoRegexp;
  secretGroup: number;
  entropy: number;
  /** Lower-cased keywords; a rule with keywords only runs on lines containing one of them. */
  keywords: string[];
  allowlists: Allowlist[];
  required: { ruleId: string; withinLines?: number; withinColumns?: number }[];
  skipReport: boolean;
  /** Whether the rule is the project's default rule, the user's own, or a user change merged into a default rule. */
  origin: RuleOrigin;
}

export interface GitleaksConfig {
  title: string;
  rules: Map<string, Rule>;
  allowlists: Allowlist[];
  /** True when the project's default set stands in for the gitleaks set Alloy embeds. */
  usesDefaultSet: boolean;
  /**
   * User rules that change a rule of Alloy's embedded set which the project's default set does
   * not have (`[[rules]] id = "x"` without a regex, under `useDefault`). What they change is
   * unknown here.
   */
  unresolvedDefaultRules: string[];
}
