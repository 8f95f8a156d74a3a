// The log path of a configuration: from a start component, along every `forward_to`, to the sinks.
//
// Alloy's loki fanout hands each entry to every receiver in `forward_to`, in list order, and every
// receiving component works on its own copy (loki.process clones on receipt; relabel replaces the
// label set). The runner does the same depth-first: one copy per branch, so one input entry comes
// out once per path from the start to a sink (a sink reached by two paths gets it twice, as in
// Alloy). A component whose `forward_to` is empty is a sink of kind "nowhere": Alloy discards what
// reaches it, and the runner reports it there instead of losing it.
//
// Dropped and held entries are reported once per path they would have taken, so the number of
// records per input is always the number of paths (entries released later by a holding stage,
// such as stage.multiline, come on top).
import { ConfigError } from '../config/errors.ts';
import type { Component, ConfigModel } from '../config/model.ts';
import { isCapsule, isUnknown } from '../config/value.ts';
import type { Range } from '../syntax/ast.ts';
import {
  DEFAULT_COMPILERS,
  componentRole,
  isLogComponent,
  markFor,
  sourceSimulation,
  unsimulatedPassThrough,
  writeSink,
  type SimulationCompilers,
  type SimulationOptions,
  type WriteSink,
} from './registry.ts';
import { cloneEntry, type EntryOutcome, type LogEntry, type LokiComponentSimulation, type UnknownMark } from './types.ts';

/** write / echo: real sinks. nowhere: `forward_to = []`. unknown: where entries go is not known. */
export type SinkKind = 'write' | 'echo' | 'nowhere' | 'unknown';

export interface SinkInfo {
  id: string;
  kind: SinkKind;
}

export interface PathOutput {
  /** The sink's component id (for "nowhere", the component with the empty forward_to). */
  sink: string;
  sinkKind: SinkKind;
  /** The entry as it arrives at the sink (for a loki.write: the labels Loki would store). */
  entry: LogEntry;
  /** Set when the entry was dropped on this path: which stage or rule, and why. */
  dropped?: { by: string; reason: string };
  /** Set when a stateful stage holds the entry; it may come out of a later call or of flush(). */
  held?: { by: string };
  /** The Loki tenant a loki.write sends the entry to, when known. */
  tenant?: string;
  /** A simulation failed on this entry; the entry carries an UnknownMark saying so. */
  error?: string;
}

export interface LogPathRunner {
  readonly startId: string;
  /** One element per path from the start to a sink, in fan-out order. */
  readonly paths: readonly SinkInfo[];
  process(entry: LogEntry): PathOutput[];
  /** Entries still held by stateful stages at end of input. */
  flush(): PathOutput[];
}

export interface BuildLogPathOptions {
  /** Replace the simulations of loki.process / loki.relabel / loki.secretfilter (tests, tools). */
  compilers?: Partial<SimulationCompilers>;
  /** Refuse configurations whose fan-out gives more paths than this (default 1000). */
  maxPaths?: number;
  /** Alloy's wall clock for the run (stage.drop older_than, stage.timestamp…), Unix ns. */
  nowNs?: bigint;
  /** File access for components that read files (loki.secretfilter gitleaks_config). */
  readFile?: (path: string) => string;
}

type NodeKind = 'component' | 'write' | 'echo' | 'unknown-sink';

interface Node {
  id: string;
  kind: NodeKind;
  component?: Component;
  /** For kind "component": what the component does to an entry. */
  sim?: LokiComponentSimulation;
  write?: WriteSink;
  /** Receivers in forward_to order, duplicates kept. Empty for a component: a "nowhere" sink. */
  next: string[];
  /** Marks added to every entry that reaches this node (unknown sinks). */
  marks: UnknownMark[];
  /** Alloy's extracted map lives inside one loki.process run; a new one starts at each. */
  startsExtracted: boolean;
  paths?: SinkInfo[];
}

export function buildLogPath(model: ConfigModel, startId: string, opts: BuildLogPathOptions = {}): LogPathRunner {
  const compilers: SimulationCompilers = { ...DEFAULT_COMPILERS, ...opts.compilers };
  const start = model.components.get(startId);
  if (!start) throw new ConfigError(`component ${startId} is not defined in ${model.file}`, model.file);
  if (!isLogComponent(start.componentName)) {
    throw new ConfigError(`${startId} is not a loki component; log lines cannot be run through it`, start.file, start.range);
  }
  const nodes = new Map<string, Node>();
  buildNodes(model, startId, nodes, compilers, { nowNs: opts.nowNs, readFile: opts.readFile });
  checkAcyclic(nodes, startId);
  const order = topologicalOrder(nodes, startId);
  const maxPaths = opts.maxPaths ?? 1000;
  for (const id of [...order].reverse()) computePaths(nodes, nodes.get(id)!, maxPaths);
  return new Runner(startId, nodes, order);
}

function buildNodes(model: ConfigModel, startId: string, nodes: Map<string, Node>, compilers: SimulationCompilers, simOpts: SimulationOptions): void {
  const queue = [startId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (nodes.has(id)) continue;
    const node = makeNode(model, id, id === startId, compilers, simOpts);
    nodes.set(id, node);
    for (const next of node.next) if (!nodes.has(next)) queue.push(next);
  }
}

