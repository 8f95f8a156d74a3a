// The pass-through screen of a `run` that starts at a loki.secretfilter (see loki/prefilter.ts):
// a test on a line's raw bytes that is false only when the component provably forwards the line
// unchanged, with no unknown mark, so `run` can write the bytes out without decoding them.
//
// When process() (index.ts) changes or marks nothing:
//  * never when the component is blocked, scans a random fraction (0 < rate < 1) or has
//    unresolved default rules: every entry is marked, so there is no screen;
//  * always when rate = 0: nothing is scanned;
//  * otherwise when no rule has a finding and, with the project's default set in play, the
//    credential detectors see no credential in the line (the fail-closed check).
// A rule can only have a finding when it reports (not skipReport; a `path` must match the empty
// path of a log line) and runs (one of its keywords is in the lower-cased line, or it has none)
// and its regex matches the line (a path-only rule without keywords reports on every line: no
// screen). Entropy, allowlists, required companions and the generic-rule filter only ever remove
// findings, so leaving them out keeps the screen sound.
//
// The keywords and the credential detectors' literals are looked for in one pass over the bytes
// (KeywordByteScreen). Rules without keywords need their regex proven not to match: by its
// required literals, or by an RE2.Set. When the rules run on the native engine, an RE2.Set of all
// their regexes also clears a line where some rule runs (a keyword occurs) but no regex matches
// anywhere, such as the `curl/8.4.0` of an access log (valid UTF-8 only, as for stage.replace in
// replace-set.ts: C++ RE2 reads invalid bytes unlike Go). Only a line with a credential literal
// (or, for keywords with non-ASCII letters, with a non-ASCII byte) is decoded and looked at more
// closely.

import { Buffer, isUtf8 } from 'node:buffer';
import type { Component } from '../../config/model.ts';
import { credentialFindings, CREDENTIAL_LITERALS } from '../../detect/credential-screen.ts';
import type { GoRegexp } from '../../regex/index.ts';
import { analyseRegex } from '../../regex/index.ts';
import { combinedByteScreen, literalScreen, type LiteralScreen } from '../../regex/literal-screen.ts';
import { decodeLine } from '../line-codec.ts';
import { buildReplaceSet } from '../replace-set.ts';
import { stagePrefiltersEnabled } from '../stages/prefilter-switch.ts';
import type { SecretFilterArgs } from './args.ts';
import { goToLower } from './go-strings.ts';
import { BYTE_HIT, KeywordByteScreen } from './keywords.ts';
import type { GitleaksConfig, Rule } from './model.ts';

/** What compileSecretFilter loaded for a component. */
export interface LoadedSecretFilter {
  args?: SecretFilterArgs;
  config?: GitleaksConfig;
  blocked?: string;
}

// The configuration each component was last compiled with, so that the screen describes the
// simulation `run` is about to use (a gitleaks_config file is read once, by the compiler).
const compiled = new WeakMap<Component, LoadedSecretFilter>();

/** Called by compileSecretFilter. */
export function rememberCompiled(component: Component, loaded: LoadedSecretFilter): void {
  compiled.set(component, loaded);
}

/**
 * The screen for `component`, or null when no line can be proven untouched (also when the
 * component was not compiled in this process, or the stage prefilters are switched off).
 */
export function secretFilterPassThrough(component: Component): ((bytes: Buffer) => boolean) | null {
  const loaded = compiled.get(component);
  if (loaded === undefined || !stagePrefiltersEnabled()) return null;
  return lineScreen(loaded);
}

