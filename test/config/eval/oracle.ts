// Client of test/oracle/alloystd: Go's fmt, strconv, strings and integer arithmetic.
import { askOracle } from '../../oracle/go.ts';
import type { GoArg } from '../../../src/config/eval/gofmt.ts';

export type StdRequest =
  | { op: 'sprintf'; format: string; args: unknown[] }
  | { op: 'lower' | 'upper' | 'trimspace'; s: string }
  | { op: 'replace'; s: string; old: string; new: string }
  | { op: 'split'; s: string; old: string }
  | { op: 'formatfloat' | 'jsonmarshal'; bits: string; s?: string }
  | { op: 'intop'; kind: 'int' | 'uint'; oper: string; a: string; b: string };

export interface StdAnswer {
  out: string;
  list?: string[];
  panic?: boolean;
}

export function floatBits(f: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, f);
  return dv.getBigUint64(0).toString();
}

/** A GoArg in the oracle's wire format (integers as decimal strings, floats as their bits). */
export function wireArg(a: GoArg): unknown {
  switch (a.t) {
    case 'nil':
      return { t: 'nil' };
    case 'int':
      return { t: 'int', v: a.v.toString(), type: a.type };
    case 'float64':
      return { t: 'float64', v: floatBits(a.v) };
    case 'slice':
      return { t: 'slice', v: a.v.map(wireArg) };
    case 'map':
      return { t: 'map', v: [...a.v].map(([k, x]) => [k, wireArg(x)]) };
    default:
      return a;
  }
}

export function ask(requests: StdRequest[]): Promise<StdAnswer[]> {
  return askOracle<StdRequest, StdAnswer>('alloystd', requests);
}