function makeNode(model: ConfigModel, id: string, isStart: boolean, compilers: SimulationCompilers, simOpts: SimulationOptions): Node {
  const component = model.components.get(id);
  if (!component) {
    // Pseudo ids for unresolvable forward_to elements land here too.
    return { id, kind: 'unknown-sink', next: [], marks: [{ message: `entries are sent to ${id}, which alloy-scrub cannot follow`, file: model.file }], startsExtracted: false };
  }
  const role = componentRole(component.componentName);
  if (role === 'write') return { id, kind: 'write', component, write: writeSink(component), next: [], marks: [], startsExtracted: false };
  if (role === 'echo') return { id, kind: 'echo', component, next: [], marks: [], startsExtracted: false };
  let sim: LokiComponentSimulation;
  if (role === 'simulated') sim = compilers[component.componentName as keyof SimulationCompilers](component, simOpts);
  else if (role === 'source') {
    // A source has no receiver; it only appears on a path as the start.
    sim = isStart ? sourceSimulation(component) : unsimulatedPassThrough(component);
  } else if (component.custom) {
    sim = unsimulatedPassThrough(component, 'is a custom component instance; its receiver is not followed here');
  } else if (role === 'not-alloy') {
    sim = unsimulatedPassThrough(component, 'is not a component Alloy knows (Alloy would refuse to load this config)');
  } else sim = unsimulatedPassThrough(component);
  const forwardTo = component.attributes.get('forward_to');
  if ((role === 'unsimulated' || role === 'not-alloy') && !forwardTo) {
    // It takes entries and sends them somewhere alloy-scrub cannot see (an OTel pipeline, a
    // module's internals): a sink of unknown kind, with the component's mark on every entry.
    return { id, kind: 'unknown-sink', component, next: [], marks: [], startsExtracted: false, sim };
  }
  const next: string[] = [];
  const value = forwardTo?.value;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (isCapsule(v) && v.type === 'loki.LogsReceiver') next.push(v.componentId);
      else if (isCapsule(v)) next.push(`${v.componentId}.${v.exportName}`);
      else next.push(`${id}.forward_to[${i}]`);
    });
  } else if (value !== undefined && value !== null) {
    const why = isUnknown(value) ? ` (${value.reason})` : '';
    next.push(`${id}.forward_to${why}`);
  }
  return { id, kind: 'component', component, sim, next, marks: [], startsExtracted: component.componentName === 'loki.process' && !isStart };
}

function checkAcyclic(nodes: Map<string, Node>, startId: string): void {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    const node = nodes.get(id)!;
    for (const next of node.next) {
      const s = state.get(next);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next].join(' -> ');
        const at = node.component;
        const range: Range | undefined = at?.attributes.get('forward_to')?.range ?? at?.range;
        throw new ConfigError(`cycle in forward_to: ${cycle}`, at?.file ?? '', range);
      }
      if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(id, 'done');
  };
  visit(startId);
}

/** Every node reachable from the start, each after all nodes that send to it. */
function topologicalOrder(nodes: Map<string, Node>, startId: string): string[] {
  const seen = new Set<string>();
  const post: string[] = [];
  const visit = (id: string): void => {
    seen.add(id);
    for (const next of nodes.get(id)!.next) if (!seen.has(next)) visit(next);
    post.push(id);
  };
  visit(startId);
  return post.reverse();
}

function computePaths(nodes: Map<string, Node>, node: Node, maxPaths: number): void {
  if (node.kind === 'write' || node.kind === 'echo') node.paths = [{ id: node.id, kind: node.kind }];
  else if (node.kind === 'unknown-sink') node.paths = [{ id: node.id, kind: 'unknown' }];
  else if (node.next.length === 0) node.paths = [{ id: node.id, kind: 'nowhere' }];
  else {
    const paths: SinkInfo[] = [];
    for (const next of node.next) {
      paths.push(...nodes.get(next)!.paths!);
      if (paths.length > maxPaths) {
        const c = node.component;
        throw new ConfigError(`forward_to fans out into more than ${maxPaths} paths from ${node.id}; alloy-scrub refuses to simulate it`, c?.file ?? '', c?.range);
      }
    }
    node.paths = paths;
  }
}

class Runner implements LogPathRunner {
  readonly paths: readonly SinkInfo[];

  constructor(
    readonly startId: string,
    private readonly nodes: Map<string, Node>,
    private readonly order: string[],
  ) {
    this.paths = nodes.get(startId)!.paths!;
  }

  process(entry: LogEntry): PathOutput[] {
    const out: PathOutput[] = [];
    this.deliver(this.nodes.get(this.startId)!, entry, out);
    return out;
  }

  flush(): PathOutput[] {
    const out: PathOutput[] = [];
    // Upstream first: what an upstream flush releases may be held again and released downstream.
    for (const id of this.order) {
      const node = this.nodes.get(id)!;
      if (!node.sim || node.kind !== 'component') continue;
      this.route(node, this.runSim(node, null, out), null, out);
    }
    return out;
  }

