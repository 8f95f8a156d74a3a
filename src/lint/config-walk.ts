// Walking every block of a model — components and top-level configuration blocks, nested blocks
// included — with the owning component, for checks that look at settings wherever they are.
import type { Component, ConfigModel, EvaluatedAttribute, EvaluatedBlock } from '../config/model.ts';

export interface BlockAt {
  block: EvaluatedBlock;
  /** The component the block belongs to; undefined inside configuration blocks (logging, remotecfg…). */
  component?: Component;
  /** Block names from the component (or config block) down to this block. */
  path: string[];
}

export function* walkBlocks(model: ConfigModel): Generator<BlockAt> {
  for (const c of model.components.values()) {
    if (c.custom) continue;
    yield* walk(c, c, [c.componentName]);
  }
  for (const b of model.configBlocks) yield* walk(b, undefined, [b.name]);
}

function* walk(block: EvaluatedBlock, component: Component | undefined, path: string[]): Generator<BlockAt> {
  yield { block, component, path };
  for (const child of block.blocks) yield* walk(child, component, [...path, child.name]);
}

export function* walkAttributes(model: ConfigModel): Generator<BlockAt & { attr: EvaluatedAttribute }> {
  for (const at of walkBlocks(model)) for (const attr of at.block.attributes.values()) yield { ...at, attr };
}
