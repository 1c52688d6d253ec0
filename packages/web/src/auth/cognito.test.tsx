import { User, UserManager } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { fakeToken } from '../../test/render';
import { cognitoSettings } from './cognito';
import { sessionFromToken } from './session';

const config = {
  kind: 'cognito' as const,
  authority: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Example',
  clientId: 'client-123',
  domain: 'https://pantau.auth.ap-southeast-3.amazoncognito.com',
  redirectUri: 'https://console.example/auth/callback',
  logoutUri: 'https://console.example/',
};

describe('Cognito sign-in settings', () => {
  it('uses the authorization code flow (PKCE) back to the console’s callback', () => {
    const settings = new UserManager(cognitoSettings(config)).settings;
    expect(settings.response_type).toBe('code');
    expect(settings.client_id).toBe('client-123');
    expect(settings.redirect_uri).toBe('https://console.example/auth/callback');
    expect(settings.scope.split(' ')).toContain('openid');
  });

  it('keeps the signed-in user and its tokens in memory: nothing in localStorage or sessionStorage', async () => {
    const manager = new UserManager(cognitoSettings(config));
    const idToken = fakeToken({ sub: 'u1', agency: 'polri', role: 'agency_officer' });
    await manager.storeUser(
      new User({
        id_token: idToken,
        access_token: 'access-secret',
        refresh_token: 'refresh-secret',
        token_type: 'Bearer',
        profile: { sub: 'u1', iss: config.authority, aud: config.clientId, exp: 0, iat: 0 },
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      }),
    );
    expect((await manager.getUser())?.id_token).toBe(idToken);
    const stored = [localStorage, sessionStorage].flatMap((storage) =>
      Object.keys(storage).map((key) => storage.getItem(key) ?? ''),
    );
    for (const secret of [idToken, 'access-secret', 'refresh-secret']) {
      expect(stored.some((value) => value.includes(secret))).toBe(false);
    }
  });

  it('reads agency and role from the ID token’s custom attributes', () => {
    const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
    const token = `${part({})}.${part({ sub: 'u9', 'custom:agency': 'pln', 'custom:role': 'agency_coordinator', email: 'k@pln.example' })}.x`;
    expect(sessionFromToken(token)).toMatchObject({
      sub: 'u9',
      agency: 'pln',
      role: 'agency_coordinator',
      name: 'k@pln.example',
    });
  });
});
