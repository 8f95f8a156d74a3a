// Strict reading of YAML test files: every value is checked for type, every mapping for unknown
// keys, and every complaint carries the `file:line:col` of the offending node.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { TestFileError, type FilePos } from './types.ts';

export class YamlReader {
  private readonly lines = new LineCounter();
  readonly root: Node | null;

  constructor(
    readonly file: string,
    text: string,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      throw new TestFileError(`invalid YAML: ${err.message.split('\n')[0]}`, this.posAt(err.pos[0]));
    }
    this.root = (doc.contents as Node | null) ?? null;
  }

  posAt(offset: number): FilePos {
    const p = this.lines.linePos(offset);
    return { file: this.file, line: p.line, column: p.col };
  }

  pos(node: Node | null | undefined): FilePos {
    return this.posAt(node?.range?.[0] ?? 0);
  }

  error(node: Node | null | undefined, message: string): TestFileError {
    return new TestFileError(message, this.pos(node));
  }

  /** The pairs of a mapping, refusing keys outside `allowed`. */
  mapping(node: Node | null | undefined, what: string, allowed: readonly string[]): Map<string, { key: Node; value: Node | null }> {
    if (!isMap(node)) throw this.error(node, `${what} must be a mapping`);
    const out = new Map<string, { key: Node; value: Node | null }>();
    for (const pair of (node as YAMLMap).items as Pair<Node, Node | null>[]) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') throw this.error(key, `${what}: keys must be strings`);
      if (!allowed.includes(key.value)) {
        throw this.error(key, `unknown key "${key.value}" in ${what} (expected one of: ${allowed.join(', ')})`);
      }
      out.set(key.value, { key, value: pair.value ?? null });
    }
    return out;
  }

  string(node: Node | null, what: string): string {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean')) {
      // YAML reads `42` and `true` as scalars of other types; a log line of digits is still a line.
      return typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
    }
    throw this.error(node, `${what} must be a string`);
  }

  bool(node: Node | null, what: string): boolean {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    throw this.error(node, `${what} must be true or false`);
  }

  int(node: Node | null, what: string): number {
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
    throw this.error(node, `${what} must be an integer`);
  }

  /** A string or a list of strings. */
  strings(node: Node | null, what: string): string[] {
    if (isSeq(node)) return node.items.map((item, i) => this.string(item as Node, `${what}[${i}]`));
    return [this.string(node, what)];
  }

  list(node: Node | null, what: string): Node[] {
    if (!isSeq(node)) throw this.error(node, `${what} must be a list`);
    return node.items as Node[];
  }

  /** A mapping of string keys to string values (labels, env, extracted). */
  stringMap(node: Node | null, what: string): Map<string, string> {
    if (node === null || (isScalar(node) && node.value === null)) return new Map();
    if (!isMap(node)) throw this.error(node, `${what} must be a mapping of names to strings`);
    const out = new Map<string, string>();
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = this.string(pair.key, `${what} key`);
      out.set(key, this.string(pair.value ?? null, `${what}.${key}`));
    }
    return out;
  }
}
