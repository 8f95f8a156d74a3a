// loki.secretfilter simulation (issue #4): redacts secrets in log lines the way Alloy's component
// does — gitleaks v8 rules (regex, secretGroup, keywords prefilter, entropy, allowlists) applied
// to each line, then redact_with / redact_percent rewriting (see detect.ts and redact.ts).
//
// FAIL-CLOSED POLICY for the rule set. Without gitleaks_config, Alloy runs the gitleaks default
// rules it embeds; this project does not copy them and uses its own default set
// (default-rules.ts) instead, and `[extend] useDefault = true` extends that set. So whenever the
// default set is in play, an entry is marked UNKNOWN when the verdict could depend on which set
// it is:
//   * a rule matched the line: the project's rule redacted it, but Alloy's embedded rule for the
//     same credential may cover a different span or not exist — a "redacted" verdict is not proven;
//   * no rule matched but the project's credential detectors see a credential in the line: Alloy's
//     larger set may redact it — a "leaked" verdict is not proven either.
// An entry where no rule matched and no credential is visible is left unmarked: both sets agree
// nothing needs redacting as far as anyone here can tell, and a wrong guess there can only make a
// test fail (Alloy redacted something unexpected), never pass a leak. Users who want definite
// verdicts point gitleaks_config at their own rules without `useDefault`; those are simulated
// exactly. Rule-order effects (Alloy iterates rules in random map order) are computed, not
// guessed: when orders disagree the entry is marked unknown and the leakiest outcome is forwarded.
//
// Regex engine: Alloy is built with gitleaks' `gore2regex` tag, so rules run on C++ RE2 (via
// wasilibs/go-re2); here they go through the project's Go-semantics regex layer (compileRegex,
// default engine). RE2 and Go's regexp share syntax and leftmost-first semantics; the known
// differences (invalid UTF-8 handling, Unicode table versions) are not modelled.
//
// Not simulated, by design: processing_timeout (time depends on the machine, not on the rules:
// the simulation assumes no entry times out, which the description states), metrics and
// origin_label (they change no entry).

import { ConfigError } from '../../config/errors.ts';
import type { Component } from '../../config/model.ts';
import { credentialFindings } from '../../detect/credential-screen.ts';
import { detectSecrets, type Finding } from '../../detect/index.ts';
import { stagePrefiltersEnabled } from '../stages/prefilter-switch.ts';
import { cloneEntry, type EntryOutcome, type LogEntry, type LokiComponentSimulation, type UnknownMark } from '../types.ts';
import { decodeArgs, unknownArgument, type SecretFilterArgs } from './args.ts';
import { DEFAULT_RULE_COUNT } from './default-rules.ts';
import { detectLine } from './detect.ts';
import { defaultGitleaksConfig, GitleaksConfigError, loadGitleaksConfig, type ReadFile } from './gitleaks-config.ts';
import type { GitleaksConfig } from './model.ts';
import { KeywordIndex } from './keywords.ts';
import { redactLine } from './redact.ts';
import { rememberCompiled } from './screen.ts';

export interface SecretFilterOptions {
  /** Reads `gitleaks_config` (and `[extend] path`) files; without it such a config is not read and entries are marked unknown. */
  readFile?: ReadFile;
  /** Accepted for the graph runner's common options; unused. */
  nowNs?: bigint;
}

interface Loaded {
  args?: SecretFilterArgs;
  config?: GitleaksConfig;
  /** Why the component cannot be simulated at all (entries pass unchanged, marked unknown). */
  blocked?: string;
}

