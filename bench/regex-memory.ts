// Does the regex layer leak memory over millions of calls? Especially the re2-wasm backend,
// whose 16 MiB heap never grows: a leak there ends in an abort.
//
//   npx tsx --expose-gc bench/regex-memory.ts [calls]      (default 1,000,000)
//
// The wasm high-water mark is measured by allocating a 1 MiB block: the allocator carves it
// from the top of the used heap, so its end address rises if anything accumulates.
import { createRequire } from 'node:module';
import { availableEngines, compileRegex } from '../src/regex/index.ts';

interface WasmModule {
  _malloc(n: number): number;
  _free(p: number): void;
}

const calls = Number(process.argv[2] ?? 1_000_000);
const wasm = availableEngines().includes('re2-wasm')
  ? (createRequire(import.meta.url)('re2-wasm/build/wasm/re2') as WasmModule)
  : null;

function wasmTop(): number | null {
  if (!wasm) return null;
  const p = wasm._malloc(1 << 20);
  wasm._free(p);
  return p + (1 << 20);
}

function jsHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const lines = [
  'level=info msg="login ok" user=alice password=hunter2 ip=10.0.0.1',
  'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc 😀 café',
  'card 4111 1111 1111 1111 exp 12/29 \udcff invalid byte',
  '',
];

const mb = (n: number | null) => (n === null ? 'n/a' : (n / 1048576).toFixed(2) + ' MiB');

for (const engine of availableEngines()) {
  const patterns = [
    compileRegex('password=(\\S+)', { engine }),
    compileRegex('(?i)bearer\\s+([\\w.-]+)', { engine }),
    compileRegex('\\b(?:\\d[ -]?){13,16}\\b', { engine }),
    compileRegex('x*', { engine }),
  ];
  const report: string[] = [];
  const sample = (label: string) => report.push(`${label}: js heap ${mb(jsHeap())}, wasm top ${mb(wasmTop())}`);
  sample('start');
  let work = 0;
  for (let i = 0; i < calls; i++) {
    const re = patterns[i % patterns.length]!;
    const line = lines[i % lines.length]!;
    switch (i % 3) {
      case 0:
        work += re.findAllStringSubmatchIndex(line, -1).length;
        break;
      case 1:
        work += re.replaceAllString(line, '${1}***').length;
        break;
      default:
        work += re.matchString(line) ? 1 : 0;
    }
    // Distinct patterns too: the compile cache and the wasm object pool must stay bounded.
    if (i % 100 === 0) work += compileRegex(`distinct-${i}-(\\w+)`, { engine }).numSubexp();
    if (i === Math.floor(calls / 10)) sample(`after ${i} calls`);
  }
  sample(`after ${calls} calls`);
  console.log(`${engine} (${work} units of work)\n  ` + report.join('\n  '));
}
