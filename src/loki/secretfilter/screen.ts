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
// required literals, or by an RE2.Set of those regexes when the rules run on the native engine
// (valid UTF-8 only, as for stage.replace in replace-set.ts). Only a line with a credential
// literal (or, for keywords with non-ASCII letters, with a non-ASCII byte) is decoded and looked
// at more closely.

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
  const alwaysRun = reporting.filter((r) => !runsOnKeyword(r));
  if (alwaysRun.some((r) => r.regex === undefined)) return null;
  const regexScreen = alwaysRun.length === 0 ? null : noMatchScreen(alwaysRun.map((r) => r.regex!));
  if (alwaysRun.length > 0 && regexScreen === null) return null;

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
    if ((hit & BYTE_HIT.keyword) !== 0) return true;
    if (regexScreen !== null && regexScreen(bytes)) return true;
    const keywordsToDecode = decodedKeywords.length > 0 && (decodedKeywordsOnAsciiLines || (hit & BYTE_HIT.nonAscii) !== 0);
    const credentialsToDecode = checkCredentials && (credentialLiterals === null || (hit & BYTE_HIT.other) !== 0);
    if (!keywordsToDecode && !credentialsToDecode) return false;
    const line = decodeLine(bytes);
    if (keywordsToDecode) {
      const lower = goToLower(line);
      if (decodedKeywords.some((k) => lower.includes(k))) return true;
    }
    return credentialsToDecode && credentialFindings(line).length > 0;
  };
}

/** A test on a line's bytes that is false only when none of the regexes matches it, or null. */
function noMatchScreen(regexes: readonly GoRegexp[]): ((bytes: Buffer) => boolean) | null {
  const screens = regexes.map((re): LiteralScreen | null => {
    try {
      return literalScreen(analyseRegex(re.source).requiredLiterals);
    } catch {
      return null;
    }
  });
  if (screens.every((s) => s !== null)) return combinedByteScreen(screens as LiteralScreen[]);
  // The set answers for C++ RE2, so only for rules that run on it.
  if (regexes.some((re) => re.engine !== 're2')) return null;
  const set = buildReplaceSet(regexes.map((re) => re.source));
  if (set === null) return null;
  return (bytes) => !isUtf8(bytes) || set.test(bytes);
}