function load(component: Component, opts: SecretFilterOptions): Loaded {
  const unknownArg = unknownArgument(component);
  if (unknownArg) return { blocked: `${unknownArg.name} is only known when Alloy runs (${unknownArg.reason})` };
  const args = decodeArgs(component);
  if (args.gitleaksConfig === '') return { args, config: defaultGitleaksConfig() };
  if (!opts.readFile) return { args, blocked: `gitleaks_config "${args.gitleaksConfig}" was not read (the simulation was given no file access)` };
  let text: string;
  try {
    text = opts.readFile(args.gitleaksConfig);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : (e as Error).message;
    throw configError(component, `failed to create gitleaks detector: read gitleaks config: open ${args.gitleaksConfig}: ${why}`);
  }
  try {
    return { args, config: loadGitleaksConfig(text, args.gitleaksConfig, opts.readFile) };
  } catch (e) {
    if (!(e instanceof GitleaksConfigError)) throw e;
    const msg = e.message.startsWith('parse gitleaks config') ? e.message : `translate gitleaks config: ${e.message}`;
    throw configError(component, `failed to create gitleaks detector: ${msg}`);
  }
}

function configError(component: Component, message: string): ConfigError {
  const at = component.attributes.get('gitleaks_config');
  return new ConfigError(message, component.file, at?.range ?? component.range);
}

export function compileSecretFilter(component: Component, opts: SecretFilterOptions = {}): LokiComponentSimulation {
  const loaded = load(component, opts);
  const mark = (message: string): UnknownMark => ({ message: `${component.id}: ${message}`, file: component.file, range: component.range });
  rememberCompiled(component, loaded);
  if (loaded.blocked !== undefined) {
    const m = mark(`${loaded.blocked}; entries pass unchanged here but Alloy may redact them`);
    return {
      id: component.id,
      process(entry: LogEntry): EntryOutcome[] {
        const e = cloneEntry(entry);
        e.unknown.push(m);
        return [{ kind: 'forward', entry: e }];
      },
      flush: () => [],
    };
  }
  const args = loaded.args!;
  const config = loaded.config!;
  const settings = { redactWith: args.redactWith, redactPercent: args.redactPercent };
  const unresolved = config.unresolvedDefaultRules.length > 0
    ? mark(`gitleaks_config changes rules of Alloy's embedded gitleaks set that the project's default set does not have (${config.unresolvedDefaultRules.join(', ')}); their effect is unknown`)
    : undefined;
  // Screens (switched off with the stage prefilters, to measure them and to test them against
  // the plain path): the keyword automaton picks the same rules as one `includes` per keyword,
  // and credentialFindings gives the same credentials as detectSecrets without its PII scan.
  const screened = stagePrefiltersEnabled();
  const keywords = screened ? (KeywordIndex.build([...config.rules.values()]) ?? undefined) : undefined;
  const credentialsIn = screened ? credentialFindings : (line: string): Finding[] => detectSecrets(line).filter((f) => f.kind === 'credential');
  return {
    id: component.id,
    process(entry: LogEntry): EntryOutcome[] {
      const e = cloneEntry(entry);
      if (args.rate === 0) return [{ kind: 'forward', entry: e }];
      if (args.rate < 1) {
        // Alloy scans a random fraction `rate` of entries; this one may be forwarded unscanned.
        e.unknown.push(mark(`rate = ${args.rate}: Alloy forwards a random ${Math.round((1 - args.rate) * 100)}% of entries without scanning them; shown unscanned`));
        return [{ kind: 'forward', entry: e }];
      }
      const original = e.line;
      const groups = detectLine(original, config, keywords);
      if (unresolved) e.unknown.push(unresolved);
      if (groups.length > 0) {
        const outcome = redactLine(original, groups, settings);
        e.line = outcome.line;
        if (outcome.candidates.length > 1) {
          e.unknown.push(mark(`the result depends on the order in which Alloy happens to run the rules (${groups.map((g) => g[0]!.ruleId).join(', ')}): ${outcome.candidates.length} different lines are possible; the one that keeps the most secret text is shown`));
        }
      }
      if (config.usesDefaultSet) {
        const matched = groups.map((g) => g[0]!).filter((f) => config.rules.get(f.ruleId)?.origin !== 'user');
        if (matched.length > 0) {
          e.unknown.push(mark(`redacted by rule(s) ${[...new Set(matched.map((f) => f.ruleId))].join(', ')} of alloy-scrub's own default set, which stands in for the gitleaks rules Alloy embeds; Alloy may redact this line differently or not at all (set gitleaks_config to your own rules for a definite verdict)`));
        } else {
          const seen = credentialsIn(original);
          if (seen.length > 0) {
            e.unknown.push(mark(`the line holds a credential the project's detectors recognise (${[...new Set(seen.map((f) => f.detector))].join(', ')}) that no rule of alloy-scrub's default set matched; Alloy's embedded gitleaks rules may redact it (set gitleaks_config to your own rules for a definite verdict)`));
          }
        }
      }
      return [{ kind: 'forward', entry: e }];
    },
    flush: () => [],
  };
}

