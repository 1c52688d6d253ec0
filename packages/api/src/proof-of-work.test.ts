/**
 * The complaint form's proof of work: how long a challenge may be answered is judged by the
 * server alone, from the time it issued the challenge, so a phone whose clock is off neither
 * sees its challenges expire on arrival nor believes one good that the server refuses.
 */
import { createChallenge, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '@pantau/core';
import { proofOfWork } from './proof-of-work.ts';

const SECRET = 'a-proof-of-work-secret-of-32-characters-or-more';
const pow = proofOfWork({ secret: SECRET, maxCounter: 10, cost: 1, ttlSeconds: 600 });
const T0 = new Date('2026-03-16T03:00:00.000Z').getTime();

/** The widget's payload for a solved challenge (base64 JSON, as it posts it). */
async function solved(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** The refusal a form gets: a 400 on `altcha`. */
const refusedOnAltcha = (error: unknown) =>
  error instanceof DomainError &&
  error.code === 'validation_failed' &&
  error.errors?.[0]?.path === 'altcha';

afterEach(() => vi.useRealTimers());

describe('a proof of work’s age, judged by the server', () => {
  it('gives the widget no expiry to time on the device’s clock: the challenge carries, signed, when the server issued it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    const challenge = await pow.challenge();
    // The widget expires a challenge at `expiresAt` by the device's clock (a phone 10 minutes
    // fast saw each one expire as it arrived, and fetched the next one at once).
    expect(challenge.parameters.expiresAt).toBeUndefined();
    expect(challenge.parameters.data).toEqual({ issuedAt: T0, ttlMs: 600_000 });
  });

  it('takes an answer for the challenge’s lifetime after it was issued, and refuses it after', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    const early = await solved(await pow.challenge());
    const late = await solved(await pow.challenge());
    vi.setSystemTime(T0 + 599_000);
    await expect(pow.verify(early)).resolves.toMatchObject({ id: expect.any(String) });
    vi.setSystemTime(T0 + 601_000);
    const refusal = await pow.verify(late).catch((e: unknown) => e);
    expect(refusedOnAltcha(refusal)).toBe(true);
  });

  it('refuses a signed challenge that does not say when it was issued: it would never expire', async () => {
    const timeless = await createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1,
      keyPrefix: '0',
      deriveKey,
      hmacSignatureSecret: SECRET,
    });
    const refusal = await pow.verify(await solved(timeless)).catch((e: unknown) => e);
    expect(refusedOnAltcha(refusal)).toBe(true);
  });

  it('refuses one whose issue time was changed: the signature covers it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    const challenge = await pow.challenge();
    const payload = JSON.parse(Buffer.from(await solved(challenge), 'base64').toString('utf8'));
    payload.challenge.parameters.data.issuedAt = T0 + 3_600_000;
    vi.setSystemTime(T0 + 3_000_000);
    const forged = Buffer.from(JSON.stringify(payload)).toString('base64');
    const refusal = await pow.verify(forged).catch((e: unknown) => e);
    expect(refusedOnAltcha(refusal)).toBe(true);
  });
});
