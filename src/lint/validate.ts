// validateConfig: what Alloy would refuse (or warn about) when loading a configuration, as
// findings. Sources: the model's own diagnostics (syntax, references, evaluation, unknown
// components), the compilers of the simulated components (loki.process stages, relabel rules,
// loki.secretfilter arguments), and the schema tables of component-schemas.ts.
//
// `run` and `test` call this to show such problems outside the simulated path as positioned
// warnings instead of refusing to work; `lint` reports them with their own severity.
import { COMPONENTS, CONFIG_BLOCK_NAMES } from '../config/components.ts';
import { ConfigError } from '../config/errors.ts';
import type { Component, ConfigModel, EvaluatedBlock } from '../config/model.ts';
import { isCapsule, isObject, isUnknown, type AlloyValue } from '../config/value.ts';
import { parseBase2Bytes, parseGoDuration, typeName, findUnknown } from '../loki/stages/args.ts';
import { compileLokiProcess } from '../loki/process.ts';
import { ALLOY_STAGE_NAMES } from '../loki/stages/index.ts';
import { decodeArgs } from '../loki/secretfilter/args.ts';
import { isRelabelComponentName, rulesOf } from '../relabel/index.ts';
import type { Range } from '../syntax/ast.ts';
import { closestName } from './closest-name.ts';
import { COMPONENT_SCHEMAS, CONFIG_BLOCK_SCHEMAS, type AttrType, type BlockSchema } from './component-schemas.ts';
import { finding } from './finding.ts';
import type { Finding } from './types.ts';

const UNKNOWN_COMPONENT = /^cannot find the definition of component name "(.+)"$/;
const UNDEFINED_REFERENCE = /does not exist or is out of scope/;

export function validateConfig(model: ConfigModel): Finding[] {
  const out: Finding[] = [...diagnosticFindings(model)];
  for (const b of model.configBlocks) {
    const schema = CONFIG_BLOCK_SCHEMAS.get(b.name);
    if (schema) out.push(...checkBlock(b, schema, b.name));
  }
  for (const c of model.components.values()) {
    if (c.custom) continue;
    const schema = COMPONENT_SCHEMAS.get(c.componentName);
    const schemaFindings = schema ? checkBlock(c, schema, c.componentName) : [];
    out.push(...schemaFindings);
    // Alloy stops at the first problem of a component; so do we when the schema found one.
    if (schemaFindings.length === 0) out.push(...compilerFindings(c));
  }
  return out;
}

function diagnosticFindings(model: ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const d of model.diagnostics) {
    const unknownName = UNKNOWN_COMPONENT.exec(d.message);
    if (unknownName) {
      const name = unknownName[1]!;
      const guess = closestName(name, [...COMPONENTS.keys(), ...CONFIG_BLOCK_NAMES]);
      out.push(
        finding(
          'unknown-component',
          d.file,
          d.range,
          `${name} is not an Alloy component or configuration block: Alloy refuses to load this configuration (${d.message})`,
          guess ? `use ${guess} (check its arguments in the component reference: they may differ)` : 'use a component from the Alloy component reference, or declare a custom component with this name',
        ),
      );
    } else if (d.severity === 'error') {
      const rule = UNDEFINED_REFERENCE.test(d.message) ? 'undefined-reference' : 'config-error';
      out.push(finding(rule, d.file, d.range, d.message, rule === 'undefined-reference' ? 'define the component, or correct the reference' : 'correct the configuration as the message says'));
    } else {
      out.push(finding('config-warning', d.file, d.range, d.message, 'see the message'));
    }
  }
  return out;
}

