// The text/template parser: tokens → parse trees (one per defined template), with Go's parse-time
// checks and error texts: undefined functions (`function "Foo" not defined`), undefined
// variables, `{{break}}` outside `{{range}}`, misplaced `{{end}}`/`{{else}}`, and so on.
// Behaviour follows the Go release Alloy is built with (1.26): `{{else with}}` chains exist.
import type { ArgNode, CommandNode, ListNode, Node, NumberInfo, PipeNode, VariableNode } from './ast.ts';
import { nodeString } from './ast.ts';
import { quote } from '../go/strconv/quote.ts';
import { lex, Tok, type Item } from './lexer.ts';
import { parseFloat64, parseIntBase0, unquote, unquoteRune } from './strconv.ts';

/**
 * The Go release whose text/template to follow. Alloy is built with 1.26 (range over integers,
 * `{{else with}}`); 1.19 is the toolchain of this project's differential oracle.
 */
export type GoVersion = '1.19' | '1.26';

/** A parsed template body. */
export interface Tree {
  name: string;
  /** Name of the top-level template, used in error locations. */
  parseName: string;
  root: ListNode;
  text: string;
}

/** Thrown as soon as parsing fails; the message is Go's. */
export class ParseFailure extends Error {}

export type HasFunction = (name: string) => boolean;

/** Go's item.String(), used by "unexpected %s in %s". */
function itemString(i: Item): string {
  if (i.typ === Tok.EOF) return 'EOF';
  if (i.typ === Tok.Error) return i.val;
  if (i.typ > Tok.Keyword) return `<${i.val}>`;
  const chars = Array.from(i.val);
  if (chars.length > 10) return quote(chars.slice(0, 10).join('')) + '...';
  return quote(i.val);
}

class Parser {
  private token: Item[] = [];
  private peekCount = 0;
  private idx = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  name: string;
  root: ListNode | null = null;

  constructor(
    private readonly items: Item[],
    readonly parseName: string,
    private readonly text: string,
    private readonly hasFunction: HasFunction,
    private readonly treeSet: Map<string, Tree>,
    name: string,
    private readonly elseWith: boolean,
  ) {
    this.name = name;
    this.token = [items[0]!, items[0]!, items[0]!];
  }

  /** A sub-parser sharing the token stream (for define/block bodies). */
  private child(name: string): Parser {
    const p = new Parser(this.items, this.parseName, this.text, this.hasFunction, this.treeSet, name, this.elseWith);
    p.shareFrom(this);
    return p;
  }

  private shareFrom(other: Parser): void {
    // Go shares the lexer; the lookahead buffer belongs to each Tree but is empty at these points
    // except for what the caller already consumed, so sharing the position is enough.
    this.idx = other.idx;
    this.token = [...other.token];
    this.peekCount = other.peekCount;
  }

