// Read-only access to an Alloy source tree, either a checkout (a directory of files) or a bare git
// directory (read through `git ls-tree` / `git cat-file`). Nothing is copied into this repository:
// the conformance run reads Alloy's files at run time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SourceTree {
  describe(): string;
  list(): string[];
  read(path: string): Buffer;
}

function isBareGitDir(dir: string): boolean {
  return existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects')) && !existsSync(join(dir, '.git'));
}

class GitTree implements SourceTree {
  private readonly blobs = new Map<string, string>();
  constructor(
    private readonly gitDir: string,
    private readonly rev = 'HEAD',
  ) {
    const out = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--full-tree', rev], { maxBuffer: 1 << 28 }).toString('utf8');
    for (const line of out.split('\n')) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(line);
      if (m) this.blobs.set(m[2]!, m[1]!);
    }
  }
  describe(): string {
    const commit = execFileSync('git', ['--git-dir', this.gitDir, 'rev-parse', this.rev]).toString().trim();
    return `${this.gitDir} @ ${commit}`;
  }
  list(): string[] {
    return [...this.blobs.keys()];
  }
  read(path: string): Buffer {
    const sha = this.blobs.get(path);
    if (!sha) throw new Error(`no such file in tree: ${path}`);
    return execFileSync('git', ['--git-dir', this.gitDir, 'cat-file', 'blob', sha], { maxBuffer: 1 << 28 });
  }
}

class DirTree implements SourceTree {
  constructor(private readonly root: string) {}
  describe(): string {
    return this.root;
  }
  list(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name === '.git' || name === 'node_modules') continue;
        const p = join(dir, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else out.push(relative(this.root, p));
      }
    };
    walk(this.root);
    return out;
  }
  read(path: string): Buffer {
    return readFileSync(join(this.root, path));
  }
}

export function openSourceTree(path: string): SourceTree {
  if (isBareGitDir(path)) return new GitTree(path);
  return new DirTree(path);
}
