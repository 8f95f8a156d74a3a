// Go time parsing for the layouts the stages need: time.RFC3339 / RFC3339Nano (cri, docker,
// timestamp) and the numeric Unix forms. Times are Unix nanoseconds (bigint).

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** time.Parse(time.RFC3339Nano, s) (RFC3339 parses the same inputs); undefined on error. */
export function parseRFC3339(s: string): bigint | undefined {
  const m = RFC3339.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysIn(y!, mo!) || h! > 23 || mi! > 59 || sec! > 59) return undefined;
  let offsetSec = 0;
  if (m[8] !== 'Z') {
    const sign = m[8]![0] === '-' ? -1 : 1;
    const oh = Number(m[8]!.slice(1, 3));
    const om = Number(m[8]!.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetSec = sign * (oh * 3600 + om * 60);
  }
  const frac = m[7] ? BigInt(m[7].padEnd(9, '0')) : 0n;
  const secs = BigInt(daysFromCivil(y!, mo!, d!)) * 86400n + BigInt(h! * 3600 + mi! * 60 + sec! - offsetSec);
  return secs * 1_000_000_000n + frac;
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** strconv.ParseInt(s, 10, 64); undefined on syntax or range error. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v > INT64_MAX || v < INT64_MIN ? undefined : v;
}

/** Go's int64 multiplication wraps around on overflow (UnixMs * 1e6 etc.). */
export function wrapInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

