// stage.timestamp (stages/timestamp.go, util.go convertDateLayout): sets the entry time from an
// extracted value parsed with `format` (then each of fallback_formats). Named formats: ANSIC …
// RFC3339Nano, Unix (seconds, optional fraction), UnixMs, UnixUs, UnixNs; anything else is a Go
// layout. A layout without a year takes the year of "now" (with Alloy's New Year's Eve rule).
// On failure, action_on_failure "fudge" (default) moves the time 1ns past the last time seen
// for the same label set; on an exact duplicate, action_on_duplicate_timestamp "fudge" does too.
// `location` zones come from Node's tz data (checked against Go's ParseInLocation on 288 cases,
// DST gaps and overlaps included); "Local", the Alloy host's zone, is unknown here.
import type { EvaluatedBlock } from '../../config/model.ts';
import { StageArgs } from './args.ts';
import { buildError } from './common.ts';
import { addYears, GO_NAMED_LAYOUTS, parseGoLayout, parseInt64, parseRFC3339, wallToInstant, wrapInt64, yearMonthOf } from './go-time.ts';
import { goGetString } from './go-values.ts';
import { labelsKey } from './cri.ts';
import { addMark, markOf, mutatingStage, type CompiledStage, type StageContext } from './stage.ts';

export function readTimestampConfig(block: EvaluatedBlock) {
  const args = new StageArgs(block, {
    required: ['source', 'format'],
    optional: ['fallback_formats', 'location', 'action_on_failure', 'action_on_duplicate_timestamp'],
  });
  return {
    args,
    cfg: {
      source: args.string('source'),
      format: args.string('format'),
      fallbackFormats: args.stringList('fallback_formats') ?? [],
      location: args.optionalString('location'),
      actionOnFailure: args.string('action_on_failure'),
      actionOnDuplicate: args.string('action_on_duplicate_timestamp'),
    },
  };
}

type Parsed = { ok: true; ns: bigint } | { ok: false; unsupported?: string };

/** convertDateLayout(format)(value). */
export function parseWithFormat(format: string, value: string, nowNs: bigint, zone?: string): Parsed {
  switch (format) {
    case 'RFC3339':
    case 'RFC3339Nano': {
      const ns = parseRFC3339(value);
      return ns === undefined ? { ok: false } : { ok: true, ns };
    }
    case 'Unix': {
      const parts = value.split('.');
      if (parts.length === 2) {
        const s = parseInt64(parts[0]!);
        const f = parseInt64(parts[1]!);
        if (s === undefined || f === undefined) return { ok: false };
        const nsec = BigInt(Math.trunc(Number(f) * Math.pow(10, 9 - parts[1]!.length)));
        return { ok: true, ns: s * 1_000_000_000n + nsec };
      }
      const s = parseInt64(value);
      return s === undefined ? { ok: false } : { ok: true, ns: s * 1_000_000_000n };
    }
    case 'UnixMs':
    case 'UnixUs':
    case 'UnixNs': {
      const i = parseInt64(value);
      if (i === undefined) return { ok: false };
      const mul = format === 'UnixMs' ? 1_000_000n : format === 'UnixUs' ? 1_000n : 1n;
      return { ok: true, ns: wrapInt64(i * mul) };
    }
  }
  const named = GO_NAMED_LAYOUTS.get(format);
  const layout = named ?? format;
  const r = parseGoLayout(layout, value);
  if (!r.ok) return r;
  // Named layouts are parsed with time.Parse (UTC); custom ones with ParseInLocation when a
  // location is set, which only matters when the value carries no zone of its own.
  const inZone = (wallNs: bigint): bigint => (zone && !named && !r.hasZone ? wallToInstant(wallNs, zone) : wallNs);
  if (named || format.includes('06')) return { ok: true, ns: inZone(r.ns) };
  // No year in the layout: the parsed year must be 0, then it becomes "now"'s year.
  if (r.hasYear) return { ok: false };
  const [nowYear, nowMonth] = yearMonthOf(nowNs);
  const years = r.month === 12 && nowMonth === 1 ? nowYear - 1 : r.month === 1 && nowMonth === 12 ? nowYear + 1 : nowYear;
  return { ok: true, ns: inZone(addYears(r.ns, years)) };
}

