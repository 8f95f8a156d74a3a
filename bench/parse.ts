// Parse throughput of the syntax reader (not a test): generates a large, realistic configuration
// and reports MB/s and memory for scanning, parsing (the faithful parser, the Chevrotain grammar, and
// parseFile, which combines them) and formatting.   npx tsx bench/parse.ts [MiB, default 8] [runs, default 3]
import { parseWithGrammar } from '../src/syntax/grammar-parse.ts';
import { parseFaithfully, parseFile } from '../src/syntax/parse.ts';
import { formatFile } from '../src/syntax/printer.ts';
import { scanAll } from '../src/syntax/scanner.ts';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';

function component(i: number): string {
  return `// Pipeline ${i}: scrub credentials before they leave the node
loki.source.kubernetes_pods "pods_${i}" {
  forward_to = [loki.process.scrub_${i}.receiver]
}

loki.process "scrub_${i}" {
  stage.replace {
    expression = \`(?i)(password|secret|token)\\s*[:=]\\s*([^\\s,]+)\`
    replace    = "REDACTED"
  }

  stage.match {
    selector = "{namespace=~\\"prod-.*\\", app!=\\"debug\\"}"
    stage.tenant {
      label = "namespace"
    }
  }

  stage.static_labels {
    values = {
      cluster = "eu-west-${i % 7}",
      "team-name" = "platform",
    }
  }
  forward_to = [loki.write.default.receiver, loki.write.backup_${i % 3}.receiver]
}

prometheus.relabel "pii_${i}" {
  forward_to = [prometheus.remote_write.mimir.receiver]
  rule {
    source_labels = ["user_id", "email"]
    separator     = ";"
    regex         = "(.+);(.+)"
    target_label  = "user_hash"
    replacement   = "$1"
    action        = "replace"
  }
  rule {
    action = "labeldrop"
    regex  = "user_id|email|client_ip"
  }
  max_cache_size = ${1000 + i} * 2 + (${i} % 10) ^ 2
}

`;
}

export function generate(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const c = component(i);
    parts.push(c);
    size += c.length;
  }
  return parts.join('');
}

/**
 * Best of `runs` timings, as wall time and as CPU time of this process (the first runs include JIT
 * warm-up; on a shared machine CPU time is the steadier figure).
 */
function measure<T>(label: string, bytes: number, runs: number, f: () => T): T {
  let bestWall = Infinity;
  let bestCpu = Infinity;
  let result!: T;
  let retained = 0;
  for (let r = 0; r < runs; r++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = f();
    bestWall = Math.min(bestWall, Number(process.hrtime.bigint() - t0) / 1e9);
    const cpu = process.cpuUsage(cpu0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
    retained = Math.max(retained, process.memoryUsage().heapUsed - heapBefore);
  }
  const mb = bytes / (1024 * 1024);
  process.stdout.write(
    `${label.padEnd(30)} ${(mb / bestWall).toFixed(1).padStart(6)} MB/s wall (${bestWall.toFixed(2)} s)  ${(mb / bestCpu).toFixed(1).padStart(6)} MB/s cpu  heap growth ≤ ${(retained / 1048576).toFixed(0)} MiB  rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB\n`,
  );
  return result;
}

function main(): void {
  const mib = Number(process.argv[2] ?? 8);
  const runs = Number(process.argv[3] ?? 3);
  const source = generate(mib * 1024 * 1024);
  const bytes = Buffer.byteLength(source);
  process.stdout.write(`config: ${(bytes / 1048576).toFixed(1)} MiB, ${source.split('\n').length} lines\n`);
  // Timings on a shared machine are only comparable at similar load.
  process.stdout.write(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}, node ${process.version}\n`);

  // Warm up the JIT on a small slice.
  const warm = generate(256 * 1024);
  parseFaithfully(warm, 'warm.alloy');
  parseWithGrammar(warm, 'warm.alloy');
  parseFile(warm, 'warm.alloy');

  measure('scan (tokens + comments)', bytes, runs, () => scanAll(source));
  measure('parseFaithfully', bytes, runs, () => parseFaithfully(source, 'big.alloy'));
  measure('parseWithGrammar', bytes, runs, () => parseWithGrammar(source, 'big.alloy'));
  // What commands use: the grammar, its depth check, and the faithful parser for refused files.
  const parsed = measure('parseFile', bytes, runs, () => parseFile(source, 'big.alloy'));
  if (parsed.diagnostics.length > 0) throw new Error(`generated config does not parse: ${parsed.diagnostics[0]!.message}`);
  measure('formatFile', bytes, runs, () => formatFile(parsed.file, source));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
