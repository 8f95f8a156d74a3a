import fc from 'fast-check';
import { caseArb } from './generate.ts';
import { runOurs } from './oracle.ts';
const cases = fc.sample(caseArb, { numRuns: 400, seed: 9 });
let n = 0;
for (const c of cases) {
  const o = runOurs(c);
  if ('perr' in o && o.perr.includes('in command') && !o.perr.includes('define') && n++ < 4) console.log(o.perr, '\n   ', JSON.stringify(c.template));
}
