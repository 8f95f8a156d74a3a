// Graph findings: processing components whose output goes nowhere, and log paths that reach
// loki.write without passing anything that redacts content.
//
// Data flow follows the model's edges: a `forward` edge sends data from → to; a `reference` edge
// means `from` reads an export of `to` (discovery.relabel's output), so data flows to → from.
// Only components the linter understands are followed; anything else (an OTel pipeline, a custom
// component, a component of unknown kind) might do anything, and the checks stay silent there.
import type { Component, ConfigModel, EvaluatedBlock } from '../config/model.ts';
import { findUnknown } from '../loki/stages/args.ts';
import { analyseRegex } from '../regex/index.ts';
import type { Range } from '../syntax/ast.ts';
import { finding } from './finding.ts';
import { walkStages } from './stage-walk.ts';
import type { Finding } from './types.ts';

const PASS_THROUGH = new Set(['loki.process', 'loki.relabel', 'loki.secretfilter', 'prometheus.relabel', 'discovery.relabel']);
const LOG_PASS_THROUGH = new Set(['loki.process', 'loki.relabel', 'loki.secretfilter']);

interface Flow {
  /** Where each component's data goes. */
  next: Map<string, string[]>;
  /** Components that send data to each component. */
  prev: Map<string, string[]>;
  /** Components whose forward_to could not be resolved (its problem is reported elsewhere). */
  unresolved: Set<string>;
}

function flowOf(model: ConfigModel): Flow {
  const next = new Map<string, string[]>();
  const prev = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    if (!next.has(from)) next.set(from, []);
    if (!prev.has(to)) prev.set(to, []);
    next.get(from)!.push(to);
    prev.get(to)!.push(from);
  };
  for (const e of model.edges) {
    if (e.kind === 'reference') add(e.to, e.from);
    else add(e.from, e.to);
  }
  const unresolved = new Set<string>();
  for (const c of model.components.values()) {
    const fwd = c.attributes.get('forward_to');
    if (fwd && findUnknown(fwd.value) !== undefined) unresolved.add(c.id);
  }
  return { next, prev, unresolved };
}

function isModuleInternal(c: Component): boolean {
  return c.id.includes('/');
}

export function graphFindings(model: ConfigModel): Finding[] {
  const flow = flowOf(model);
  return [...noSinkFindings(model, flow), ...unscrubbedPathFindings(model, flow)];
}

// ---- output that reaches no sink ---------------------------------------------------------------

function noSinkFindings(model: ConfigModel, flow: Flow): Finding[] {
  const memo = new Map<string, boolean>();
  const reaches = (id: string, seen: Set<string>): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const c = model.components.get(id);
    // Unknown ids, other components, module internals and unresolved forward_to: assume a sink.
    if (!c || c.custom || !PASS_THROUGH.has(c.componentName) || isModuleInternal(c) || flow.unresolved.has(id)) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    const result = (flow.next.get(id) ?? []).some((n) => reaches(n, seen));
    seen.delete(id);
    memo.set(id, result);
    return result;
  };
  const out: Finding[] = [];
  for (const c of model.components.values()) {
    if (c.custom || !PASS_THROUGH.has(c.componentName) || isModuleInternal(c) || flow.unresolved.has(c.id)) continue;
    if (reaches(c.id, new Set()) || readByConfigBlock(model, c)) continue;
    const direct = flow.next.get(c.id) ?? [];
    let why: string;
    if (c.componentName === 'discovery.relabel') why = direct.length === 0 ? `nothing reads ${c.id}.output or ${c.id}.rules, so the targets it relabels are used by no component` : `its output only reaches ${direct.join(', ')}, whose output is used nowhere`;
    else why = direct.length === 0 ? 'its forward_to is empty, so Alloy discards everything it processes' : `it only forwards to ${direct.join(', ')}, which forward${direct.length === 1 ? 's' : ''} nowhere`;
    const range = c.attributes.get('forward_to')?.range ?? c.range;
    out.push(
      finding(
        'output-reaches-no-sink',
        c.file,
        range,
        `${c.id} reaches no destination: ${why}`,
        c.componentName === 'discovery.relabel'
          ? `pass ${c.id}.output to the component that should use it (for logs, loki.source.kubernetes targets)`
          : 'forward to a writer (loki.write, prometheus.remote_write) or remove the component',
      ),
    );
  }
  return out;
}

/**
 * Configuration blocks (a foreach collection, for example) read exports without leaving an edge
 * in the model: any mention of the component's output or rules outside its own block counts.
 */
function readByConfigBlock(model: ConfigModel, c: Component): boolean {
  if (c.file !== model.file) return false;
  const text = model.source.slice(0, c.range.start.offset) + model.source.slice(c.range.end.offset);
  return text.includes(`${c.id}.output`) || text.includes(`${c.id}.rules`);
}

// ---- log paths without redaction ---------------------------------------------------------------

