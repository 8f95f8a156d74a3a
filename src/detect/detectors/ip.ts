// IP addresses. IPv4: four decimal octets 0-255 without leading zeros, not part of a longer
// dotted number (versions, OIDs). IPv6: RFC 4291 text forms, validated group by group, with at
// least one decimal digit so that `Feed::Add`-style C++ names are not taken for addresses.
// Addresses that identify nobody (unspecified, loopback, broadcast, netmasks) are left out.

import { at, isAlnum, isDigit, isHex, isWord } from '../chars.ts';
import type { Detector, Span } from '../types.ts';

/** Parses one octet at i; returns the index after it or -1. */
function octetEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 4 && isDigit(text.charCodeAt(j))) j++;
  const len = j - i;
  if (len === 0 || len > 3) return -1;
  if (len > 1 && text.charCodeAt(i) === 0x30) return -1;
  if (Number(text.slice(i, j)) > 255) return -1;
  return j;
}

function ipv4Identifies(a: number[]): boolean {
  if (a[0] === 0 || a[0] === 127 || a[0] === 255) return false;
  // A last octet of 0 is a network (`10.1.2.0/24`) or an address anonymised the usual way
  // (zeroing the host part), which is exactly what a scrub rule should leave behind.
  if (a[3] === 0) return false;
  return true;
}

export function scanIpv4(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const prev = at(text, start - 1);
    // Skip to the end of this digit run whatever happens, so each character is looked at a bounded number of times.
    let runEnd = i;
    while (runEnd < text.length && isDigit(text.charCodeAt(runEnd))) runEnd++;
    if (isAlnum(prev) || prev === 0x2e || prev === 0x5f || prev === 0x2d) {
      i = runEnd;
      continue;
    }
    const octets: number[] = [];
    let j = start;
    let ok = true;
    for (let k = 0; k < 4; k++) {
      const e = octetEnd(text, j);
      if (e < 0) {
        ok = false;
        break;
      }
      octets.push(Number(text.slice(j, e)));
      j = e;
      if (k < 3) {
        if (at(text, j) !== 0x2e) {
          ok = false;
          break;
        }
        j++;
      }
    }
    const next = at(text, j);
    if (ok && (isAlnum(next) || next === 0x5f || (next === 0x2e && isDigit(at(text, j + 1))))) ok = false;
    if (ok && ipv4Identifies(octets)) {
      spans.push({ start, end: j });
      i = j;
    } else {
      i = runEnd;
    }
  }
  return spans;
}

function isV6Char(c: number): boolean {
  return isHex(c) || c === 0x3a || c === 0x2e;
}

function ipv4Valid(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/** Number of 16-bit groups a side of `::` stands for, or -1 if malformed. */
function groupsOf(side: string, mayEndInV4: boolean): number {
  if (side === '') return 0;
  const parts = side.split(':');
  let n = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (k === parts.length - 1 && mayEndInV4 && p.includes('.')) {
      if (!ipv4Valid(p)) return -1;
      n += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) n++;
    else return -1;
  }
  return n;
}

export function ipv6Valid(s: string): boolean {
  if (!/[0-9]/.test(s)) return false;
  // `2001:db8:85a3::` is a prefix: a network, or an address anonymised by zeroing its tail.
  if (s.endsWith('::')) return false;
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return false;
    const left = groupsOf(s.slice(0, dbl), false);
    const right = groupsOf(s.slice(dbl + 2), true);
    if (left < 0 || right < 0 || left + right > 7) return false;
    // `::` and `::1` identify nobody; neither does an address with nothing but the last group.
    return left + right >= 2 || (left + right === 1 && left === 1);
  }
  return groupsOf(s, true) === 8;
}

export function scanIpv6(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isV6Char(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isV6Char(text.charCodeAt(i))) i++;
    let end = i;
    if (isWord(at(text, start - 1)) || isWord(at(text, end))) continue;
    let s = start;
    // A run may start with the `:` of `addr:` or end with a sentence's `.` or `:`.
    if (text.charCodeAt(s) === 0x3a && text.charCodeAt(s + 1) !== 0x3a) s++;
    while (end > s && (text.charCodeAt(end - 1) === 0x2e || (text.charCodeAt(end - 1) === 0x3a && text.charCodeAt(end - 2) !== 0x3a))) end--;
    const cand = text.slice(s, end);
    if (cand.split(':').length < 3) continue;
    if (ipv6Valid(cand)) spans.push({ start: s, end });
  }
  return spans;
}

export const ipv4: Detector = {
  info: {
    id: 'ipv4',
    title: 'IPv4 address',
    severity: 'low',
    kind: 'pii',
    examples: ['client_ip=203.0.113.42', 'from 10.1.2.3:51234 accepted', '{"ip":"192.168.0.17"}'],
    nearMisses: ['version 1.2.3', 'oid 1.3.6.1.4.1.2021', '256.1.1.1', 'listen 0.0.0.0:80', 'v1.22.3.4', '127.0.0.1', '10.01.2.3', 'client_subnet="10.1.2.0/24"'],
  },
  scan: scanIpv4,
};

export const ipv6: Detector = {
  info: {
    id: 'ipv6',
    title: 'IPv6 address',
    severity: 'low',
    kind: 'pii',
    examples: ['client=2001:db8:85a3::8a2e:370:7334', 'peer [fe80::1ff:fe23:4567:890a]:443', 'full 2001:0db8:0000:0000:0000:ff00:0042:8329 ok'],
    nearMisses: ['at 12:30:45', 'mac 00:1a:2b:3c:4d:5e', 'std::string', 'Feed::Add', 'listen [::]:80', 'loopback ::1', 'ts=2024-01-02T10:11:12.123Z', 'net 2001:db8:85a3::'],
  },
  scan: scanIpv6,
};