  private deliver(node: Node, entry: LogEntry, out: PathOutput[]): void {
    entry.unknown.push(...node.marks);
    switch (node.kind) {
      case 'write': {
        const { tenant } = node.write!.finish(entry);
        out.push(tenant === undefined ? { sink: node.id, sinkKind: 'write', entry } : { sink: node.id, sinkKind: 'write', entry, tenant });
        return;
      }
      case 'echo':
        out.push({ sink: node.id, sinkKind: 'echo', entry });
        return;
      case 'unknown-sink':
        if (node.sim) {
          // Let the pass-through add its mark; its output goes nowhere we can see.
          for (const o of node.sim.process(entry)) if (o.kind === 'forward') entry = o.entry;
        }
        out.push({ sink: node.id, sinkKind: 'unknown', entry });
        return;
      case 'component':
        if (node.startsExtracted) entry.extracted = new Map();
        this.route(node, this.runSim(node, entry, out), entry, out);
    }
  }

  /** Runs one component; a simulation that throws turns into marked, error-carrying records. */
  private runSim(node: Node, entry: LogEntry | null, out: PathOutput[]): EntryOutcome[] | null {
    try {
      return entry ? node.sim!.process(entry) : node.sim!.flush();
    } catch (err) {
      const message = `${node.id}: simulation failed: ${(err as Error)?.message ?? String(err)}`;
      if (entry) {
        entry.unknown.push(markFor(node.component!, message));
        for (const p of node.paths!) out.push({ sink: p.id, sinkKind: p.kind, entry: cloneEntry(entry), error: message });
      }
      return null;
    }
  }

  private route(node: Node, outcomes: EntryOutcome[] | null, input: LogEntry | null, out: PathOutput[]): void {
    if (!outcomes) return;
    for (const o of outcomes) {
      if (o.kind === 'drop') {
        for (const p of node.paths!) out.push({ sink: p.id, sinkKind: p.kind, entry: cloneEntry(o.entry), dropped: { by: o.by, reason: o.reason } });
      } else if (o.kind === 'held') {
        for (const p of node.paths!) out.push({ sink: p.id, sinkKind: p.kind, entry: input ? cloneEntry(input) : emptyHeld(), held: { by: o.by } });
      } else if (node.next.length === 0) {
        out.push({ sink: node.id, sinkKind: 'nowhere', entry: o.entry });
      } else {
        const last = node.next.length - 1;
        node.next.forEach((id, i) => this.deliver(this.nodes.get(id)!, i < last ? cloneEntry(o.entry) : o.entry, out));
      }
    }
  }
}

function emptyHeld(): LogEntry {
  return { line: '', labels: new Map(), extracted: new Map(), structuredMetadata: new Map(), timestampNs: 0n, unknown: [] };
}

/**
 * Compiles every simulated log component of the config, on the path or not, and returns the
 * errors: Alloy refuses to load a config with any invalid component, so a run of a config Alloy
 * would not start proves nothing.
 */
export function validateLogComponents(model: ConfigModel, opts: BuildLogPathOptions = {}): ConfigError[] {
  const compilers: SimulationCompilers = { ...DEFAULT_COMPILERS, ...opts.compilers };
  const errors: ConfigError[] = [];
  for (const c of model.components.values()) {
    if (componentRole(c.componentName) !== 'simulated' || c.custom) continue;
    try {
      compilers[c.componentName as keyof SimulationCompilers](c, { nowNs: opts.nowNs, readFile: opts.readFile });
    } catch (err) {
      if (err instanceof ConfigError) errors.push(err);
      else throw err;
    }
  }
  return errors;
}

/** The outcome of choosing where a run starts. */
export type StartChoice = { ok: true; id: string } | { ok: false; message: string; choices: string[] };

/**
 * Where `run` starts without `--component`: the config's only loki.process. Otherwise the user
 * has to choose, and gets the list of log components to choose from.
 */
export function chooseStartComponent(model: ConfigModel, requested?: string): StartChoice {
  const logComponents = [...model.components.values()].filter((c) => isLogComponent(c.componentName) && componentRole(c.componentName) !== 'write' && componentRole(c.componentName) !== 'echo');
  const choices = logComponents.map((c) => c.id);
  if (requested !== undefined) {
    const c = model.components.get(requested);
    if (c && isLogComponent(c.componentName)) return { ok: true, id: requested };
    const why = c ? `${requested} is a ${c.componentName} component, not a log component` : `no component ${requested} in ${model.file}`;
    return { ok: false, message: why, choices };
  }
  const processes = logComponents.filter((c) => c.componentName === 'loki.process');
  if (processes.length === 1) return { ok: true, id: processes[0]!.id };
  if (choices.length === 0) return { ok: false, message: `${model.file} has no log pipeline (no loki.* component that takes log entries)`, choices };
  const why = processes.length === 0 ? `${model.file} has no loki.process component` : `${model.file} has ${processes.length} loki.process components`;
  return { ok: false, message: `${why}; choose where to start with --component`, choices };
}