/** Whether a component redacts log content; undefined when the linter cannot tell. */
function redacts(c: Component): boolean | undefined {
  if (c.componentName === 'loki.relabel') return false; // labels only, never the line
  if (c.componentName === 'loki.secretfilter') {
    const rate = c.attributes.get('rate')?.value;
    return typeof rate === 'number' && rate < 1 ? false : true;
  }
  if (c.componentName === 'loki.process') return stagesRedact(c.blocks);
  return undefined;
}

/**
 * true when a stage may remove content: stage.replace with a capture group, luhn, output (the
 * line becomes one field), drop; undefined when a stage cannot be read; false otherwise (cri,
 * docker, json, labels, tenant… parse and route but leave every character of the line in place).
 */
function stagesRedact(blocks: readonly EvaluatedBlock[]): boolean | undefined {
  let unsure = false;
  for (const b of blocks) {
    if (!b.name.startsWith('stage.')) continue;
    if ([...b.attributes.values()].some((a) => findUnknown(a.value) !== undefined)) {
      unsure = true;
      continue;
    }
    switch (b.name) {
      case 'stage.replace': {
        const e = b.attributes.get('expression')?.value;
        if (typeof e !== 'string') break;
        try {
          if (analyseRegex(e).numSubexp > 0) return true;
        } catch {
          // rejected by Go: Alloy would not run it
        }
        break;
      }
      case 'stage.luhn':
      case 'stage.output':
      case 'stage.drop':
        return true;
      case 'stage.match': {
        const action = b.attributes.get('action')?.value;
        if (action === 'drop') return true;
        const inner = stagesRedact(b.blocks);
        if (inner === true) return true;
        if (inner === undefined) unsure = true;
        break;
      }
      case 'stage.truncate': // cuts long lines: may cut a secret off, but cannot be judged statically
      case 'stage.geoip':
      case 'stage.pattern':
      case 'stage.windowsevent':
      case 'stage.eventlogmessage':
      case 'stage.split_json':
        unsure = true;
        break;
    }
  }
  return unsure ? undefined : false;
}

interface OpenPath {
  root: Component;
  write: string;
  via: string[];
}

function unscrubbedPathFindings(model: ConfigModel, flow: Flow): Finding[] {
  const roots = [...model.components.values()].filter(
    (c) =>
      !c.custom &&
      !isModuleInternal(c) &&
      (c.componentName.startsWith('loki.source.') || (LOG_PASS_THROUGH.has(c.componentName) && (flow.prev.get(c.id) ?? []).length === 0)),
  );
  const open: OpenPath[] = [];
  for (const root of roots) {
    const found = new Set<string>();
    const visit = (id: string, via: string[], scrubbed: boolean) => {
      if (open.length > 1000 || via.includes(id)) return;
      const c = model.components.get(id);
      if (!c || c.custom) return;
      if (c.componentName === 'loki.write') {
        if (!scrubbed && !found.has(id)) {
          found.add(id);
          open.push({ root, write: id, via });
        }
        return;
      }
      let now = scrubbed;
      if (id !== root.id || LOG_PASS_THROUGH.has(c.componentName)) {
        if (!LOG_PASS_THROUGH.has(c.componentName)) return; // not followed: cannot tell
        const r = redacts(c);
        if (r === undefined) return;
        now ||= r;
      }
      if (flow.unresolved.has(id)) return;
      for (const n of flow.next.get(id) ?? []) visit(n, [...via, id], now);
    };
    visit(root.id, [], false);
  }
  return open.map((p) => pathFinding(model, p));
}

function pathFinding(model: ConfigModel, p: OpenPath): Finding {
  const chain = [...p.via, p.write].join(' → ');
  const range: Range = p.root.attributes.get('forward_to')?.range ?? p.root.range;
  const processes = p.via.map((id) => model.components.get(id)!).filter((c) => c.componentName === 'loki.process');
  const stageNames = [...new Set(processes.flatMap((c) => [...walkStages(c.blocks)].map((s) => s.block.name)))];
  const fromSource = p.root.componentName.startsWith('loki.source.');
  let detail: string;
  if (p.via.length === 1 && fromSource) detail = `${p.root.id} forwards straight to ${p.write}: every line is stored exactly as the application wrote it, credentials included`;
  else if (stageNames.length > 0) detail = `on ${chain} nothing redacts log content: ${stageNames.join(', ')} parse, label or route entries; none of them masks or removes a value inside the line`;
  else detail = `on ${chain} no component redacts log content`;
  const upstream = fromSource ? '' : ` (${p.root.id} receives from no component in this file: its source is elsewhere or missing)`;
  return finding(
    'unscrubbed-log-path',
    p.root.file,
    range,
    `${detail}${upstream}`,
    `put a scrubbing step before ${p.write}: a loki.secretfilter component, or stage.replace rules (with capture groups) / stage.luhn in a loki.process`,
  );
}
