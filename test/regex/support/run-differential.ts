// Prints disagreements with Go per engine:
//   SEED=1 COUNT=30000 npx tsx test/regex/support/run-differential.ts [engine]
import { availableEngines, type EngineName } from '../../../src/regex/index.ts';
import { differentialCases, disagreements, goAnswers } from './differential.ts';

const cases = differentialCases(Number(process.env.SEED ?? 20_261_123), Number(process.env.COUNT ?? 10_000));
const expected = await goAnswers(cases);
const engines = process.argv[2] ? [process.argv[2] as EngineName] : availableEngines();
for (const engine of engines) {
  const t0 = Date.now();
  const found = await disagreements(engine, cases, expected);
  console.log(`${engine}: ${found.length} disagreements of ${cases.length} (${Date.now() - t0} ms)`);
  for (const d of found.slice(0, Number(process.env.SHOW ?? 6))) console.log(JSON.stringify(d));
}
