// Findings about loki.process scrub rules that cannot work as written. Every claim is backed by
// the engines: group counts and empty matches by the regex analyser, rejections by our Go-syntax
// parser, examples of what Alloy prints by running the stage's own regex.
import type { ConfigModel, EvaluatedBlock } from '../config/model.ts';
import { REGEX_ATTRS } from '../loki/stages/describe.ts';
import { analyseRegex, compileRegex, RegexSyntaxError, type RegexAnalysis } from '../regex/index.ts';
import { finding, showPattern, stringAttr } from './finding.ts';
import { matchesEveryInput } from './empty-match.ts';
import { caseSensitiveKeywords } from './keyword-case.ts';
import { lokiProcesses, walkStages } from './stage-walk.ts';
import type { Finding } from './types.ts';

export function scrubStageFindings(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const c of lokiProcesses(model.components.values())) {
    for (const { block } of walkStages(c.blocks)) {
      const analyses = new Map<string, RegexAnalysis>();
      for (const name of REGEX_ATTRS[block.name] ?? []) {
        const a = stringAttr(block, name);
        if (!a || a.value === '') continue;
        try {
          analyses.set(name, analyseRegex(a.value));
        } catch (e) {
          if (!(e instanceof RegexSyntaxError)) throw e;
          out.push(
            finding(
              'regex-rejected',
              block.file,
              a.attr.range,
              `${block.name} ${name} ${showPattern(a.value)} is rejected by Go's regexp (${e.message}); Alloy refuses to load this configuration`,
              'rewrite the expression in RE2 syntax: no lookaround, no backreferences, named groups as (?P<name>…) or (?<name>…)',
            ),
          );
        }
      }
      if (block.name === 'stage.replace') out.push(...replaceFindings(block, analyses.get('expression')));
      if (block.name === 'stage.drop') out.push(...dropFindings(block, analyses.get('expression')));
    }
  }
  return out;
}

function replaceFindings(block: EvaluatedBlock, analysis: RegexAnalysis | undefined): Finding[] {
  const out: Finding[] = [];
  const expr = stringAttr(block, 'expression');
  const replace = stringAttr(block, 'replace');
  if (expr && analysis) {
    if (analysis.numSubexp === 0) {
      out.push(
        finding(
          'replace-no-capture-group',
          block.file,
          expr.attr.range,
          `stage.replace rewrites the capture groups of each match, never the match itself; ${showPattern(expr.value)} has no capture group, so this stage changes nothing and every match is forwarded unchanged`,
          `put what must be hidden in a capture group: expression = ${showPattern(wrapInGroup(expr.value))}`,
        ),
      );
    } else {
      out.push(...emptyMatchFindings(block, expr.value, expr.attr.range, analysis));
      const kw = safeKeywords(expr.value);
      if (kw) {
        const sample = kw.keywords[0]!;
        const capital = sample[0]!.toUpperCase() + sample.slice(1);
        out.push(
          finding(
            'regex-case-sensitive-keywords',
            block.file,
            expr.attr.range,
            `the alternatives ${kw.keywords.map((k) => `"${k}"`).join(', ')} are matched in lower case only: "${capital}" or "${sample.toUpperCase()}" in a log line is not redacted`,
            `start the expression with (?i) to match any case: ${showPattern(`(?i)${expr.value}`)}`,
          ),
        );
      }
    }
  }
  if (replace) {
    const refs = templateTextBackreferences(replace.value);
    if (refs.length > 0) {
      const groups = analysis ? analysis.numSubexp : undefined;
      const each = groups === undefined ? 'each capture group' : groups === 1 ? 'the capture group' : `each of the ${groups} capture groups`;
      out.push(
        finding(
          'replace-template-backreference',
          block.file,
          replace.attr.range,
          `replace is a Go text/template, not a regex replacement: ${refs.map((r) => `\`${r}\``).join(', ')} ${refs.length === 1 ? 'is' : 'are'} printed literally, so ${each} of every match becomes the text ${JSON.stringify(replace.value)}`,
          groups !== undefined && groups > 1
            ? 'capture only the secret (make the other groups non-capturing with (?:…)) and set replace = "REDACTED"; stage.replace keeps the text around the groups by itself'
            : 'set replace = "REDACTED" (the text outside the capture group is kept by stage.replace); use {{ .Value }} in the template to refer to the captured text',
        ),
      );
    }
  }
  return out;
}

function dropFindings(block: EvaluatedBlock, analysis: RegexAnalysis | undefined): Finding[] {
  const expr = stringAttr(block, 'expression');
  if (!expr || !analysis || !analysis.canMatchEmpty) return [];
  // Alloy drops only when every configured condition holds; with others set, say nothing.
  if ([...block.attributes.keys()].some((k) => k !== 'expression' && k !== 'drop_counter_reason')) return [];
  if (!matchesEveryInput(expr.value)) return [];
  return [
    finding(
      'regex-matches-empty',
      block.file,
      expr.attr.range,
      `stage.drop expression ${showPattern(expr.value)} can match the empty string at the start of any text, so it matches every line: this stage drops all entries`,
      'make the expression require the text that identifies the lines to drop',
    ),
  ];
}

function emptyMatchFindings(block: EvaluatedBlock, pattern: string, range: EvaluatedBlock['range'], analysis: RegexAnalysis): Finding[] {
  if (!analysis.canMatchEmpty) return [];
  const example = emptyGroupExample(pattern);
  if (!example) return [];
  return [
    finding(
      'regex-matches-empty',
      block.file,
      range,
      `${showPattern(pattern)} can match the empty string: on a line such as ${JSON.stringify(example.line)} a capture group matches empty text at offset ${example.offset}, and the replacement is inserted there even though nothing secret was found`,
      'make every capture group consume at least one character (use + instead of *, drop ? on the group)',
    ),
  ];
}

const PROBE_LINES = ['', 'ok', 'GET /health 200'];

/** A line on which Go's FindAll gives a participating, empty capture group (what stage.replace rewrites). */
function emptyGroupExample(pattern: string): { line: string; offset: number } | undefined {
  const re = compileRegex(pattern);
  for (const line of PROBE_LINES) {
    for (const m of re.findAllStringSubmatchIndex(line, -1)) {
      for (let i = 2; i < m.length; i += 2) {
        if (m[i]! >= 0 && m[i] === m[i + 1]) return { line, offset: m[i]! };
      }
    }
  }
  return undefined;
}

function safeKeywords(pattern: string): ReturnType<typeof caseSensitiveKeywords> {
  try {
    return caseSensitiveKeywords(pattern);
  } catch {
    return undefined;
  }
}

/**
 * `$1`, `${1}`, `${name}` and `\1` in the literal text of a template (outside `{{ … }}` actions,
 * where Go prints text verbatim).
 */
export function templateTextBackreferences(template: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    const text = open < 0 ? template.slice(i) : template.slice(i, open);
    for (const m of text.matchAll(/\$\{\w+\}|\$\d+|\\\d/g)) if (!found.includes(m[0])) found.push(m[0]);
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) break;
    i = close + 2;
  }
  return found;
}

/** The pattern with its whole match in one capture group, leading flags kept in front. */
export function wrapInGroup(pattern: string): string {
  const flags = /^\(\?[imsU]+\)/.exec(pattern);
  const head = flags ? flags[0] : '';
  return `${head}(${pattern.slice(head.length)})`;
}
