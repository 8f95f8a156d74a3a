// A deterministic corpus of log lines for benchmarks: the same seed gives the same bytes on every
// machine and every run, so throughput figures can be compared across commits and against Alloy.
//
// The mix imitates what a cluster's collector sees: JSON application logs, logfmt, nginx access
// logs, CRI-wrapped container lines (as /var/log/pods holds them), multi-line stack traces (one
// entry per line, as Alloy reads them without stage.multiline), non-ASCII text, and about 2% of
// lines carrying a credential or a piece of PII (passwords, connection strings, AWS keys, bearer
// tokens and JWTs, API keys, e-mail addresses, card numbers that pass Luhn). Every value is
// generated; nothing is taken from real logs.
import { Buffer } from 'node:buffer';

/** xorshift32-based PRNG: small, fast, and identical everywhere for a given seed. */
export class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 0x100000000;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

export type LineKind = 'json' | 'logfmt' | 'nginx' | 'cri' | 'stacktrace' | 'unicode';
export type SecretKind = 'password' | 'connection-string' | 'aws-key' | 'bearer' | 'jwt' | 'api-key' | 'email' | 'card';

export interface CorpusLine {
  line: string;
  kind: LineKind;
  /** Present on the lines that carry a secret: what it is and its exact text in the line. */
  secret?: { kind: SecretKind; value: string };
}

export interface CorpusOptions {
  seed?: number;
  /** Share of lines that carry a secret (default 0.02). */
  secretRate?: number;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

const SERVICES = ['checkout', 'payments', 'auth', 'catalog', 'search', 'gateway', 'inventory', 'mailer'];
const PATHS = ['/api/v1/users', '/api/v1/orders', '/healthz', '/metrics', '/api/v2/cart', '/login', '/static/app.js', '/api/v1/search'];
const MESSAGES = [
  'request completed',
  'cache miss, fetching from upstream',
  'connection pool exhausted, waiting',
  'retrying after transient error',
  'user session refreshed',
  'scheduled job finished',
  'slow query detected',
  'config reloaded',
];
const UNICODE_MESSAGES = [
  'Benutzer müller hat sich erfolgreich angemeldet',
  'Zahlung für Bestellung abgeschlossen — Betrag 42,50 €',
  'ユーザーがログインしました',
  'заказ успешно обработан',
  'échec de la connexion à la base de données, nouvel essai',
  '部署完成 ✓ 耗时 3.2s',
  'deploy finished 🚀 all pods ready',
  'Ο χρήστης αποσυνδέθηκε',
];
const AGENTS = ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36', 'curl/8.4.0', 'kube-probe/1.29', 'Go-http-client/2.0', 'python-requests/2.31.0'];
const JAVA_FRAMES = ['com.example.checkout.CartService.addItem', 'org.springframework.web.servlet.FrameworkServlet.service', 'java.base/java.lang.Thread.run', 'com.zaxxer.hikari.pool.HikariPool.getConnection'];
const LEVELS = ['debug', 'info', 'info', 'info', 'warn', 'error'];

function isoTime(r: Prng): string {
  const s = r.int(0, 59).toString().padStart(2, '0');
  const m = r.int(0, 59).toString().padStart(2, '0');
  return `2024-05-${r.int(10, 28)}T${r.int(10, 23)}:${m}:${s}.${r.chars('0123456789', 9)}Z`;
}

function ip(r: Prng): string {
  return `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

/** A card number with a valid Luhn check digit. */
function cardNumber(r: Prng): string {
  const digits = [4, ...Array.from({ length: 14 }, () => r.int(0, 9))];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits[digits.length - 1 - i]!;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

function secretValue(r: Prng): { kind: SecretKind; value: string; text: string } {
  const kind = r.pick<SecretKind>(['password', 'connection-string', 'aws-key', 'bearer', 'jwt', 'api-key', 'email', 'card']);
  switch (kind) {
    case 'password': {
      const value = r.chars(ALNUM + '!#%', r.int(8, 16));
      return { kind, value, text: `${r.pick(['password', 'passwd', 'db_password'])}=${value}` };
    }
    case 'connection-string': {
      const value = r.chars(ALNUM, r.int(8, 14));
      const scheme = r.pick(['postgresql', 'mysql', 'redis', 'mongodb']);
      return { kind, value, text: `connecting to ${scheme}://app:${value}@db-${r.int(1, 9)}.internal:5432/prod` };
    }
    case 'aws-key': {
      const value = `${r.pick(['AKIA', 'ASIA'])}${r.chars(UPPER + '234567', 16)}`;
      return { kind, value, text: `aws_access_key_id=${value}` };
    }
    case 'bearer': {
      const value = r.chars(B64URL, 40);
      return { kind, value, text: `Authorization: Bearer ${value}` };
    }
    case 'jwt': {
      const value = `eyJhbGciOiJIUzI1NiJ9.${r.chars(B64URL, 36)}.${r.chars(B64URL, 43)}`;
      return { kind, value, text: `token=${value}` };
    }
    case 'api-key': {
      const value = r.chars(HEX, 32);
      return { kind, value, text: `api_key: "${value}"` };
    }
    case 'email': {
      const value = `${r.pick(['anna', 'li.wei', 'j.smith', 'o.mueller'])}${r.int(1, 999)}@example.com`;
      return { kind, value, text: `sent receipt to ${value}` };
    }
    case 'card': {
      const value = cardNumber(r);
      return { kind, value, text: `charging card ${value}` };
    }
  }
}

