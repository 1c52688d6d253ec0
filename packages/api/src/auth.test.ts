import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtVerifier, createMultiIssuerVerifier } from './auth.ts';

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
    const verify = createMultiIssuerVerifier({
      'urn:pantau:local-issuer': local.verifier,
      'https://cognito-idp.example/pool': pool.verifier,
    });
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
