// The two label builders relabel rules run against. They differ in ways a rule can observe:
//
// * PrometheusLabelBuilder mirrors Prometheus' labels.Builder, which prometheus.relabel and
//   loki.relabel use: a sorted base, a list of deletions and an ordered list of additions. Range
//   walks a snapshot taken before the walk (base labels first, then additions in order), so
//   labelmap never sees the labels it is creating.
// * AlloyTargetBuilder mirrors Alloy's discovery target builder, which discovery.relabel uses:
//   maps of own labels, additions and deletions. Range walks the live maps, so a labelmap that
//   writes a label Range has not reached yet changes what Range does next (Go's map order decides;
//   engine.ts detects when that makes the outcome depend on the order).
//
// In both, setting an empty value deletes the label, and input labels with empty values count as
// absent from the start.
import { compareGo, sortedLabels } from './go-strings.ts';
import type { LabelSet } from './types.ts';

export interface LabelBuilder {
  get(name: string): string;
  set(name: string, value: string): void;
  del(name: string): void;
  range(f: (name: string, value: string) => void): void;
  /** The labels as the component would emit them, sorted by name in Go's byte order. */
  labels(): LabelSet;
  /** Names visited by range() whose relative order Alloy does not fix (Go map order). */
  unorderedNames(): Set<string>;
}

interface Added {
  name: string;
  value: string;
  /** Added before the first rule in Go map order (loki.relabel's start): order among these is random. */
  unordered: boolean;
}
// An entry appended while range() visits an unordered one is unordered too: it inherits the
// random order of the walk that created it.

export class PrometheusLabelBuilder implements LabelBuilder {
  private readonly base: [string, string][];
  private readonly deleted: string[] = [];
  private add: Added[] = [];
  /** True while range() calls back for an unordered label: what it appends lands in random order. */
  private visitingUnordered = false;

  /**
   * `sortedBase` becomes the builder's base (prometheus.relabel: the series' labels). `unordered`
   * labels are instead added one by one in Go map order, as loki.relabel does with a stream's
   * label map; the order used here is sorted, and unorderedNames() reports them.
   */
  constructor(sortedBase: Iterable<[string, string]>, unordered?: Iterable<[string, string]>) {
    this.base = sortedLabels(sortedBase);
    for (const [name, value] of this.base) if (value === '') this.deleted.push(name);
    if (unordered) {
      for (const [name, value] of sortedLabels(unordered)) {
        this.set(name, value);
        const entry = this.add.find((a) => a.name === name);
        if (entry) entry.unordered = true;
      }
    }
  }

  get(name: string): string {
    for (const a of this.add) if (a.name === name) return a.value;
    if (this.deleted.includes(name)) return '';
    for (const [n, v] of this.base) if (n === name) return v;
    return '';
  }

  set(name: string, value: string): void {
    if (value === '') return this.del(name);
    for (const a of this.add) {
      if (a.name === name) {
        a.value = value;
        return;
      }
    }
    this.add.push({ name, value, unordered: this.visitingUnordered });
  }

  del(name: string): void {
    this.add = this.add.filter((a) => a.name !== name);
    this.deleted.push(name);
  }

  range(f: (name: string, value: string) => void): void {
    const add = this.add.map((a) => ({ ...a }));
    const deleted = new Set(this.deleted);
    const added = new Set(add.map((a) => a.name));
    for (const [n, v] of this.base) if (!deleted.has(n) && !added.has(n)) f(n, v);
    for (const a of add) {
      this.visitingUnordered = a.unordered;
      try {
        f(a.name, a.value);
      } finally {
        this.visitingUnordered = false;
      }
    }
  }

  labels(): LabelSet {
    const deleted = new Set(this.deleted);
    const out = new Map<string, string>();
    for (const [n, v] of this.base) if (!deleted.has(n)) out.set(n, v);
    for (const a of this.add) out.set(a.name, a.value);
    return new Map(sortedLabels(out));
  }

  unorderedNames(): Set<string> {
    return new Set(this.add.filter((a) => a.unordered).map((a) => a.name));
  }
}

export class AlloyTargetBuilder implements LabelBuilder {
  private readonly own: Map<string, string>;
  private readonly toAdd = new Map<string, string>();
  private readonly toDel = new Set<string>();

  constructor(labels: Iterable<[string, string]>) {
    this.own = new Map(sortedLabels(labels));
    for (const [n, v] of this.own) if (v === '') this.toDel.add(n);
  }

  get(name: string): string {
    const added = this.toAdd.get(name);
    if (added !== undefined) return added;
    if (this.toDel.has(name)) return '';
    return this.own.get(name) ?? '';
  }

  set(name: string, value: string): void {
    if (value === '') return this.del(name);
    this.toAdd.set(name, value);
  }

  del(name: string): void {
    this.toDel.add(name);
    this.toAdd.delete(name);
  }

  range(f: (name: string, value: string) => void): void {
    // Additions first, read live: an entry deleted before it is reached is skipped, an updated one
    // is seen with its new value, and entries created during the walk are not visited (one of the
    // behaviours Go allows; engine.ts flags the rules for which Go could do otherwise).
    for (const name of [...this.toAdd.keys()]) {
      const value = this.toAdd.get(name);
      if (value !== undefined) f(name, value);
    }
    for (const [name, value] of this.own) {
      if (this.toDel.has(name) || this.toAdd.has(name)) continue;
      f(name, value);
    }
  }

  labels(): LabelSet {
    const out = new Map<string, string>();
    for (const [n, v] of this.own) if (!this.toDel.has(n)) out.set(n, v);
    for (const [n, v] of this.toAdd) out.set(n, v);
    return new Map([...out].sort((a, b) => compareGo(a[0], b[0])));
  }

  unorderedNames(): Set<string> {
    // Every map in Alloy's target builder is walked in Go's random order.
    return new Set([...this.toAdd.keys(), ...[...this.own.keys()].filter((n) => !this.toDel.has(n))]);
  }

  /** Names in the additions map right now (the first loop of range). */
  addedNames(): Set<string> {
    return new Set(this.toAdd.keys());
  }
}
