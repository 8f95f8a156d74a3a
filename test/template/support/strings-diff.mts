import fc from 'fast-check';
import { compareWithGo } from './oracle.ts';
const goString = fc.array(fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('a', 'B', ' ', '\t', '\n', '\u00a0', '\u0085', 'ß', 'İ', 'ı', 'ǅ', 'Σ', 'ﬀ', 'ᾳ', '\u2028', '\u3000', '\ufeff', '\u200b', '%', '"', '\\', '<', '&', '=', "'", '\x7f', '\x00', '\ufffd', 'é'),
  fc.integer({ min: 0x80, max: 0xff }).map((b) => String.fromCharCode(0xdc00 + b)),
), { maxLength: 8 }).map((xs) => xs.join(''));
const tpl = process.argv[2] ?? '{{ ToUpper .s }}|{{ ToLower .s }}|{{ TrimSpace .s }}|{{ printf "%q|%+q|%x|%5.2s|%-4q|%#q" .s .s .s .s .s .s }}|{{ len .s }}|{{ Trim .s "aB é" }}|{{ html .s }}|{{ js .s }}|{{ urlquery .s }}|{{ Replace .s "" "-" 3 }}|{{ TrimLeft .s " a" }}|{{ TrimRight .s "\\u00a0a" }}';
const strs = fc.sample(goString, { numRuns: Number(process.argv[3] ?? 3000), seed: Number(process.argv[4] ?? 7) });
const { disagreements } = await compareWithGo(strs.map((s) => ({ template: tpl, data: ['m', [['s', ['s', s]]]], funcs: true })));
console.log('disagreements', disagreements.length);
for (const d of disagreements.slice(0, 6)) console.log(JSON.stringify(d.case.data), '\n go  ', JSON.stringify(d.go), '\n ours', JSON.stringify(d.ours));
