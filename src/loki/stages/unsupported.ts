// Stages the simulation does not reproduce. Alloy accepts them, so loading must not fail; but a
// verdict about an entry that went through one cannot be trusted, so every entry that reaches the
// stage is marked unknown (fail closed) and otherwise passes through untouched.
import type { EvaluatedBlock } from '../../config/model.ts';
import { addMark, describeWhere, markOf, mutatingStage, type CompiledStage } from './stage.ts';

export const UNSUPPORTED_REASONS: ReadonlyMap<string, string> = new Map([
  ['stage.geoip', 'needs a MaxMind database'],
  ['stage.windowsevent', 'parses Windows event XML, which is not simulated'],
  ['stage.eventlogmessage', 'parses Windows event log messages, which is not simulated'],
]);

export function compileUnsupported(block: EvaluatedBlock, why?: string): CompiledStage {
  const reason = why ?? UNSUPPORTED_REASONS.get(block.name) ?? 'is not simulated';
  const mark = markOf(block, `${describeWhere(block)} is not simulated (${reason}); the result is unknown`);
  return mutatingStage(block, (entry) => addMark(entry, mark));
}

/** A stage whose configuration depends on a value only known when Alloy runs. */
export function compileUnknownArguments(block: EvaluatedBlock, attribute: string, reason: string): CompiledStage {
  const mark = markOf(block, `${describeWhere(block)}: "${attribute}" is not known before Alloy runs (${reason})`);
  return mutatingStage(block, (entry) => addMark(entry, mark));
}
