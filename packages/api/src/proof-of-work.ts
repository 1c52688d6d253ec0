/**
 * Spam control for the public complaint form without a third party: an ALTCHA proof-of-work
 * challenge (altcha-lib, v2), signed with a server secret, that the browser's widget solves
 * before the form can be sent. Verifying is one HMAC (the derived key is signed too), so a
 * flood of forged answers costs the server little; a solved challenge is spent with the case
 * it paid for (its signature is a unique claim in the case's transaction), never twice.
 *
 * A challenge's age is judged here, by the server's clock, from the time the server issued it
 * (`data.issuedAt`, covered by the signature). It carries no `expiresAt`: the widget times that
 * on the device's clock, so a phone running ahead saw each challenge expire as it arrived and
 * fetched the next at once until the rate limit, and one running behind showed as good a proof
 * the server refused. `data.ttlMs` tells the form how long a proof lasts, to solve a new one
 * before it is refused.
 */
import { DomainError, invalidInput } from '@pantau/core';
import {
  createChallenge,
  randomInt,
  verifySolution,
  type Challenge,
  type Solution,
} from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createHmac, randomBytes } from 'node:crypto';

export interface ProofOfWorkOptions {
  /** The HMAC secret the challenges are signed with (≥ 32 characters); the same on every instance. */
  readonly secret: string;
  /**
   * The work: the widget tries counters up to one drawn in [max/2, max], each a PBKDF2 of
   * `cost` iterations. The defaults take a phone a second or two.
   */
  readonly maxCounter?: number;
  readonly cost?: number;
  /** How long a challenge may be answered, counted from when the server issued it. */
  readonly ttlSeconds?: number;
}

export const POW_DEFAULTS = { maxCounter: 4_000, cost: 1_000, ttlSeconds: 600 } as const;

export interface ProofOfWork {
  challenge(): Promise<Challenge>;
  /** The answer's id (its challenge's signature) once it checks out; a 400 on `altcha` if not. */
  verify(answer: string): Promise<{ id: string }>;
}

export function proofOfWork(options: ProofOfWorkOptions): ProofOfWork {
  if (options.secret.length < 32)
    throw new Error('the proof-of-work secret must be at least 32 characters');
  const maxCounter = options.maxCounter ?? POW_DEFAULTS.maxCounter;
  const cost = options.cost ?? POW_DEFAULTS.cost;
  const ttlMs = (options.ttlSeconds ?? POW_DEFAULTS.ttlSeconds) * 1000;
  const secrets = {
    hmacSignatureSecret: options.secret,
    // The derived key is signed with its own secret, so verifying needs no PBKDF2 run.
    hmacKeySignatureSecret: createHmac('sha256', options.secret).update('altcha-key').digest('hex'),
  };
  const refused = () => invalidInput('altcha', 'the proof of work is missing, wrong or expired');
  return {
    challenge: () =>
      createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost,
        counter: randomInt(Math.ceil(maxCounter / 2), maxCounter),
        deriveKey,
        data: { issuedAt: Date.now(), ttlMs },
        ...secrets,
      }),
    async verify(answer) {
      let payload: { challenge?: Challenge; solution?: Solution };
      try {
        payload = JSON.parse(Buffer.from(answer, 'base64').toString('utf8'));
      } catch {
        throw refused();
      }
      if (!payload?.challenge?.signature || !payload.solution) throw refused();
      const result = await verifySolution({
        challenge: payload.challenge,
        solution: payload.solution,
        deriveKey,
        ...secrets,
      }).catch((cause: unknown) => {
        throw new DomainError('validation_failed', 'altcha: malformed', {
          cause,
          errors: [{ path: 'altcha', message: 'malformed' }],
        });
      });
      if (!result.verified) throw refused();
      // Trusted once the signature holds. A challenge without its issue time would never expire.
      const issuedAt = payload.challenge.parameters.data?.issuedAt;
      if (typeof issuedAt !== 'number' || Date.now() - issuedAt > ttlMs) throw refused();
      return { id: payload.challenge.signature };
    },
  };
}

/** A secret for one process (tests, an app built without one): challenges die with it. */
export const ephemeralSecret = (): string => randomBytes(32).toString('hex');

/** A secret of its own derived from another (the API's origin secret on AWS). */
export const derivedSecret = (from: string, purpose: string): string =>
  createHmac('sha256', from).update(purpose).digest('hex');
