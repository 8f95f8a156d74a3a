// Go's time.ParseDuration and time.Duration.String, for the cache_ttl argument of
// prometheus.relabel and the messages Alloy prints about it. Nanoseconds as bigint; a hand-written
// scanner (no regex on config text).

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n],
  ['μs', 1_000n],
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const MAX_INT64 = (1n << 63n) - 1n;

/** time.ParseDuration; undefined where Go returns an error. */
export function parseGoDuration(s: string): bigint | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    i++;
  }
  if (s.slice(i) === '0') return 0n;
  if (i >= s.length) return undefined;
  let total = 0n;
  while (i < s.length) {
    const intStart = i;
    while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
    const whole = s.slice(intStart, i);
    let frac = '';
    if (s[i] === '.') {
      i++;
      const fracStart = i;
      while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
      frac = s.slice(fracStart, i);
    }
    if (whole === '' && frac === '') return undefined;
    const unitStart = i;
    while (i < s.length && !(s[i]! >= '0' && s[i]! <= '9') && s[i] !== '.') i++;
    const unit = UNITS.get(s.slice(unitStart, i));
    if (unit === undefined) return undefined;
    let v = BigInt(whole === '' ? '0' : whole) * unit;
    if (frac !== '') v += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    total += v;
    if (total > MAX_INT64 + (neg ? 1n : 0n)) return undefined;
  }
  return neg ? -total : total;
}

/** time.Duration.String: "1m0s", "30s", "1.5s", "250ms", "0s". */
export function formatGoDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, scale] = u < 1_000n ? ['ns', 1n] : u < 1_000_000n ? ['µs', 1_000n] : ['ms', 1_000_000n];
    out = fixed(u, scale) + unit;
  } else {
    const h = u / 3_600_000_000_000n;
    u %= 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u %= 60_000_000_000n;
    out = (h > 0n ? `${h}h` : '') + (h > 0n || m > 0n ? `${m}m` : '') + fixed(u, 1_000_000_000n) + 's';
  }
  return (neg ? '-' : '') + out;
}

/** v/scale with the fraction's trailing zeros dropped. */
function fixed(v: bigint, scale: bigint): string {
  const whole = v / scale;
  const rem = v % scale;
  if (rem === 0n) return whole.toString();
  const digits = scale.toString().length - 1;
  return `${whole}.${rem.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}