function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function compileTimestamp(block: EvaluatedBlock, ctx: StageContext): CompiledStage {
  const { args, cfg } = readTimestampConfig(block);
  if (cfg.source === '') throw buildError(args, 'timestamp source value is required if timestamp is specified', 'source');
  if (cfg.format === '') throw buildError(args, 'timestamp format is required', 'format');
  if (cfg.location !== undefined && cfg.location !== '' && cfg.location !== 'UTC' && cfg.location !== 'Local' && !isKnownTimeZone(cfg.location)) {
    throw buildError(args, `invalid location specified: %v: unknown time zone ${cfg.location}`, 'location');
  }
  const onFailure = cfg.actionOnFailure === '' ? 'fudge' : cfg.actionOnFailure;
  if (onFailure !== 'skip' && onFailure !== 'fudge') throw buildError(args, 'invalid action on failure (supported values are [skip fudge])', 'action_on_failure');
  const onDuplicate = cfg.actionOnDuplicate === '' ? 'fudge' : cfg.actionOnDuplicate;
  if (onDuplicate !== 'keep' && onDuplicate !== 'fudge') {
    throw buildError(args, 'invalid action on duplicate timestamp (supported values are [keep fudge])', 'action_on_duplicate_timestamp');
  }
  // time.LoadLocation("") and "UTC" are UTC; IANA zones use Node's tz data; "Local" is the host's
  // zone, which the simulation cannot know.
  const zoneUnknown = cfg.location === 'Local';
  const zone = cfg.location !== undefined && cfg.location !== '' && cfg.location !== 'UTC' && cfg.location !== 'Local' ? cfg.location : undefined;
  const formats = [cfg.format, ...cfg.fallbackFormats];
  const fudging = onFailure === 'fudge' || onDuplicate === 'fudge';
  const last = new Map<string, { parsed: bigint; adjusted: bigint }>();
  const remember = (key: string, v: { parsed: bigint; adjusted: bigint }): void => {
    last.delete(key);
    last.set(key, v);
    if (last.size > 10000) last.delete(last.keys().next().value!);
  };

  return mutatingStage(block, (e) => {
    const key = labelsKey(e.labels);
    const fail = (): void => {
      if (onFailure !== 'fudge') return;
      const prev = last.get(key);
      if (!prev) return;
      e.timestampNs = prev.adjusted + 1n;
      remember(key, { parsed: prev.parsed, adjusted: e.timestampNs });
    };
    if (!e.extracted.has(cfg.source)) return fail();
    const s = goGetString(e.extracted.get(cfg.source));
    if (s === undefined) return fail();
    let parsed: Parsed = { ok: false };
    for (const f of formats) {
      const r = parseWithFormat(f, s, ctx.nowNs, zone);
      if (!r.ok && r.unsupported) {
        addMark(e, markOf(block, `${block.name}: format ${JSON.stringify(f)} not simulated: ${r.unsupported}`));
        return;
      }
      if (r.ok) {
        parsed = r;
        break;
      }
    }
    if (!parsed.ok) return fail();
    const isUnix = /^Unix/.test(formats[0]!);
    if (zoneUnknown && !isUnix) {
      addMark(e, markOf(block, `${block.name}: location "Local" is the Alloy host's time zone, which is not known here`));
    }
    e.timestampNs = parsed.ns;
    const prev = last.get(key);
    if (onDuplicate === 'fudge' && prev && prev.parsed === parsed.ns) e.timestampNs = prev.adjusted + 1n;
    if (fudging) remember(key, { parsed: parsed.ns, adjusted: e.timestampNs });
  });
}
