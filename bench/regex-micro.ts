// Match and replace calls per second, per backend, on short and long log lines.
// Not a test: it prints a table.   npx tsx bench/regex-micro.ts [cpu-ms-per-cell]
import { availableEngines, compileRegex, type EngineName } from '../src/regex/index.ts';

const budgetMs = Number(process.argv[2] ?? 400);

const short = 'ts=2024-05-01T12:00:00Z level=info msg="user login" user=alice password=hunter2 ip=10.1.2.3';
const long = Array.from({ length: 60 }, (_, i) =>
  i % 7 === 3 ? `token=tok_${i}abcdef password=pw${i} ` : `field${i}="value with some text ${i} café" `,
).join('');

const rules: { name: string; pattern: string; repl: string }[] = [
  { name: 'password=(\\S+)', pattern: 'password=(\\S+)', repl: 'password=***' },
  { name: '(?i)(token|password)=\\S+', pattern: '(?i)(token|password)=\\S+', repl: '$1=***' },
  { name: 'card number', pattern: '\\b(?:\\d[ -]?){13,16}\\b', repl: '[card]' },
  { name: 'email', pattern: '[\\w.+-]+@[\\w-]+\\.[\\w.]+', repl: '[email]' },
];

/** Calls per CPU-second of this process (CPU time, so other load on the machine matters less). */
function rate(fn: () => unknown): number {
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (let i = 0; i < 20; i++) fn(); // warm up
  let n = 0;
  const start = cpuMs();
  let now = start;
  while (now - start < budgetMs) {
    for (let i = 0; i < 20; i++) fn();
    n += 20;
    now = cpuMs();
  }
  return (n / (now - start)) * 1000;
}

const fmt = (x: number) => (x >= 1e6 ? (x / 1e6).toFixed(2) + 'M' : x >= 1e3 ? (x / 1e3).toFixed(1) + 'k' : x.toFixed(0));

const rows: string[][] = [['engine', 'rule', 'line', 'match/s', 'findAll+groups/s', 'replaceAll/s']];
for (const engine of availableEngines() as EngineName[]) {
  for (const rule of rules) {
    const re = compileRegex(rule.pattern, { engine });
    for (const [label, line] of [
      ['short ' + short.length, short],
      ['long ' + long.length, long],
    ] as const) {
      rows.push([
        engine,
        rule.name,
        label,
        fmt(rate(() => re.matchString(line))),
        fmt(rate(() => re.findAllStringSubmatchIndex(line, -1))),
        fmt(rate(() => re.replaceAllString(line, rule.repl))),
      ]);
    }
  }
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