function jsonLine(r: Prng, extra?: string): string {
  const fields: Record<string, unknown> = {
    level: r.pick(LEVELS),
    ts: isoTime(r),
    service: r.pick(SERVICES),
    msg: extra ?? r.pick(MESSAGES),
    trace_id: r.chars(HEX, 32),
    latency_ms: r.int(1, 2500),
  };
  return JSON.stringify(fields);
}

function logfmtLine(r: Prng, extra?: string): string {
  const msg = extra ?? r.pick(MESSAGES);
  return `ts=${isoTime(r)} level=${r.pick(LEVELS)} caller=${r.pick(SERVICES)}.go:${r.int(10, 400)} msg="${msg}" path=${r.pick(PATHS)} status=${r.pick([200, 200, 201, 404, 500])} duration=${r.int(1, 900)}ms`;
}

function nginxLine(r: Prng, extra?: string): string {
  const query = extra ? `?${extra.replace(/\s+/g, '%20')}` : r.next() < 0.3 ? `?page=${r.int(1, 50)}` : '';
  return `${ip(r)} - - [14/May/2024:${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)} +0000] "${r.pick(['GET', 'GET', 'POST', 'PUT'])} ${r.pick(PATHS)}${query} HTTP/1.1" ${r.pick([200, 200, 304, 404, 502])} ${r.int(0, 90000)} "-" "${r.pick(AGENTS)}"`;
}

function stackLine(r: Prng, extra?: string): string {
  if (extra) return `Caused by: java.sql.SQLException: ${extra}`;
  const roll = r.next();
  if (roll < 0.15) return `Exception in thread "main" java.lang.IllegalStateException: ${r.pick(MESSAGES)}`;
  if (roll < 0.25) return `goroutine ${r.int(1, 900)} [running]:`;
  if (roll < 0.35) return `\t/go/src/app/${r.pick(SERVICES)}/handler.go:${r.int(10, 500)} +0x${r.chars(HEX, 3)}`;
  return `\tat ${r.pick(JAVA_FRAMES)}(${r.pick(['CartService', 'Thread', 'HikariPool'])}.java:${r.int(10, 900)})`;
}

function unicodeLine(r: Prng, extra?: string): string {
  return `${isoTime(r)} ${r.pick(LEVELS).toUpperCase()} ${extra ? `${r.pick(UNICODE_MESSAGES)} ${extra}` : r.pick(UNICODE_MESSAGES)}`;
}

const KINDS: ReadonlyArray<[LineKind, number]> = [
  ['json', 0.3],
  ['logfmt', 0.2],
  ['nginx', 0.2],
  ['cri', 0.15],
  ['stacktrace', 0.08],
  ['unicode', 0.07],
];

function pickKind(r: Prng): LineKind {
  let x = r.next();
  for (const [k, w] of KINDS) {
    if (x < w) return k;
    x -= w;
  }
  return 'json';
}

function render(r: Prng, kind: LineKind, extra?: string): string {
  switch (kind) {
    case 'json':
      return jsonLine(r, extra);
    case 'logfmt':
      return logfmtLine(r, extra);
    case 'nginx':
      return nginxLine(r, extra);
    case 'stacktrace':
      return stackLine(r, extra);
    case 'unicode':
      return unicodeLine(r, extra);
    case 'cri': {
      const inner = r.next() < 0.5 ? jsonLine(r, extra) : logfmtLine(r, extra);
      return `${isoTime(r)} ${r.pick(['stdout', 'stdout', 'stderr'])} ${r.next() < 0.95 ? 'F' : 'P'} ${inner}`;
    }
  }
}

/** An endless, deterministic stream of corpus lines. */
export function* corpusLines(opts: CorpusOptions = {}): Generator<CorpusLine> {
  const r = new Prng(opts.seed ?? 1);
  const rate = opts.secretRate ?? 0.02;
  for (;;) {
    const kind = pickKind(r);
    if (r.next() < rate) {
      const s = secretValue(r);
      yield { line: render(r, kind, s.text), kind, secret: { kind: s.kind, value: s.value } };
    } else {
      yield { line: render(r, kind), kind };
    }
  }
}

/** The first `count` lines of the corpus. */
export function corpusSample(count: number, opts: CorpusOptions = {}): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const l of corpusLines(opts)) {
    if (out.length >= count) break;
    out.push(l);
  }
  return out;
}

/** At least `bytes` bytes of corpus (whole lines, each ending in LF) and the number of lines. */
export function corpusBuffer(bytes: number, opts: CorpusOptions = {}): { data: Buffer; lines: number } {
  const parts: string[] = [];
  let size = 0;
  for (const l of corpusLines(opts)) {
    if (size >= bytes) break;
    parts.push(l.line);
    size += Buffer.byteLength(l.line, 'utf8') + 1;
  }
  return { data: Buffer.from(`${parts.join('\n')}\n`, 'utf8'), lines: parts.length };
}
