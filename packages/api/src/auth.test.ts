import { asAgencyId, type Principal, type Store } from '@pantau/core';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from './app.ts';
import { createJwtVerifier, createMultiIssuerVerifier, rememberVerified } from './auth.ts';

async function issuer(iss: string, aud: string) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: iss, alg: 'RS256' };
  return {
    verifier: createJwtVerifier({ jwks: { keys: [jwk] }, issuer: iss, audience: aud }),
    sign: (claims: Record<string, unknown>, as = iss) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: iss })
        .setIssuer(as)
        .setAudience(aud)
        .setExpirationTime('5m')
        .sign(privateKey),
  };
}

describe('several trusted issuers', () => {
  it('each token is checked in full by its own issuer’s verifier; others are refused', async () => {
    const local = await issuer('urn:pantau:local-issuer', 'pantau');
    const pool = await issuer('https://cognito-idp.example/pool', 'client-1');
    const verify = createMultiIssuerVerifier(
      new Map([
        ['urn:pantau:local-issuer', local.verifier],
        ['https://cognito-idp.example/pool', pool.verifier],
      ]),
    );
    const officer = { sub: 'u1', agency: 'polri', role: 'agency_officer' };
    await expect(verify(await local.sign(officer))).resolves.toMatchObject({ agency: 'polri' });
    await expect(
      verify(
        await pool.sign({ sub: 'u2', 'custom:agency': 'setneg', 'custom:role': 'central_officer' }),
      ),
    ).resolves.toMatchObject({ agency: 'setneg', role: 'central_officer' });
    // Naming the pool as issuer does not help a token the pool did not sign.
    await expect(
      verify(await local.sign(officer, 'https://cognito-idp.example/pool')),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    const stranger = await issuer('https://elsewhere.example', 'pantau');
    await expect(verify(await stranger.sign(officer))).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(verify('not-a-jwt')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

/** A JWT with no signature (`alg: none`): only the claims, as an attacker writes them. */
const unsigned = (claims: Record<string, unknown>) => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
};

describe('the issuer lookup', () => {
  // A plain object as the issuer table answered these names from Object.prototype: an
  // unsigned token became a principal with no agency, or a 500.
  it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf'])(
    'an unsigned token whose issuer is %s is refused as unauthorized',
    async (iss) => {
      const local = await issuer('urn:pantau:local-issuer', 'pantau');
      const verify = createMultiIssuerVerifier(
        new Map([['urn:pantau:local-issuer', local.verifier]]),
      );
      const exp = Math.floor(Date.now() / 1000) + 3600;
      await expect(
        verify(unsigned({ iss, sub: 'x', aud: 'pantau', exp, agency: 'setneg' })),
      ).rejects.toMatchObject({ code: 'unauthorized' });
    },
  );

  it('an issuer that is not a string is refused', async () => {
    const local = await issuer('urn:pantau:local-issuer', 'pantau');
    const verify = createMultiIssuerVerifier(
      new Map([['urn:pantau:local-issuer', local.verifier]]),
    );
    for (const iss of [['urn:pantau:local-issuer'], { toString: 1 }, 7, null]) {
      await expect(verify(unsigned({ iss, sub: 'x' }))).rejects.toMatchObject({
        code: 'unauthorized',
      });
    }
  });
});

describe('the claims a principal needs', () => {
  const ISS = 'urn:pantau:local-issuer';
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let verify: ReturnType<typeof createJwtVerifier>;
  const sign = (claims: Record<string, unknown>, exp: number | null = 300) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer(ISS)
      .setAudience('pantau')
      .setSubject('u1');
    return (exp === null ? jwt : jwt.setExpirationTime(`${exp}s`)).sign(keys.privateKey);
  };

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k', alg: 'RS256' };
    verify = createJwtVerifier({ jwks: { keys: [jwk] }, issuer: ISS, audience: 'pantau' });
  });

  it('accepts a signed token with sub, agency, role and exp (the control)', async () => {
    await expect(verify(await sign({ agency: 'polri', role: 'agency_officer' }))).resolves.toEqual({
      sub: 'u1',
      agency: 'polri',
      role: 'agency_officer',
    });
  });

  it('refuses a token without exp: a stolen one would work for ever', async () => {
    await expect(
      verify(await sign({ agency: 'setneg', role: 'central_admin' }, null)),
    ).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it.each([
    ['no agency', { role: 'central_admin' }],
    ['no role', { agency: 'setneg' }],
    ['an agency that is an array', { agency: ['setneg'], role: 'central_admin' }],
    ['an agency that is an object', { agency: { id: 'setneg' }, role: 'central_admin' }],
    ['a Cyrillic look-alike of setneg', { agency: 'ѕetneg', role: 'central_admin' }],
    ['a role that is an array', { agency: 'setneg', role: ['central_admin'] }],
    ['an unknown role', { agency: 'setneg', role: 'superuser' }],
  ])('refuses a signed token with %s', async (_, claims) => {
    await expect(verify(await sign(claims))).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('verified tokens remembered (issue 17, P1)', () => {
  const principal = { sub: 'u1', agency: asAgencyId('polri'), role: 'agency_officer' as const };
  const counting = (expiresAt: number) => {
    const seen: string[] = [];
    return {
      seen,
      verify: async (token: string) => {
        seen.push(token);
        if (token.startsWith('bad')) throw new Error('bad signature');
        return { principal, expiresAt };
      },
    };
  };

  it('checks a token once, then answers from memory until its exp', async () => {
    let now = 0;
    const inner = counting(60_000);
    const verify = rememberVerified(inner.verify, { now: () => now });
    await expect(verify('t1')).resolves.toEqual(principal);
    now = 59_999;
    await expect(verify('t1')).resolves.toEqual(principal);
    expect(inner.seen).toEqual(['t1']);
    now = 60_000; // jwtVerify itself refuses from here: so is it asked again
    await verify('t1');
    expect(inner.seen).toEqual(['t1', 't1']);
  });

  it('never remembers a refused token, and forgets the oldest past its bound', async () => {
    const inner = counting(Number.MAX_SAFE_INTEGER);
    const verify = rememberVerified(inner.verify, { max: 2, now: () => 0 });
    await expect(verify('bad')).rejects.toThrow();
    await expect(verify('bad')).rejects.toThrow();
    await verify('t1');
    await verify('t2');
    await verify('t3'); // t1 forgotten
    await verify('t2');
    await verify('t1');
    expect(inner.seen).toEqual(['bad', 'bad', 't1', 't2', 't3', 't1']);
  });

  it('refuses a remembered token once it has expired, through jwtVerify’s verifier', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' };
    const verify = createJwtVerifier({ jwks: { keys: [jwk] }, issuer: 'urn:i', audience: 'a' });
    const token = await new SignJWT({ agency: 'polri', role: 'agency_officer' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer('urn:i')
      .setAudience('a')
      .setSubject('u1')
      .setExpirationTime('5m')
      .sign(privateKey);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await expect(verify(token)).resolves.toMatchObject({ agency: 'polri' });
      vi.setSystemTime(Date.now() + 5 * 60_000 + 1_000);
      await expect(verify(token)).rejects.toMatchObject({ code: 'unauthorized' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the auth middleware', () => {
  // Whatever a verifier returns, only a whole principal gets past the edge.
  it.each([
    ['a String object', new String('token')],
    ['no agency', { sub: 'u', role: 'central_admin' }],
    ['no role', { sub: 'u', agency: 'setneg' }],
    ['an array agency', { sub: 'u', agency: ['setneg'], role: 'central_admin' }],
    ['a role of another tenant', { sub: 'u', agency: 'polri', role: 'central_admin' }],
  ])('refuses a principal with %s (401) before any handler runs', async (_, principal) => {
    const app = createApp({
      store: {} as Store, // never reached
      verifier: async () => principal as unknown as Principal,
      clock: () => new Date(),
    });
    for (const path of ['/v1/notifications', '/v1/cases/01J0000000000000000000000A']) {
      const res = await app.request(path, { headers: { authorization: 'Bearer x.y.z' } });
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('unauthorized');
    }
  });
});
