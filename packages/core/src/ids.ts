/**
 * ULIDs, drawn from a pool of Web Crypto's random bytes. ulid's own generator asks Web Crypto for
 * one byte per character, 16 calls an id (about 70 µs on this machine, and a CPU profile of the
 * API's benchmark put it above its zod parsing); the pool takes 4 KB (256 ids) a call, 0.6 µs an
 * id. The same source and the same distribution as ulid's own (a byte / 256 a character). Ids
 * are not secrets: the tracking code draws its own bytes (tracking-code.ts).
 */
import { monotonicFactory, ulid } from 'ulid';

const pool = new Uint8Array(4096);
let used = pool.length;

/** A random fraction in [0, 1) from the pool, as ulid's generators take one. */
const pooledRandom = (): number => {
  if (used === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  return pool[used++]! / 256;
};

/** A new ULID at `time` (milliseconds; now when absent). */
export const newUlid = (time?: number): string => ulid(time, pooledRandom);

/** A generator of ULIDs monotonic among themselves, for ids that must sort as they were made. */
export const monotonicUlids = (): ((time?: number) => string) => monotonicFactory(pooledRandom);
