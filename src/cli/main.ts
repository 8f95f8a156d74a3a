// Entry point of the `alloy-scrub` command. Each command lives in `commands/<name>.ts` and
// exports `register(program)`; this file only wires them up and turns failures into exit codes.
import { Command, CommanderError } from 'commander';
import { CliExit, EXIT_USAGE } from './exit.ts';

// Literal import paths, so that the bundled build (npm run build) contains every command.
const COMMANDS: Record<string, () => Promise<{ register(program: Command): void }>> = {
  parse: () => import('./commands/parse.ts'),
  fmt: () => import('./commands/fmt.ts'),
  graph: () => import('./commands/graph.ts'),
  rules: () => import('./commands/rules.ts'),
  run: () => import('./commands/run.ts'),
  relabel: () => import('./commands/relabel.ts'),
  test: () => import('./commands/test.ts'),
  fuzz: () => import('./commands/fuzz.ts'),
  bench: () => import('./commands/bench.ts'),
  lint: () => import('./commands/lint.ts'),
};

async function buildProgram(): Promise<Command> {
  const program = new Command('alloy-scrub')
    .description('Prove that a Grafana Alloy configuration scrubs credentials and PII before it is deployed')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const [name, load] of Object.entries(COMMANDS)) {
    try {
      (await load()).register(program);
    } catch (err) {
      // One broken command must not take the others down; it reports itself when called.
      program
        .command(name)
        .description(`(unavailable: ${(err as Error).message.split('\n')[0]})`)
        .allowUnknownOption()
        .allowExcessArguments()
        .action(() => {
          throw new CliExit(EXIT_USAGE, `alloy-scrub: internal error: the ${name} command could not be loaded: ${(err as Error).message}`);
        });
    }
  }
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = await buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof CliExit) {
      if (err.message) process.stderr.write(err.message.endsWith('\n') ? err.message : `${err.message}\n`);
      return err.code;
    }
    const detail = process.env.ALLOY_SCRUB_DEBUG ? String((err as Error)?.stack ?? err) : String((err as Error)?.message ?? err);
    process.stderr.write(`alloy-scrub: internal error: ${detail}\n`);
    return EXIT_USAGE;
  }
}

const code = await main(process.argv);
// Let pending stdout writes drain before exiting.
process.exitCode = code;
