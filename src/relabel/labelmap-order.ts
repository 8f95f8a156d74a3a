// When does Alloy's labelmap result depend on Go's map iteration order?
//
// labelmap walks the labels and, for each name the regex matches, sets the mapped name to the
// label's value. The walk order is fixed for prometheus.relabel (sorted series labels), but not for
// loki.relabel (the stream's label map is copied into the builder in Go map order) nor for
// discovery.relabel (its builder is made of Go maps walked live). The engine runs one order; this
// module says when another order Alloy could take would give a different label set, so that the
// result is reported as unknown instead of presented as certain.
import type { GoRegexp } from '../regex/types.ts';
import type { RelabelComponentName } from './engine.ts';
import { AlloyTargetBuilder, type LabelBuilder } from './label-builders.ts';

interface Mapping {
  name: string;
  value: string;
  target: string;
  ordered: boolean;
}

export function labelmapOrderProblem(
  component: RelabelComponentName,
  lb: LabelBuilder,
  re: GoRegexp,
  replacement: string,
): string | null {
  if (component === 'prometheus.relabel') return null;
  const unordered = lb.unorderedNames();
  const mappings: Mapping[] = [];
  lb.range((name, value) => {
    if (re.matchString(name)) mappings.push({ name, value, target: re.replaceAllString(name, replacement), ordered: !unordered.has(name) });
  });

  // Several labels mapped onto one name with different values: the last one written wins.
  const byTarget = new Map<string, Mapping[]>();
  for (const m of mappings) byTarget.set(m.target, [...(byTarget.get(m.target) ?? []), m]);
  for (const [target, group] of byTarget) {
    if (new Set(group.map((m) => m.value)).size < 2) continue;
    // Labels in a fixed order come after all unordered ones; if one of them writes last, the winner is fixed.
    if (group[group.length - 1]!.ordered) continue;
    return `labels ${group.map((m) => JSON.stringify(m.name)).join(', ')} are all mapped to ${JSON.stringify(target)} with different values, and which one Alloy writes last depends on Go's map iteration order`;
  }

  if (!(lb instanceof AlloyTargetBuilder)) return null;

  // Alloy's builder is walked live: writing a label the walk has not reached yet changes the walk.
  const matchedNames = new Set(mappings.map((m) => m.name));
  for (const m of mappings) {
    if (m.target !== m.name && matchedNames.has(m.target)) {
      return `label ${JSON.stringify(m.name)} is mapped to ${JSON.stringify(m.target)}, which the same rule also maps; whether Alloy maps ${JSON.stringify(m.target)} before or after overwriting it depends on Go's map iteration order`;
    }
  }
  const addedAtStart = lb.addedNames();
  for (const m of mappings) {
    if (!addedAtStart.has(m.name) || addedAtStart.has(m.target)) continue;
    if (re.matchString(m.target) && re.replaceAllString(m.target, replacement) !== m.target) {
      return `label ${JSON.stringify(m.target)} created by this rule matches it again, and whether Go's map iteration visits it in the same pass is unspecified`;
    }
  }
  return null;
}
