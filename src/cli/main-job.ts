// `npm start`: the main job on the bundled samples, for a newcomer. It runs `alloy-scrub test`
// twice — on the tests an operator would write for the seed hardening config (they fail: the
// leaks are real) and on everything else under samples/ (documented behaviour and a corrected
// config, which pass) — and ends with what that showed. Exit 0 when the run showed exactly that.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import pc from 'picocolors';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/alloy-scrub');
const leakCheck = 'samples/seed-hardening/leak-check.test.yaml';

function run(title: string, args: string[]): number {
  process.stdout.write(`\n${pc.bold(pc.cyan(`▶ ${title}`))}\n${pc.dim(`$ alloy-scrub ${args.join(' ')}`)}\n\n`);
  const r = spawnSync(bin, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 2;
}

const leaks = run("The tests an operator would write for the seed document's scrub rules", ['test', leakCheck]);
const rest = run('Documented Alloy behaviour of the seeds, the corrected config, an Alloy pipeline test', [
  'test',
  'samples/seed-hardening/seed-hardening.test.yaml',
  'samples/corrected',
  'samples/multitenant',
  'samples/alloy-pipelinetest',
]);

process.stdout.write('\n');
if (leaks === 1 && rest === 0) {
  process.stdout.write(
    `${pc.bold('What this showed:')} the seed config forwards JSON passwords, bearer tokens and AWS keys to Loki\n` +
      `(its rules cannot work as written), and the corrected config in samples/corrected is proven clean.\n` +
      `Run ${pc.bold('./bin/alloy-scrub test --reveal ' + leakCheck)} to see the leaked values unmasked.\n`,
  );
  process.exitCode = 0;
} else {
  process.stdout.write(pc.red(`Unexpected outcome: leak check exited ${leaks} (expected 1), other samples exited ${rest} (expected 0).\n`));
  process.exitCode = 1;
}
