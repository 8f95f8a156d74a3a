// Bundles the command line into dist/alloy-scrub.mjs with esbuild (installed with tsx). The bundle
// starts in a fraction of the time the TypeScript sources take through tsx, mostly because
// chevrotain's many small ESM modules load as one file. bin/alloy-scrub uses the bundle only
// while it is newer than every source file, and falls back to the sources otherwise.
import { build } from 'esbuild';

// Two bundles: the command, and the program of its worker threads (src/parallel/worker-entry.ts),
// which the command starts from the file next to its own (src/parallel/worker-pool.ts).
await build({
  entryPoints: [
    { in: 'src/cli/main.ts', out: 'alloy-scrub' },
    { in: 'src/parallel/worker-entry.ts', out: 'alloy-scrub-worker' },
  ],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages with native or WebAssembly payloads load from node_modules as they are.
  external: ['re2', 're2-wasm', 'esbuild', 'tsx'],
  // CommonJS dependencies inside an ESM bundle need a require of their own.
  banner: { js: "import { createRequire as __alloyScrubCreateRequire } from 'node:module'; const require = __alloyScrubCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
