// The compiled library (dist/, made by `npm run build`, which `npm install` and `npm ci` run),
// used the way a consumer uses it: from a project that has alloy-scrub in its node_modules, through
// package.json's "exports", by plain Node and by TypeScript. The repository's own tests import
// the sources instead (the "alloy-scrub-source" condition), so only these tests need dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const NOT_BUILT = 'dist/ is not built: run `npm run build` (npm install and npm ci run it)';

/** The environment of a plain `node`: no loader or export condition inherited from the test runner. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

/** The `ts` example in README.md's "Library use" section. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library use'));
  const example = /```ts\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 1)));
  if (!example) throw new Error('README.md: no ```ts block in "Library use"');
  return example[1]!;
}

describe('the compiled library in a consumer project', () => {
  // A project with alloy-scrub (this repository) installed: node_modules/alloy-scrub links here.
  let project: string;

  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'alloy-scrub-consumer-'));
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules/alloy-scrub'), 'dir');
    // What the README example needs besides alloy-scrub, as the consumer would have installed it.
    symlinkSync(join(ROOT, 'node_modules/vitest'), join(project, 'node_modules/vitest'), 'dir');
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'), 'dir');
  });

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  test('plain Node imports it by package name and redacts a line with it', (ctx) => {
    ctx.skip(!existsSync(join(ROOT, 'dist/index.mjs')), NOT_BUILT);
    writeFileSync(
      join(project, 'scrub.alloy'),
      'loki.process "scrub" {\n  stage.replace {\n    expression = `password=(\\S+)`\n    replace    = "****"\n  }\n  forward_to = []\n}\n',
    );
    const script = `
      import { readFileSync } from 'node:fs';
      import { processLogs, loadConfig } from 'alloy-scrub';
      const model = loadConfig(readFileSync('scrub.alloy', 'utf8'), 'scrub.alloy');
      const [out] = processLogs(model, 'loki.process.scrub', ['login password=hunter2']);
      console.log(JSON.stringify({ resolved: import.meta.resolve('alloy-scrub'), line: out.line }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8', env: plainEnv() });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ resolved: expect.stringMatching(/\/dist\/index\.mjs$/), line: 'login password=****' });
  });

  test("TypeScript compiles the README's Library use example against the declarations (strict, NodeNext, libraries checked)", (ctx) => {
    ctx.skip(!existsSync(join(ROOT, 'dist/types/src/index.d.ts')), NOT_BUILT);
    writeFileSync(join(project, 'example.test.ts'), readmeExample());
    // A consumer's settings: no allowImportingTsExtensions, no custom conditions, and skipLibCheck
    // off, so every declaration file alloy-scrub ships is checked and its imports must resolve.
    const tsconfig = {
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
      files: ['example.test.ts'],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { cwd: project, encoding: 'utf8', env: plainEnv() });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(output).toBe('');
  });
});