/** Errors from the compilers alloy-scrub runs for the components it simulates. */
function compilerFindings(c: Component): Finding[] {
  try {
    if (c.componentName === 'loki.process') compileLokiProcess(c);
    else if (isRelabelComponentName(c.componentName)) rulesOf(c);
    else if (c.componentName === 'loki.secretfilter') decodeArgs(c);
    else return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const range = e.range ?? c.range;
    const inRule = c.blocks.some((b) => b.name === 'rule' && contains(b.range, range));
    const rule = isRelabelComponentName(c.componentName) && inRule ? 'relabel-rule-rejected' : 'component-config-rejected';
    const stage = c.componentName === 'loki.process' ? enclosingStage(c.blocks, range) : undefined;
    const where = stage ? `${c.id} ${stage}` : c.id;
    const fix = stage?.startsWith('stage.truncate') && /unrecognized attribute/.test(e.message)
      ? 'stage.truncate takes its settings in rule blocks: stage.truncate { rule { limit = "8KiB" suffix = "…" } }'
      : fixFor(e.message);
    return [finding(rule, e.file || c.file, range, `${where}: ${e.message}; Alloy refuses to load this configuration`, fix)];
  }
  return [];
}

/** `stage.truncate (stage 3)`: the innermost stage whose block holds the range. */
function enclosingStage(blocks: readonly EvaluatedBlock[], range: Range, prefix = ''): string | undefined {
  let i = 0;
  for (const b of blocks) {
    if (!b.name.startsWith('stage.')) continue;
    i++;
    if (!contains(b.range, range)) continue;
    return enclosingStage(b.blocks, range, `${prefix}${i}.`) ?? `${b.name} (stage ${prefix}${i})`;
  }
  return undefined;
}

function fixFor(message: string): string {
  const stageName = /unrecognized block name "(stage\.[^"]+)"/.exec(message);
  if (stageName) {
    const guess = closestName(stageName[1]!, ALLOY_STAGE_NAMES, 3);
    if (guess) return `did you mean ${guess}?`;
  }
  if (/unrecognized (attribute|block) name/.test(message)) return 'remove it or correct its name (see the component reference)';
  if (/missing required/.test(message)) return 'add the missing argument';
  if (/expected .*, got/.test(message)) return 'give the argument a value of the expected type';
  return 'correct the argument as the message says';
}

function contains(outer: Range, inner: Range): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

function checkBlock(b: EvaluatedBlock, schema: BlockSchema, path: string): Finding[] {
  const out: Finding[] = [];
  const reject = (range: Range, message: string, fix: string) =>
    out.push(finding('component-config-rejected', b.file, range, `${path}: ${message}; Alloy refuses to load this configuration`, fix));
  if (schema.open) return out;
  for (const a of b.attributes.values()) {
    const spec = schema.attrs[a.name];
    if (!spec) {
      const hint = schema.hints?.[a.name];
      if (hint) {
        reject(a.range, `unrecognized attribute name "${a.name}" (${hint.why})`, hint.fix);
        continue;
      }
      const guess = closestName(a.name, Object.keys(schema.attrs), 2);
      reject(a.range, `unrecognized attribute name "${a.name}"`, guess ? `did you mean ${guess}?` : 'remove it (see the component reference)');
      continue;
    }
    const problem = typeProblem(a.value, spec.type) ?? enumProblem(a.value, spec.oneOf);
    if (problem) reject(a.range, `attribute "${a.name}": ${problem}`, 'give the attribute a value of the expected type');
  }
  for (const [name, spec] of Object.entries(schema.attrs)) {
    if (spec.required && !b.attributes.has(name)) reject(b.range, `missing required attribute "${name}"`, `add ${name}`);
  }
  const seen = new Map<string, number>();
  for (const child of b.blocks) {
    if (schema.delegatedBlocks?.some((p) => child.name === p || (p.endsWith('.') && child.name.startsWith(p)))) continue;
    const spec = schema.blocks?.[child.name];
    if (!spec) {
      const guess = closestName(child.name, Object.keys(schema.blocks ?? {}), 2);
      reject(child.range, `unrecognized block name "${child.name}"`, guess ? `did you mean ${guess}?` : 'remove it (see the component reference)');
      continue;
    }
    const n = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, n);
    if (n > 1 && !spec.multiple) reject(child.range, `block "${child.name}" may only be specified once`, 'merge the blocks into one');
    out.push(...checkBlock(child, spec.schema, `${path} > ${child.name}`));
  }
  out.push(...semanticChecks(b, path, reject));
  return out;
}