export const GO_NAMED_LAYOUTS: ReadonlyMap<string, string> = new Map([
  ['ANSIC', 'Mon Jan _2 15:04:05 2006'],
  ['UnixDate', 'Mon Jan _2 15:04:05 MST 2006'],
  ['RubyDate', 'Mon Jan 02 15:04:05 -0700 2006'],
  ['RFC822', '02 Jan 06 15:04 MST'],
  ['RFC822Z', '02 Jan 06 15:04 -0700'],
  ['RFC850', 'Monday, 02-Jan-06 15:04:05 MST'],
  ['RFC1123', 'Mon, 02 Jan 2006 15:04:05 MST'],
  ['RFC1123Z', 'Mon, 02 Jan 2006 15:04:05 -0700'],
  ['RFC3339', '2006-01-02T15:04:05Z07:00'],
  ['RFC3339Nano', '2006-01-02T15:04:05.999999999Z07:00'],
]);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Layout elements, longest first where one is a prefix of another (Go's nextStdChunk order).
const ELEMENTS = [
  'January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '01', '02', '_2', '15', '03', '04', '05', '06', '002', '__2',
  'PM', 'pm', 'Z07:00:00', 'Z070000', 'Z07:00', 'Z0700', 'Z07', '-07:00:00', '-070000', '-07:00', '-0700', '-07',
  '1', '2', '3', '4', '5',
];

export type LayoutResult =
  | { ok: true; ns: bigint; hasYear: boolean; month: number; /** the value carried a zone (Z, offset, UTC) */ hasZone: boolean }
  | { ok: false; unsupported?: string };

/**
 * time.Parse(layout, value) for the layout elements people use in log pipelines. Parsed without
 * a location, times are UTC. Returns `unsupported` for what would depend on the host (zone
 * abbreviations other than UTC/GMT) or is not implemented (day-of-year).
 */
export function parseGoLayout(layout: string, value: string): LayoutResult {
  let year = 0;
  let hasYear = false;
  let month = 1;
  let day = 1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let pm: boolean | undefined;
  let offsetSec = 0;
  let hasZone = false;
  let v = value;
  let l = layout;
  const bad = (): LayoutResult => ({ ok: false });
  const getnum = (fixed: boolean): number | undefined => {
    if (!/^[0-9]/.test(v)) return undefined;
    if (!/^[0-9]{2}/.test(v)) {
      if (fixed) return undefined;
      const n = Number(v[0]);
      v = v.slice(1);
      return n;
    }
    const n = Number(v.slice(0, 2));
    v = v.slice(2);
    return n;
  };
  const lookup = (names: string[]): number | undefined => {
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      if (v.length >= n.length && v.slice(0, n.length).toLowerCase() === n.toLowerCase()) {
        v = v.slice(n.length);
        return i;
      }
    }
    return undefined;
  };
  const fraction = (): boolean => {
    const m = /^[.,]([0-9]+)/.exec(v);
    if (!m) return false;
    nsec = Number(m[1]!.slice(0, 9).padEnd(9, '0'));
    v = v.slice(m[0].length);
    return true;
  };
  const skipLiteral = (lit: string): boolean => {
    let p = lit;
    while (p.length > 0) {
      if (p[0] === ' ') {
        if (v.length > 0 && v[0] !== ' ') return false;
        p = p.replace(/^ +/, '');
        v = v.replace(/^ +/, '');
        continue;
      }
      if (v.length === 0 || v[0] !== p[0]) return false;
      p = p.slice(1);
      v = v.slice(1);
    }
    return true;
  };
  while (l.length > 0) {
    // Find the next element; fractional seconds ".000"/".999" (or with a comma) are elements too.
    let at = -1;
    let el = '';
    for (let i = 0; i < l.length && at < 0; i++) {
      // Go's nextStdChunk: "." or "," then a run of one repeated 0 or 9 not followed by a digit.
      const frac = /^[.,](0+|9+)(?![0-9])/.exec(l.slice(i));
      if (frac) {
        at = i;
        el = frac[0];
        break;
      }
      for (const e of ELEMENTS) {
        if (!l.startsWith(e, i)) continue;
        // Go only takes "Jan"/"Mon" when not followed by a lowercase letter (e.g. "Monkey").
        if ((e === 'Jan' || e === 'Mon') && /^[a-z]/.test(l.slice(i + e.length))) continue;
        at = i;
        el = e;
        break;
      }
    }
    if (at < 0) {
      if (!skipLiteral(l)) return bad();
      break;
    }
    if (!skipLiteral(l.slice(0, at))) return bad();
    l = l.slice(at + el.length);
    let n: number | undefined;
    switch (el) {
      case '2006': {
        if (!/^[0-9]{4}/.test(v)) return bad();
        year = Number(v.slice(0, 4));
        v = v.slice(4);
        hasYear = true;
        break;
      }
      case '06': {
        if (!/^[0-9]{2}/.test(v)) return bad();
        const y = Number(v.slice(0, 2));
        year = y >= 69 ? 1900 + y : 2000 + y;
        v = v.slice(2);
        hasYear = true;
        break;
      }
      case 'January':
      case 'Jan': {
        const i = lookup(el === 'Jan' ? MONTHS.map((m) => m.slice(0, 3)) : MONTHS);
        if (i === undefined) return bad();
        month = i + 1;
        break;
      }
      case 'Monday':
      case 'Mon':
        if (lookup(el === 'Mon' ? DAYS.map((d) => d.slice(0, 3)) : DAYS) === undefined) return bad();
        break;
      case '01':
      case '1':
        n = getnum(el === '01');
        if (n === undefined || n < 1 || n > 12) return bad();
        month = n;
        break;
      case '02':
      case '2':
      case '_2':
        if (el === '_2' && v[0] === ' ') v = v.slice(1);
        n = getnum(el === '02');
        if (n === undefined) return bad();
        day = n;
        break;
      case '15':
        n = getnum(false);
        if (n === undefined || n > 23) return bad();
        hour = n;
        break;
      case '03':
      case '3':
        n = getnum(el === '03');
        if (n === undefined || n > 12) return bad();
        hour = n;
        break;
      case '04':
      case '4':
        n = getnum(el === '04');
        if (n === undefined || n > 59) return bad();
        min = n;
        break;
      case '05':
      case '5':
        n = getnum(el === '05');
        if (n === undefined || n > 59) return bad();
        sec = n;
        // A fraction in the value the layout does not mention is still accepted.
        if (!/^[.,](0+|9+)(?![0-9])/.test(l)) fraction();
        break;
      case 'PM':
      case 'pm': {
        const p = v.slice(0, 2);
        const [am, pmS] = el === 'PM' ? ['AM', 'PM'] : ['am', 'pm'];
        if (p === pmS) pm = true;
        else if (p === am) pm = false;
        else return bad();
        v = v.slice(2);
        break;
      }
      case 'MST': {
        if (v.startsWith('UTC') || v.startsWith('GMT')) {
          v = v.slice(3);
          hasZone = true;
          break;
        }
        return { ok: false, unsupported: 'time zone abbreviations other than UTC/GMT depend on the host time zone' };
      }
      case '002':
      case '__2':
        return { ok: false, unsupported: 'day-of-year layouts are not simulated' };
      default: {
        if (el.startsWith('.') || el.startsWith(',')) {
          const digits = el.length - 1;
          if (el[1] === '0') {
            const m = new RegExp(`^[.,]([0-9]{${digits}})`).exec(v);
            if (!m) return bad();
            nsec = Number(m[1]!.padEnd(9, '0').slice(0, 9));
            v = v.slice(m[0].length);
          } else fraction();
          break;
        }
        // Numeric time zones: Z… accepts "Z" for UTC; -… requires a sign.
        if (el.startsWith('Z') && v[0] === 'Z') {
          v = v.slice(1);
          hasZone = true;
          break;
        }
        const colon = el.includes(':');
        const withSec = el.endsWith('0000') || el.endsWith(':00:00');
        const hoursOnly = el === 'Z07' || el === '-07';
        const re = hoursOnly ? /^([+-])([0-9]{2})/ : colon ? (withSec ? /^([+-])([0-9]{2}):([0-9]{2}):([0-9]{2})/ : /^([+-])([0-9]{2}):([0-9]{2})/) : withSec ? /^([+-])([0-9]{2})([0-9]{2})([0-9]{2})/ : /^([+-])([0-9]{2})([0-9]{2})/;
        const m = re.exec(v);
        if (!m) return bad();
        const s = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0));
        offsetSec = s;
        hasZone = true;
        v = v.slice(m[0].length);
      }
    }
  }
  if (v.length > 0) return bad(); // extra text
  if (pm === true && hour < 12) hour += 12;
  else if (pm === false && hour === 12) hour = 0;
  if (day < 1 || day > daysIn(year, month)) return bad();
  const secs = BigInt(daysFromCivil(year, month, day)) * 86400n + BigInt(hour * 3600 + min * 60 + sec - offsetSec);
  return { ok: true, ns: secs * 1_000_000_000n + BigInt(nsec), hasYear, month, hasZone };
}