  private lexNext(): Item {
    const it = this.items[this.idx]!;
    if (this.idx < this.items.length - 1) this.idx++;
    return it;
  }

  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount]!;
  }

  backup(): void {
    this.peekCount++;
  }

  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }

  nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.typ === Tok.Space);
    return t;
  }

  peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    throw new ParseFailure(`template: ${this.parseName}:${this.token[0]!.line}: ${msg}`);
  }

  expect(expected: Tok, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }

  expectOneOf(a: Tok, b: Tok, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== a && t.typ !== b) this.unexpected(t, context);
    return t;
  }

  unexpected(t: Item, context: string): never {
    if (t.typ === Tok.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(t)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }

  /** Go's Tree.add: registers this tree, allowing an empty earlier definition to be replaced. */
  add(): void {
    const existing = this.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing.root)) {
      this.treeSet.set(this.name, { name: this.name, parseName: this.parseName, root: this.root!, text: this.text });
      return;
    }
    if (!isEmptyTree(this.root!)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  parse(): void {
    this.root = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== Tok.EOF) {
      if (this.peek().typ === Tok.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === Tok.Define) {
          const sub = this.child('definition');
          sub.parseDefinition();
          this.shareFrom(sub);
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.expectOneOf(Tok.String, Tok.RawString, context);
    const name = unquote(nameTok.val);
    if (name === null) this.errorf('invalid syntax');
    this.name = name;
    this.expect(Tok.RightDelim, context);
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.root = list;
    this.add();
  }

  itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== Tok.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Tok.Text:
        return { type: 'text', pos: t.pos, text: t.val };
      case Tok.LeftDelim: {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      case Tok.Comment:
        return { type: 'comment', pos: t.pos, text: t.val };
      default:
        this.unexpected(t, 'input');
    }
  }

  action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Tok.Block:
        return this.blockControl();
      case Tok.Break:
        return this.breakControl(t.pos, 'break');
      case Tok.Continue:
        return this.breakControl(t.pos, 'continue');
      case Tok.Else:
        return this.elseControl();
      case Tok.End:
        return { type: 'end', pos: this.expect(Tok.RightDelim, 'end').pos };
      case Tok.If:
        return this.branch('if');
      case Tok.Range:
        return this.branch('range');
      case Tok.Template:
        return this.templateControl();
      case Tok.With:
        return this.branch('with');
    }
    this.backup();
    const tok = this.peek();
    return { type: 'action', pos: tok.pos, pipe: this.pipeline('command', Tok.RightDelim) };
  }

  breakControl(pos: number, kw: 'break' | 'continue'): Node {
    const t = this.nextNonSpace();
    if (t.typ !== Tok.RightDelim) this.unexpected(t, `{{${kw}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kw}}} outside {{range}}`);
    return { type: kw, pos };
  }

  pipeline(context: string, end: Tok): PipeNode {
    const tok = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: tok.pos, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ === Tok.Variable) {
        this.next();
        const tokenAfterVariable = this.peek();
        const next = this.peekNonSpace();
        if (next.typ === Tok.Assign || next.typ === Tok.Declare) {
          pipe.isAssign = next.typ === Tok.Assign;
          this.nextNonSpace();
          pipe.decl.push(newVariable(v.pos, v.val));
          this.vars.push(v.val);
        } else if (next.typ === Tok.Char && next.val === ',') {
          this.nextNonSpace();
          pipe.decl.push(newVariable(v.pos, v.val));
          this.vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const p = this.peekNonSpace().typ;
            if (p === Tok.Variable || p === Tok.RightDelim || p === Tok.RightParen) continue decls;
            this.errorf('range can only initialize variables');
          }
          this.errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === Tok.Space) {
          this.backup3(v, tokenAfterVariable);
        } else {
          this.backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case Tok.Bool:
        case Tok.CharConstant:
        case Tok.Complex:
        case Tok.Dot:
        case Tok.Field:
        case Tok.Identifier:
        case Tok.Number:
        case Tok.Nil:
        case Tok.RawString:
        case Tok.String:
        case Tok.Variable:
        case Tok.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]!.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  branch(context: 'if' | 'range' | 'with'): Node {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, Tok.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        // "{{else if …}}" and "{{else with …}}" nest a new if/with in the else branch; its
        // {{end}} closes both.
        if (context === 'if' && this.peek().typ === Tok.If) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch('if')] };
        } else if (context === 'with' && this.peek().typ === Tok.With) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch('with')] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === Tok.If || (this.elseWith && peek.typ === Tok.With)) {
      return { type: 'else', pos: peek.pos, withIf: peek.typ === Tok.If, withWith: peek.typ === Tok.With };
    }
    const t = this.expect(Tok.RightDelim, 'else');
    return { type: 'else', pos: t.pos, withIf: false, withWith: false };
  }

  blockControl(): Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.parseTemplateName(t, context);
    const pipe = this.pipeline(context, Tok.RightDelim);
    const block = this.child(name);
    const [list, end] = block.itemList();
    // Go reports this with the enclosing tree's (stale) current token line.
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.root = list;
    block.add();
    this.shareFrom(block);
    return { type: 'template', pos: t.pos, name, pipe };
  }

  templateControl(): Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.parseTemplateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== Tok.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Tok.RightDelim);
    }
    return { type: 'template', pos: t.pos, name, pipe };
  }

  parseTemplateName(t: Item, context: string): string {
    if (t.typ === Tok.String || t.typ === Tok.RawString) {
      const s = unquote(t.val);
      if (s === null) this.errorf('invalid syntax');
      return s;
    }
    this.unexpected(t, context);
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === Tok.Space) continue;
      if (t.typ === Tok.RightDelim || t.typ === Tok.RightParen) this.backup();
      else if (t.typ !== Tok.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  operand(): ArgNode | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === Tok.Field) {
      const fields: string[] = [];
      const pos = this.peek().pos;
      while (this.peek().typ === Tok.Field) fields.push(this.next().val.slice(1));
      const chainText = (node.type === 'pipe' ? '(' + nodeString(node) + ')' : nodeString(node)) + fields.map((f) => '.' + f).join('');
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos, ident: chainText.slice(1).split('.') };
          break;
        case 'variable':
          node = newVariable(pos, chainText);
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
        default:
          node = { type: 'chain', pos, node, field: fields };
      }
    }
    return node;
  }

  term(): ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Tok.Identifier:
        if (!this.hasFunction(t.val)) this.errorf(`function ${quote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case Tok.Dot:
        return { type: 'dot', pos: t.pos };
      case Tok.Nil:
        return { type: 'nil', pos: t.pos };
      case Tok.Variable:
        return this.useVar(t.pos, t.val);
      case Tok.Field:
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case Tok.Bool:
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case Tok.CharConstant:
      case Tok.Complex:
      case Tok.Number:
        return { type: 'number', pos: t.pos, ...this.newNumber(t.val, t.typ) };
      case Tok.LeftParen:
        return this.pipeline('parenthesized pipeline', Tok.RightParen);
      case Tok.String:
      case Tok.RawString: {
        const s = unquote(t.val);
        if (s === null) this.errorf('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text: s };
      }
    }
    this.backup();
    return null;
  }

  newNumber(text: string, typ: Tok): NumberInfo {
    const n: NumberInfo = { isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0n, uint: 0n, float: 0, text };
    if (typ === Tok.CharConstant) {
      const r = unquoteRune(text);
      if (r === 'syntax') this.errorf('invalid syntax');
      if (r === 'malformed') this.errorf(`malformed character constant: ${text}`);
      n.int = BigInt(r);
      n.isInt = true;
      n.uint = BigInt(r);
      n.isUint = true;
      n.float = r;
      n.isFloat = true;
      return n;
    }
    if (typ === Tok.Complex || text.endsWith('i')) {
      // Complex constants have no place in scrub templates; Go accepts them, we refuse loudly.
      this.errorf(`complex constant ${text} is not supported by alloy-scrub`);
    }
    const u = parseIntBase0(text, true);
    if (u !== null) {
      n.isUint = true;
      n.uint = u;
    }
    const i = parseIntBase0(text, false);
    if (i !== null) {
      n.isInt = true;
      n.int = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint = u ?? 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float = Number(n.int);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float = Number(n.uint);
    } else {
      const f = parseFloat64(text);
      if (f !== null) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${quote(text)}`);
        n.isFloat = true;
        n.float = f;
        if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
          n.isInt = true;
          n.int = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${quote(text)}`);
    return n;
  }

  useVar(pos: number, name: string): VariableNode {
    const v = newVariable(pos, name);
    if (this.vars.includes(v.ident[0]!)) return v;
    this.errorf(`undefined variable ${quote(v.ident[0]!)}`);
  }
}

function newVariable(pos: number, ident: string): VariableNode {
  return { type: 'variable', pos, ident: ident.split('.') };
}

/** unicode.IsSpace, which bytes.TrimSpace uses (not JS \s: no U+FEFF, but U+0085). */
const GO_SPACE_ONLY = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** Go's parse.IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return GO_SPACE_ONLY.test(n.text);
    default:
      return false;
  }
}

/**
 * Parses `text` as template `name`, returning every tree it defines (the main one under `name`).
 * Throws ParseFailure with Go's message.
 */
export function parseTrees(name: string, text: string, hasFunction: HasFunction, goVersion: GoVersion = '1.26'): Map<string, Tree> {
  const items = lex(text, !hasFunction('break'), !hasFunction('continue'));
  const treeSet = new Map<string, Tree>();
  // {{else with}} arrived in Go 1.23.
  const p = new Parser(items, name, text, hasFunction, treeSet, name, goVersion !== '1.19');
  p.parse();
  p.add();
  return treeSet;
}
