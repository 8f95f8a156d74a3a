// `alloy-scrub rules FILE`: lists every scrub rule of a configuration (src/loki/graph-rules.ts)
// as text for people or JSON for tools. Exit 0, 1 for a config error, 2 for usage errors.
import { Command, Option } from 'commander';
import { listScrubRules, type RegexFacts, type ScrubRule } from '../../loki/graph-rules.ts';
import { configFailure, configRelativeReader, loadCommandConfig } from '../config-loading.ts';

interface RulesOptions {
  format: 'text' | 'json';
}

export function register(program: Command): void {
  program
    .command('rules')
    .description('list every scrub rule of a config (loki.process stages, relabel rules, loki.secretfilter) with what the analyser knows')
    .argument('<file>', 'Alloy configuration file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, opts: RulesOptions) => {
      const { model, source } = loadCommandConfig(file);
      let rules: ScrubRule[];
      try {
        rules = listScrubRules(model, { readFile: configRelativeReader(file) });
      } catch (err) {
        throw configFailure(err, source, file);
      }
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify({ file, rules }, null, 2)}\n` : formatRules(file, rules));
    });
}

export function formatRules(file: string, rules: ScrubRule[]): string {
  if (rules.length === 0) return `${file}: no scrub rules\n`;
  const lines: string[] = [`${file}: ${rules.length} scrub rule${rules.length === 1 ? '' : 's'}`];
  let component = '';
  for (const r of rules) {
    if (r.component !== component) {
      component = r.component;
      lines.push('', component);
    }
    const title = r.action ? `${r.name} (${r.action})` : r.name;
    const changes = r.effects.length > 0 ? ` — effects: ${r.effects.join(', ')}` : '';
    lines.push(`  ${r.position}. ${title} at ${r.file}:${r.range.start.line}:${r.range.start.column}${changes}${r.simulated ? '' : ' (not simulated)'}`);
    for (const [k, v] of Object.entries(r.arguments)) lines.push(`       ${k} = ${k === 'rules' && Array.isArray(v) ? ruleIds(v) : argText(v)}`);
    for (const [k, facts] of Object.entries(r.regexes)) lines.push(`       ${k}: ${factsText(facts)}`);
    if (r.unknown) lines.push(`       unknown: ${r.unknown}`);
    for (const f of r.findings) lines.push(`       finding: ${f}`);
  }
  return `${lines.join('\n')}\n`;
}

/** loki.secretfilter rule sets are long: ids in text, everything in JSON. */
function ruleIds(rules: unknown[]): string {
  const ids = rules.map((r) => String((r as { id?: unknown }).id));
  const shown = ids.slice(0, 12).join(', ');
  return `${ids.length} rules: ${shown}${ids.length > 12 ? `, … (${ids.length - 12} more; --format json lists them)` : ''}`;
}

/** Strings with backslashes or quotes read best as Alloy raw strings, as users write regexes. */
function argText(v: unknown): string {
  if (typeof v === 'string' && /[\\"]/.test(v) && !v.includes('`') && !/[\u0000-\u001f]/.test(v)) return `\`${v}\``;
  return JSON.stringify(v) ?? String(v);
}

function factsText(f: RegexFacts): string {
  if (f.error) return `rejected by Go: ${f.error}`;
  const parts = [`${f.captureGroups} capture group${f.captureGroups === 1 ? '' : 's'}`];
  if (f.groupNames && f.groupNames.length > 0) parts.push(`named ${f.groupNames.join(', ')}`);
  parts.push(f.canMatchEmpty ? 'can match empty' : 'cannot match empty');
  if (f.requiredLiterals) {
    const alts = f.requiredLiterals.alternatives.map((a) => JSON.stringify(a)).join(' | ');
    parts.push(`every match contains ${f.requiredLiterals.alternatives.length > 1 ? 'one of ' : ''}${alts}${f.requiredLiterals.caseFolded ? ' (ignoring case)' : ''}`);
  } else {
    parts.push('no required literal');
  }
  return parts.join('; ');
}