/** time.AddDate(years, 0, 0) on a year-0 time, as util.SetYearForLimitedTimeFormat uses it. */
export function addYears(ns: bigint, years: number): bigint {
  const day = 86_400_000_000_000n;
  const days = Number((ns >= 0n ? ns : ns - day + 1n) / day);
  const rest = ns - BigInt(days) * day;
  // civil date of `days`
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  // Go normalises Feb 29 of a non-leap target year to Mar 1 (daysFromCivil does the same).
  return BigInt(daysFromCivil(y + years, m, d)) * day + rest;
}

/** The Gregorian year and month (UTC) of a Unix-nanosecond time. */
export function yearMonthOf(ns: bigint): [number, number] {
  const d = new Date(Number(ns / 1_000_000n));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset (seconds) of an IANA zone at an instant, from the tz data Node carries. */
export function zoneOffsetAt(zone: string, unixSec: number): number {
  let f = zoneFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    zoneFormats.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(unixSec * 1000)).map((p) => [p.type, p.value]));
  let year = Number(parts['year']);
  if (parts['era'] === 'BC' || parts['era'] === 'B') year = 1 - year;
  const wall = daysFromCivil(year, Number(parts['month']), Number(parts['day'])) * 86400 + Number(parts['hour']) * 3600 + Number(parts['minute']) * 60 + Number(parts['second']);
  return wall - unixSec;
}

/**
 * time.Date's conversion of a wall-clock time in `zone` to an instant: look the offset up as if
 * the wall time were UTC, and look again at the corrected instant when that crosses a transition.
 */
export function wallToInstant(wallNs: bigint, zone: string): bigint {
  const second = 1_000_000_000n;
  const wallSec = Number(wallNs / second);
  let offset = zoneOffsetAt(zone, wallSec);
  if (offset !== 0) {
    const again = zoneOffsetAt(zone, wallSec - offset);
    if (again !== offset) offset = again;
  }
  return wallNs - BigInt(offset) * second;
}
