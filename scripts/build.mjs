// Builds dist/ with esbuild (installed with tsx) and TypeScript:
//
// - the command line, dist/alloy-scrub.mjs. The bundle starts in a fraction of the time the
//   TypeScript sources take through tsx, mostly because chevrotain's many small ESM modules load
//   as one file. bin/alloy-scrub uses the bundle only while it is newer than every source file,
//   and falls back to the sources otherwise;
// - the program of its worker threads, dist/alloy-scrub-worker.mjs (src/parallel/worker-entry.ts),
//   which the command starts from the file next to its own (src/parallel/worker-pool.ts);
// - the library, dist/index.mjs (src/index.ts), what `import … from 'alloy-scrub'` loads in plain
//   Node (package.json "exports"). Its dependencies stay imports, resolved from node_modules like
//   any library's; being next to the worker bundle, it starts the same worker threads;
// - the library's type declarations, dist/types/ (tsc -p tsconfig.build.json), which "exports"
//   names for TypeScript consumers.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' };

const commandLine = build({
  ...common,
  entryPoints: [
    { in: 'src/cli/main.ts', out: 'alloy-scrub' },
    { in: 'src/parallel/worker-entry.ts', out: 'alloy-scrub-worker' },
  ],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  // Packages with native or WebAssembly payloads load from node_modules as they are.
  external: ['re2', 're2-wasm', 'esbuild', 'tsx'],
  // CommonJS dependencies inside an ESM bundle need a require of their own.
  banner: { js: "import { createRequire as __alloyScrubCreateRequire } from 'node:module'; const require = __alloyScrubCreateRequire(import.meta.url);" },
});

// The library bundles only this package's own modules (src/, grammar/): every package it imports,
// re2 and re2-wasm among them, is a dependency and loads from node_modules, so a consumer's
// project shares them (fast-check, say) instead of getting a second copy inside the bundle.
const library = build({
  ...common,
  entryPoints: [{ in: 'src/index.ts', out: 'index' }],
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  packages: 'external',
});

await Promise.all([commandLine, library, declarations()]);

/**
 * Declarations of src/index.ts and what it imports, in dist/types/ (src/ and grammar/ below it).
 * Skipped with a note when TypeScript (a devDependency) is not installed, as in an install
 * without dev dependencies: the JavaScript is built all the same.
 */
async function declarations() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write('build: typescript is not installed; dist/types/ (the library\'s declarations) not built\n');
    return;
  }
  const out = 'dist/types';
  rmSync(out, { recursive: true, force: true });
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? signal));
  });
  if (code !== 0) throw new Error(`build: tsc -p tsconfig.build.json failed (${code})`);
  // The sources import each other as './x.ts', and tsc keeps those specifiers in declarations.
  // TypeScript 5 resolves them to the x.d.ts beside; './x.js', the usual form, every version does.
  for (const file of declarationFiles(out)) {
    const text = readFileSync(file, 'utf8');
    const rewritten = text.replace(/(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\.ts\2/g, '$1$2$3.js$2');
    if (rewritten !== text) writeFileSync(file, rewritten);
  }
}

function declarationFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}
