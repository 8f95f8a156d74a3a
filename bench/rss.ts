// Memory of `alloy-scrub run` on a long stream: pipes --gb GB of generated corpus (a 16 MiB
// corpus from bench/corpus.ts, repeated) into the real CLI and samples the child's resident set
// (VmRSS) every 250 ms from /proc, plus its peak (VmHWM) just before it exits. Flat means the
// samples of the second half stay where the first half's were. Linux only; prints Markdown.
//
//   npx tsx bench/rss.ts [--gb 1] [--config bench/rules/seed.alloy] [--component loki.secretfilter.default]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusBuffer } from './corpus.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { gb: { type: 'string', default: '1' }, config: { type: 'string', default: 'bench/rules/seed.alloy' }, component: { type: 'string' } } });
const total = Number(values.gb) * 1024 ** 3;
const { data } = corpusBuffer(16 * 1024 * 1024, { seed: 1 });

function statusKb(pid: number, key: string): number | null {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

// node itself (not the shell wrapper), so /proc/<pid> is the process that runs the pipeline.
const componentArgs = values.component ? ['--component', values.component] : [];
const child = spawn(process.execPath, [resolve(root, 'bin/alloy-scrub'), 'run', resolve(root, values.config), ...componentArgs], { stdio: ['pipe', 'pipe', 'inherit'] });
const samples: Array<{ fedBytes: number; rssKb: number }> = [];
let fed = 0;
let outBytes = 0;
let peakKb = 0;
child.stdout.on('data', (d: Buffer) => (outBytes += d.length));
const timer = setInterval(() => {
  const rss = statusKb(child.pid!, 'VmRSS');
  const hwm = statusKb(child.pid!, 'VmHWM');
  if (rss !== null) samples.push({ fedBytes: fed, rssKb: rss });
  if (hwm !== null) peakKb = Math.max(peakKb, hwm);
}, 250);
const t0 = Date.now();
const exited = new Promise<number | null>((ok) => child.on('close', ok));

async function feed(): Promise<void> {
  while (fed < total) {
    const piece = data.subarray(0, Math.min(data.length, total - fed));
    fed += piece.length;
    if (!child.stdin.write(piece)) await new Promise((ok) => child.stdin.once('drain', ok));
  }
  child.stdin.end();
}
await feed();
const code = await exited;
clearInterval(timer);

const mb = (kb: number): string => (kb / 1024).toFixed(0);
const half = samples.filter((s) => s.fedBytes >= total / 2);
const firstHalf = samples.filter((s) => s.fedBytes < total / 2 && s.fedBytes > 0);
const max = (xs: typeof samples): number => Math.max(...xs.map((s) => s.rssKb));
console.log(`| stream | exit | seconds (wall) | output MB | RSS samples | max RSS first half MiB | max RSS second half MiB | peak RSS (VmHWM) MiB |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
console.log(
  `| ${(total / 1024 ** 3).toFixed(2)} GiB into run ${values.config} | ${code} | ${((Date.now() - t0) / 1000).toFixed(1)} | ${(outBytes / 1e6).toFixed(0)} | ${samples.length} | ${firstHalf.length ? mb(max(firstHalf)) : '-'} | ${half.length ? mb(max(half)) : '-'} | ${mb(peakKb)} |`,
);
