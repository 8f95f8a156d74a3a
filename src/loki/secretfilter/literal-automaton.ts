// An Aho–Corasick automaton compiled to a DFA: which of a set of fixed strings occur in a text,
// in one pass over it, whatever the number of strings. Gitleaks tests each rule's keywords with
// strings.Contains, one pass per keyword; with 71 rules (220 in Alloy's own set) that is the bulk
// of the work on a line no rule is about.
//
// The alphabet is a small range of column numbers; callers map their input (UTF-16 code units,
// bytes) to columns. Patterns are sequences of columns. Memory is bounded: an automaton whose
// table would exceed MAX_TABLE entries is not built (callers fall back to the plain test).

/** Table entries (states × columns) above which no automaton is built: 4 Mi × 4 bytes. */
export const MAX_TABLE = 4 * 1024 * 1024;

export class LiteralAutomaton {
  /** Next state: delta[state * columns + column]. State 0 is the start. */
  readonly delta: Int32Array;
  /** Patterns that end at each state (its own and those of its suffix states), or undefined. */
  readonly outputs: (readonly number[] | undefined)[];
  readonly columns: number;

  private constructor(delta: Int32Array, outputs: (readonly number[] | undefined)[], columns: number) {
    this.delta = delta;
    this.outputs = outputs;
    this.columns = columns;
  }

  /**
   * The automaton of `patterns` (each a non-empty sequence of columns below `columns`), or null
   * when its table would be larger than MAX_TABLE.
   */
  static build(patterns: readonly (readonly number[])[], columns: number): LiteralAutomaton | null {
    const maxStates = 1 + patterns.reduce((n, p) => n + p.length, 0);
    if (maxStates * columns > MAX_TABLE) return null;
    const trie = new Int32Array(maxStates * columns).fill(-1);
    const own: number[][] = [[]];
    let states = 1;
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error('LiteralAutomaton: empty pattern');
      let s = 0;
      for (const c of pattern) {
        if (c < 0 || c >= columns) throw new Error(`LiteralAutomaton: column ${c} out of range`);
        let next = trie[s * columns + c]!;
        if (next < 0) {
          next = states++;
          trie[s * columns + c] = next;
          own.push([]);
        }
        s = next;
      }
      own[s]!.push(index);
    });
    // Breadth-first, so a state's suffix state (shorter) is complete before the state itself.
    const delta = new Int32Array(states * columns);
    const fail = new Int32Array(states);
    const outputs: (number[] | undefined)[] = new Array(states).fill(undefined);
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      const inherited = u === 0 ? undefined : outputs[fail[u]!];
      const mine = own[u]!;
      outputs[u] = mine.length > 0 || inherited ? [...mine, ...(inherited ?? [])] : undefined;
      for (let c = 0; c < columns; c++) {
        const v = trie[u * columns + c]!;
        const viaFail = u === 0 ? 0 : delta[fail[u]! * columns + c]!;
        if (v >= 0) {
          fail[v] = viaFail;
          delta[u * columns + c] = v;
          queue.push(v);
        } else {
          delta[u * columns + c] = viaFail;
        }
      }
    }
    return new LiteralAutomaton(delta, outputs, columns);
  }

  /**
   * The transitions laid out for a scanning loop: entry [offset + column] of a state's offset is
   * the next state's offset (state × columns), bitwise inverted (negative) when that state is
   * `marked`. A scan then reads one array per symbol and looks further only at marked states.
   */
  scanTable(marked: (state: number) => boolean): Int32Array {
    const table = new Int32Array(this.delta.length);
    for (let i = 0; i < table.length; i++) {
      const next = this.delta[i]!;
      table[i] = marked(next) ? ~(next * this.columns) : next * this.columns;
    }
    return table;
  }
}
