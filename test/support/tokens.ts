/**
 * A signing key of the tests' own and the API's verifier of it: real RS256 signatures, checked
 * as the API checks Cognito's (issuer, audience, key id), with claims a test chooses.
 */
import { createJwtVerifier, type TokenVerifier } from '@pantau/api';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface TestIssuer {
  readonly verifier: TokenVerifier;
  /** A token for `claims`, valid an hour. */
  sign(claims: JWTPayload): Promise<string>;
  /** The same, as an `authorization` header's value. */
  bearer(claims: JWTPayload): Promise<string>;
}

export async function testIssuer(
  options: { issuer?: string; audience?: string; kid?: string } = {},
): Promise<TestIssuer> {
  const { issuer = 'urn:test', audience = 'pantau', kid = 'k1' } = options;
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const verifier = createJwtVerifier({
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256' }] },
    issuer,
    audience,
  });
  const sign = (claims: JWTPayload) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('1h')
      .sign(privateKey);
  return { verifier, sign, bearer: async (claims) => `Bearer ${await sign(claims)}` };
}
