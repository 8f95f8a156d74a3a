// stage.json (stages/json.go): parses the line (or an extracted `source` value) as a JSON object
// and stores JMESPath results under the expression names (an empty expression means "the name
// itself is the path"); with `regex`, top-level keys that match are stored under their own
// names. Strings, numbers, bools and null are stored as they are; objects and arrays as their
// JSON text. A missing path stores null. A line that is not a JSON object is left alone, or
// dropped when drop_malformed is set.
import type { EvaluatedBlock } from '../../config/model.ts';
import type { GoRegexp } from '../../regex/index.ts';
import type { TemplateValue } from '../../template/types.ts';
import { StageArgs } from './args.ts';
import { buildError, compileStageRegex, sourceString } from './common.ts';
import { goJsonMarshal, goJsonParse, type JsonValue } from './go-json.ts';
import { compileJmes, searchJmes, toPlain, type JmesExpression } from './jmespath.ts';
import { addMark, describeWhere, forward, markOf, type CompiledStage } from './stage.ts';

export function readJsonConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, { optional: ['expressions', 'regex', 'source', 'drop_malformed'] });
  return {
    args,
    cfg: {
      expressions: args.stringMap('expressions', false) ?? new Map<string, string | null>(),
      regex: args.string('regex'),
      source: args.optionalString('source'),
      dropMalformed: args.bool('drop_malformed'),
    },
  };
}

function simplify(v: JsonValue): TemplateValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return goJsonMarshal(v);
}

export function compileJson(block: EvaluatedBlock): CompiledStage {
  const { args, cfg } = readJsonConfig(block);
  if (cfg.expressions.size === 0 && cfg.regex === '') throw buildError(args, 'JMES expressions or regex is required');
  if (cfg.source === '') throw buildError(args, 'empty source', 'source');
  const exprs = new Map<string, JmesExpression>();
  for (const [name, e] of cfg.expressions) {
    const expr = e === '' || e === null ? name : e;
    try {
      exprs.set(name, compileJmes(expr));
    } catch (err) {
      throw buildError(args, `could not compile JMES expression: ${(err as Error).message}`, 'expressions');
    }
  }
  let re: GoRegexp | undefined;
  if (cfg.regex !== '') re = compileStageRegex(args, 'regex', cfg.regex, '');
  const where = describeWhere(block);

  return {
    name: block.name,
    where,
    file: block.file,
    range: block.range,
    process(entry) {
      let input = entry.line;
      if (cfg.source !== undefined) {
        const s = sourceString(entry.extracted, cfg.source);
        if (s === undefined) return forward(entry);
        input = s;
      }
      const parsed = goJsonParse(input);
      if (!parsed.ok && parsed.cannotSimulate) {
        addMark(entry, markOf(block, `${where}: JSON nested too deeply to simulate; Alloy accepts up to 10000 levels`));
        return forward(entry);
      }
      // json.Unmarshal into map[string]any: `null` is accepted (a nil map), anything but an
      // object is an error.
      if (!parsed.ok || !(parsed.value === null || parsed.value instanceof Map)) {
        if (cfg.dropMalformed) return [{ kind: 'drop', entry, by: where, reason: 'malformed json (drop_malformed)', range: block.range }];
        return forward(entry);
      }
      const data = parsed.value;
      let plain: ReturnType<typeof toPlain> | undefined;
      const asPlain = () => (plain ??= toPlain(data));
      for (const [name, e] of exprs) {
        const r = searchJmes(e, data, asPlain);
        if ('value' in r) entry.extracted.set(name, simplify(r.value));
        else if ('cannotSimulate' in r) addMark(entry, markOf(block, `${where}: JMESPath for "${name}" not simulated: ${r.cannotSimulate}`));
      }
      if (re && data !== null) {
        for (const [k, v] of data) if (re.matchString(k)) entry.extracted.set(k, simplify(v));
      }
      return forward(entry);
    },
  };
}
