// Debugging aid: `npx tsx test/template/support/diff-cli.mts [cases] [seed] [show]` prints disagreements with Go.
import fc from 'fast-check';
import { caseArb } from './generate.ts';
import { compareWithGo } from './oracle.ts';
const n = Number(process.argv[2] ?? 2000);
const cases = fc.sample(caseArb, { numRuns: n, seed: Number(process.argv[3] ?? 1) });
const { disagreements, go } = await compareWithGo(cases);
const kinds = { out: 0, perr: 0, eerr: 0, other: 0 } as Record<string, number>;
for (const g of go) kinds[Object.keys(g)[0]!]++;
console.log('cases', n, 'go outcomes', kinds, 'disagreements', disagreements.length);
for (const d of disagreements.slice(0, Number(process.argv[4] ?? 8))) console.log(JSON.stringify(d, null, 1));