/** Load-time Validate() checks of the HTTP client and TLS settings (Alloy's messages). */
function semanticChecks(b: EvaluatedBlock, path: string, reject: (range: Range, message: string, fix: string) => void): Finding[] {
  const has = (name: string) => b.attributes.has(name) || b.blocks.some((x) => x.name === name);
  if (b.name === 'endpoint' || b.name === 'client') {
    const auth = ['basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file'].filter(has);
    if (auth.length > 1) reject(b.range, 'at most one of basic_auth, authorization, oauth2, bearer_token & bearer_token_file must be configured', `keep one of ${auth.join(', ')}`);
  }
  if (b.name === 'tls_config') {
    for (const [x, y] of [['ca_pem', 'ca_file'], ['cert_pem', 'cert_file'], ['key_pem', 'key_file']] as const) {
      if (has(x) && has(y)) reject(b.range, `at most one of ${x} and ${y} must be configured`, `keep ${x} or ${y}`);
    }
  }
  if (b.name === 'basic_auth' && has('password') && has('password_file')) {
    reject(b.range, 'at most one of basic_auth password & password_file must be configured', 'keep password or password_file');
  }
  void path;
  return [];
}

function enumProblem(v: AlloyValue, oneOf: readonly string[] | undefined): string | undefined {
  if (!oneOf || typeof v !== 'string' || oneOf.includes(v)) return undefined;
  return `unrecognized value ${JSON.stringify(v)} (one of ${oneOf.map((x) => JSON.stringify(x)).join(', ')})`;
}

/** Alloy's conversions: numbers become strings, numeric strings become numbers. */
function typeProblem(v: AlloyValue, t: AttrType): string | undefined {
  if (findUnknown(v) !== undefined || isUnknown(v)) return undefined;
  const got = typeName(v);
  const expect = (want: string) => `expected ${want}, got ${got}`;
  switch (t) {
    case 'string':
      return typeof v === 'string' || typeof v === 'number' ? undefined : expect('string');
    case 'secret':
      return typeof v === 'string' || typeof v === 'number' || (typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'secret') ? undefined : expect('secret');
    case 'bool':
      return typeof v === 'boolean' ? undefined : expect('bool');
    case 'number':
    case 'int': {
      if (typeof v === 'number') return t === 'int' && !Number.isInteger(v) ? `expected integer, got ${v}` : undefined;
      if (typeof v === 'string' && /^-?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(v)) return undefined;
      return expect('number');
    }
    case 'duration':
      if (typeof v !== 'string') return expect('string');
      return parseGoDuration(v) === undefined ? `time: invalid duration ${JSON.stringify(v)}` : undefined;
    case 'bytes':
      if (typeof v === 'number') return undefined;
      if (typeof v !== 'string') return expect('string');
      return parseBase2Bytes(v) === undefined ? `units: unknown unit in ${v}` : undefined;
    case 'map(string)':
      if (!isObject(v)) return expect('object');
      for (const [k, x] of v.fields) if (typeof x !== 'string' && typeof x !== 'number') return `field "${k}": expected string, got ${typeName(x)}`;
      return undefined;
    case 'map(list(secret))':
      return isObject(v) ? undefined : expect('object');
    case 'list(string)':
      return Array.isArray(v) ? undefined : expect('array');
    case 'receivers':
      if (!Array.isArray(v)) return expect('array');
      for (const x of v) if (!isCapsule(x) && findUnknown(x) === undefined) return `expected capsule, got ${typeName(x)}`;
      return undefined;
    case 'targets':
      return Array.isArray(v) ? undefined : expect('array');
  }
}