export interface SecretFilterRuleInfo {
  id: string;
  description: string;
  origin: 'default' | 'user' | 'merged';
  keywords: string[];
  regex?: string;
  secretGroup: number;
  entropy: number;
  allowlists: number;
}

export interface SecretFilterDescription {
  id: string;
  /** 'project-default': alloy-scrub's own set stands in for Alloy's embedded gitleaks set. */
  ruleSet: 'project-default' | 'user' | 'user+project-default' | 'not-loaded';
  rules: SecretFilterRuleInfo[];
  redaction: string;
  notes: string[];
}

/** What `alloy-scrub rules` shows for a loki.secretfilter component. */
export function describeSecretFilter(component: Component, opts: SecretFilterOptions = {}): SecretFilterDescription {
  const loaded = load(component, opts);
  const notes: string[] = [];
  if (loaded.blocked !== undefined) {
    return { id: component.id, ruleSet: 'not-loaded', rules: [], redaction: 'unknown', notes: [loaded.blocked] };
  }
  const args = loaded.args!;
  const config = loaded.config!;
  const ruleSet = !config.usesDefaultSet ? 'user' : args.gitleaksConfig === '' ? 'project-default' : 'user+project-default';
  if (config.usesDefaultSet) {
    notes.push(
      `rules marked "default" are alloy-scrub's own set (${DEFAULT_RULE_COUNT} rules written by the project), not the gitleaks default set Alloy embeds (about 220 rules); entries where the difference could matter are reported as unknown`,
    );
  }
  if (config.unresolvedDefaultRules.length > 0) notes.push(`changes to embedded gitleaks rules not in the project's set: ${config.unresolvedDefaultRules.join(', ')}`);
  if (args.rate < 1) notes.push(args.rate === 0 ? 'rate = 0: no entry is scanned' : `rate = ${args.rate}: only a random fraction of entries is scanned`);
  if (args.processingTimeoutNs > 0n) {
    notes.push(`processing_timeout is set: the simulation assumes no entry times out (a timed-out entry is ${args.dropOnTimeout ? 'dropped' : 'forwarded with only the secrets found so far redacted'}${args.labelTimedOut && !args.dropOnTimeout ? ' and labelled secretfilter="timed-out"' : ''})`);
  }
  notes.push('rules run in random order in Alloy (a Go map); where the order changes the result, entries are reported as unknown');
  const redaction = args.redactWith !== ''
    ? `replace each secret with ${JSON.stringify(args.redactWith)} ($SECRET_NAME = rule id, $SECRET_HASH = sha1 of the secret)`
    : args.redactPercent >= 100
      ? 'replace each secret with "REDACTED"'
      : `keep the first ${100 - args.redactPercent}% of each secret's bytes, then "..."`;
  const rules = [...config.rules.values()].map((r) => ({
    id: r.id,
    description: r.description,
    origin: r.origin,
    keywords: r.keywords,
    regex: r.regex?.source,
    secretGroup: r.secretGroup,
    entropy: r.entropy,
    allowlists: r.allowlists.length,
  }));
  return { id: component.id, ruleSet, rules, redaction, notes };
}