/** The screen for what a secretfilter loaded (exported for tests). */
export function lineScreen(loaded: LoadedSecretFilter): ((bytes: Buffer) => boolean) | null {
  const { args, config } = loaded;
  if (loaded.blocked !== undefined || args === undefined || config === undefined) return null;
  if (args.rate === 0) return () => false;
  if (args.rate < 1 || config.unresolvedDefaultRules.length > 0) return null;

  const reporting = [...config.rules.values()].filter((r) => !r.skipReport && (r.path === undefined || r.path.matchString('')));
  const runsOnKeyword = (r: Rule): boolean => r.keywords.length > 0 && !r.keywords.includes('');
  // Whether any reporting rule's regex can match the line at all (null: no such proof here).
  const anyRegexMayMatch = reporting.every((r) => r.regex !== undefined) ? setScreen(reporting.map((r) => r.regex!)) : null;
  const alwaysRun = reporting.filter((r) => !runsOnKeyword(r));
  let alwaysRunMayMatch: ((bytes: Buffer) => boolean) | null = null;
  if (alwaysRun.length > 0) {
    if (alwaysRun.some((r) => r.regex === undefined)) return null;
    alwaysRunMayMatch = literalsScreen(alwaysRun.map((r) => r.regex!)) ?? anyRegexMayMatch;
    if (alwaysRunMayMatch === null) return null;
  }

  const keywords = [...new Set(reporting.filter(runsOnKeyword).flatMap((r) => r.keywords))];
  const lowerAscii = (k: string): boolean => !/[^\x00-\x40\x5b-\x7f]/.test(k);
  const byteKeywords = keywords.filter(lowerAscii);
  // Keywords the byte pass cannot look for: with non-ASCII characters (only a line with a
  // non-ASCII byte can hold them) or, never from a TOML file, upper-case ASCII letters.
  const decodedKeywords = keywords.filter((k) => !lowerAscii(k));
  const decodedKeywordsOnAsciiLines = decodedKeywords.some((k) => !/[^\x00-\x7f]/.test(k));
  const checkCredentials = config.usesDefaultSet;
  const credentialLiterals = checkCredentials ? CREDENTIAL_LITERALS : [];
  const bytePass = KeywordByteScreen.build(byteKeywords, credentialLiterals ?? []);
  if (bytePass === null) return null;

  return (bytes) => {
    const hit = bytePass.scan(bytes);
    const keywordHit = (hit & BYTE_HIT.keyword) !== 0;
    let line: string | undefined;
    let someRuleRuns = keywordHit || (alwaysRunMayMatch !== null && alwaysRunMayMatch(bytes));
    if (!someRuleRuns && decodedKeywords.length > 0 && (decodedKeywordsOnAsciiLines || (hit & BYTE_HIT.nonAscii) !== 0)) {
      const lower = goToLower((line = decodeLine(bytes)));
      someRuleRuns = decodedKeywords.some((k) => lower.includes(k));
    }
    // A rule that runs finds nothing when its regex matches nowhere in the line.
    if (someRuleRuns && (anyRegexMayMatch === null || anyRegexMayMatch(bytes))) return true;
    // The byte pass stops at the first keyword, so after one it has not looked for every literal.
    if (!checkCredentials || (credentialLiterals !== null && !keywordHit && (hit & BYTE_HIT.other) === 0)) return false;
    return credentialFindings(line ?? decodeLine(bytes)).length > 0;
  };
}

/** A test on a line's bytes, false only when none of the regexes matches: by required literals. */
function literalsScreen(regexes: readonly GoRegexp[]): ((bytes: Buffer) => boolean) | null {
  const screens = regexes.map((re): LiteralScreen | null => {
    try {
      return literalScreen(analyseRegex(re.source).requiredLiterals);
    } catch {
      return null;
    }
  });
  return screens.every((s) => s !== null) ? combinedByteScreen(screens as LiteralScreen[]) : null;
}

/** The same by an RE2.Set, for regexes that run on C++ RE2 (valid UTF-8 lines only). */
function setScreen(regexes: readonly GoRegexp[]): ((bytes: Buffer) => boolean) | null {
  if (regexes.length === 0 || regexes.some((re) => re.engine !== 're2')) return null;
  const set = buildReplaceSet(regexes.map((re) => re.source));
  if (set === null) return null;
  return (bytes) => !isUtf8(bytes) || set.test(bytes);
}
