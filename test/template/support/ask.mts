// Debugging aid: `npx tsx test/template/support/ask.mts '<template>'` shows Go's and our answer.
import { compareWithGo } from './oracle.ts';
const tpl = process.argv[2]!;
const { go, disagreements } = await compareWithGo([{ template: tpl, data: ['m', [['a', ['s', 'abc']]]], funcs: true }]);
console.log('go  ', JSON.stringify(go[0]));
console.log(disagreements.length ? 'ours ' + JSON.stringify(disagreements[0]!.ours) : 'same');
