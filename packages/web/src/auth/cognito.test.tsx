import { User, UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeToken } from '../../test/render';
import { cognitoAuth, cognitoSettings } from './cognito';
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

describe('renewing a session whose token the API refused (a tab asleep past its renewal)', () => {
  const issuer = config.authority;
  const stored = (refreshToken: string) =>
    new User({
      id_token: fakeToken({ sub: 'u1', agency: 'polri', role: 'agency_officer' }),
      access_token: 'access-old',
      refresh_token: refreshToken,
      token_type: 'Bearer',
      profile: { sub: 'u1', iss: issuer, aud: config.clientId, exp: 0, iat: 0 },
      expires_at: Math.floor(Date.now() / 1000) - 60,
    });
  /** Cognito's discovery document and token endpoint, as oidc-client-ts calls them. */
  const cognitoServer = (token: (form: URLSearchParams) => Response) => {
    const forms: URLSearchParams[] = [];
    vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
      const request = typeof input === 'string' ? new Request(input, init) : input;
      if (request.url.endsWith('/.well-known/openid-configuration')) {
        return Response.json({
          issuer,
          authorization_endpoint: `${config.domain}/oauth2/authorize`,
          token_endpoint: `${config.domain}/oauth2/token`,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
        });
      }
      const form = new URLSearchParams(await request.text());
      forms.push(form);
      return token(form);
    });
    return forms;
  };
  afterEach(() => vi.unstubAllGlobals());

  it('asks Cognito for new tokens with the refresh token: the new ID token, the same person', async () => {
    const renewed = fakeToken({ sub: 'u1', agency: 'polri', role: 'agency_coordinator' });
    const forms = cognitoServer(() =>
      Response.json({
        id_token: renewed,
        access_token: 'access-new',
        token_type: 'Bearer',
        expires_in: 3600,
      }),
    );
    const manager = new UserManager(cognitoSettings(config));
    await manager.storeUser(stored('refresh-1'));
    const auth = cognitoAuth(config, manager);
    const heard: string[] = [];
    auth.onRenewed((s) => heard.push(s.token));

    const session = await auth.renew();

    expect(forms[0]?.get('grant_type')).toBe('refresh_token');
    expect(forms[0]?.get('refresh_token')).toBe('refresh-1');
    expect(session).toMatchObject({ token: renewed, sub: 'u1', role: 'agency_coordinator' });
    expect(heard).toEqual([renewed]);
  });

  it('sends the refresh token once for renewals asked at once (several calls refused together)', async () => {
    const renewed = fakeToken({ sub: 'u1', agency: 'polri', role: 'agency_officer' });
    const forms = cognitoServer(() =>
      Response.json({
        id_token: renewed,
        access_token: 'a',
        token_type: 'Bearer',
        expires_in: 3600,
      }),
    );
    const manager = new UserManager(cognitoSettings(config));
    await manager.storeUser(stored('refresh-1'));
    const auth = cognitoAuth(config, manager);

    const sessions = await Promise.all([auth.renew(), auth.renew(), auth.renew()]);

    expect(forms.filter((f) => f.get('grant_type') === 'refresh_token')).toHaveLength(1);
    expect(sessions.map((s) => s?.token)).toEqual([renewed, renewed, renewed]);
  });

  it('gives `null` when Cognito refuses (the refresh token expired or revoked): the session ends', async () => {
    cognitoServer(() => Response.json({ error: 'invalid_grant' }, { status: 400 }));
    const manager = new UserManager(cognitoSettings(config));
    await manager.storeUser(stored('refresh-expired'));

    expect(await cognitoAuth(config, manager).renew()).toBeNull();
  });
});
