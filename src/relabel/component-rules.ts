// The compiled rules of a relabel component, compiled once per component object.
import type { Component } from '../config/model.ts';
import { checkRelabelArguments } from './component-args.ts';
import { compileRelabelRules, RELABEL_COMPONENTS, type CompiledRule, type RelabelComponentName } from './engine.ts';

const cache = new WeakMap<Component, CompiledRule[]>();

export function isRelabelComponentName(name: string): name is RelabelComponentName {
  return (RELABEL_COMPONENTS as readonly string[]).includes(name);
}

/** The component's `rule` blocks, compiled; throws ConfigError as Alloy would refuse to load it. */
export function rulesOf(component: Component): CompiledRule[] {
  const hit = cache.get(component);
  if (hit) return hit;
  if (!isRelabelComponentName(component.componentName)) {
    throw new Error(`${component.id} is not a relabel component`);
  }
  checkRelabelArguments(component);
  const rules = compileRelabelRules(
    component.blocks,
    { component: component.componentName, file: component.file },
  );
  cache.set(component, rules);
  return rules;
}
