// `alloy-scrub graph FILE [--format text|dot|json]`: the components of a configuration and the
// edges between them (forward_to and other receiver references, and reads of other components'
// exports). Syntax and load errors are printed as `file:line:col: message` with a code frame and
// exit 1; warnings go to stderr and the graph is still printed.
import { Command, Option } from 'commander';
import type { ConfigModel, Edge } from '../../config/model.ts';
import { loadCommandConfig } from '../config-loading.ts';
import { EXIT_OK } from '../exit.ts';

type GraphFormat = 'text' | 'dot' | 'json';

export function register(program: Command): void {
  program
    .command('graph')
    .description('print the components of an Alloy configuration and the edges between them')
    .argument('<file>', 'Alloy configuration file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'dot', 'json']).default('text'))
    .action((file: string, opts: { format: GraphFormat }) => {
      const { model } = loadCommandConfig(file);
      process.stdout.write(renderGraph(model, opts.format));
      process.exitCode = EXIT_OK;
    });
}

export function renderGraph(model: ConfigModel, format: GraphFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(graphJSON(model), null, 2)}\n`;
    case 'dot':
      return graphDot(model);
    default:
      return graphText(model);
  }
}

function edgeKind(e: Edge): string {
  return e.kind ?? 'reference';
}

function graphText(model: ConfigModel): string {
  const lines: string[] = [];
  lines.push(`components (${model.components.size}):`);
  for (const c of model.components.values()) {
    const where = `${c.file}:${c.range.start.line}:${c.range.start.column}`;
    lines.push(`  ${c.id}${c.custom ? ' (custom component)' : ''}  ${where}`);
  }
  lines.push(`edges (${model.edges.length}):`);
  for (const e of model.edges) {
    const arrow = edgeKind(e) === 'forward' ? '-->' : '..>';
    lines.push(`  ${e.from} ${arrow} ${e.to}  [${e.via}, ${edgeKind(e)}] ${e.range.start.line}:${e.range.start.column}`);
  }
  return `${lines.join('\n')}\n`;
}

function dotId(s: string): string {
  return JSON.stringify(s);
}

/** The module instance a component lives in (`a.b/c.d/loki.process.x` → `a.b/c.d`), or ''. */
function modulePrefix(id: string): string {
  const i = id.lastIndexOf('/');
  return i < 0 ? '' : id.slice(0, i);
}

function graphDot(model: ConfigModel): string {
  const lines = ['digraph alloy {', '  rankdir=LR;', '  node [shape=box];'];
  // Components of a module instance are drawn inside a cluster named after the instance.
  const byModule = new Map<string, string[]>();
  for (const c of model.components.values()) {
    const node = `${dotId(c.id)}${c.custom ? ' [style=rounded]' : ''};`;
    const prefix = modulePrefix(c.id);
    if (!byModule.has(prefix)) byModule.set(prefix, []);
    byModule.get(prefix)!.push(node);
  }
  for (const [prefix, nodes] of byModule) {
    if (prefix === '') {
      for (const n of nodes) lines.push(`  ${n}`);
      continue;
    }
    lines.push(`  subgraph ${dotId(`cluster_${prefix}`)} {`, `    label=${dotId(prefix)};`);
    for (const n of nodes) lines.push(`    ${n}`);
    lines.push('  }');
  }
  for (const e of model.edges) {
    const style = edgeKind(e) === 'forward' ? '' : ', style=dashed';
    lines.push(`  ${dotId(e.from)} -> ${dotId(e.to)} [label=${dotId(e.via)}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function graphJSON(model: ConfigModel): unknown {
  return {
    file: model.file,
    components: [...model.components.values()].map((c) => ({
      id: c.id,
      componentName: c.componentName,
      ...(c.label !== undefined ? { label: c.label } : {}),
      ...(c.custom ? { custom: true } : {}),
      file: c.file,
      line: c.range.start.line,
      column: c.range.start.column,
    })),
    edges: model.edges.map((e) => ({
      from: e.from,
      to: e.to,
      via: e.via,
      kind: edgeKind(e),
      line: e.range.start.line,
      column: e.range.start.column,
    })),
    warnings: model.diagnostics
      .filter((d) => d.severity === 'warning')
      .map((d) => ({ file: d.file, line: d.range.start.line, column: d.range.start.column, message: d.message })),
  };
}
