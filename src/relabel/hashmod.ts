// The hashmod action: md5 of the joined source values (their UTF-8 bytes), the last 8 bytes read
// as a big-endian uint64, modulo the rule's modulus, printed in decimal. Prometheus keeps using the
// last 8 bytes so that shard numbers never change between versions; so must we.
import { md5 } from '@noble/hashes/legacy.js';
import { goBytes } from './go-strings.ts';

export function hashmod(value: string, modulus: bigint): string {
  const digest = md5(goBytes(value));
  let n = 0n;
  for (let i = 8; i < 16; i++) n = (n << 8n) | BigInt(digest[i]!);
  return (n % modulus).toString();
}
