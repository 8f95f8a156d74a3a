// Walking the stages of a loki.process component in pipeline order, nested stage.match stages
// included, with the position Alloy's pipeline gives them (`2`, `2.1`…).
import type { Component, EvaluatedBlock } from '../config/model.ts';

export interface StageAt {
  block: EvaluatedBlock;
  position: string;
  /** The enclosing stage.match blocks, outermost first. */
  parents: EvaluatedBlock[];
}

export function* walkStages(blocks: readonly EvaluatedBlock[], prefix = '', parents: EvaluatedBlock[] = []): Generator<StageAt> {
  let i = 0;
  for (const b of blocks) {
    if (!b.name.startsWith('stage.')) continue;
    i++;
    const position = `${prefix}${i}`;
    yield { block: b, position, parents };
    if (b.name === 'stage.match') yield* walkStages(b.blocks, `${position}.`, [...parents, b]);
  }
}

/** loki.process components the linter can read (custom component instances are not). */
export function lokiProcesses(components: Iterable<Component>): Component[] {
  return [...components].filter((c) => c.componentName === 'loki.process' && !c.custom);
}
