// Finds the test files named on the command line: files as given, directories searched
// recursively for `*.test.yaml` / `*.test.yml` (node_modules and dot-directories skipped).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function discoverTestFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.test\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}
