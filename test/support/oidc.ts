/**
 * A real OpenID Connect provider on localhost (panva's oidc-provider, the certified
 * implementation), standing in for a Cognito user pool: public client, authorization code with
 * PKCE required, ID tokens carrying `custom:agency` and `custom:role` as Cognito's do, keys at
 * Cognito's JWKS path. Its built-in login page accepts any password; the login names the user.
 */
import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** Who each login is (`polri-officer` → Polri's agency officer). */
const ACCOUNTS: Record<string, { agency: string; role: string; name: string }> = {
  'polri-officer': { agency: 'polri', role: 'agency_officer', name: 'Bripka Andi' },
  'setneg-officer': { agency: 'setneg', role: 'central_officer', name: 'Rina (Asdep Dumas)' },
};

export interface RunningProvider {
  readonly issuer: string;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: {
  port: number;
  clientId: string;
  consoleUrl: string;
}): Promise<RunningProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${options.consoleUrl}/auth/callback`],
        post_logout_redirect_uris: [`${options.consoleUrl}/`],
      },
    ],
    routes: { jwks: '/.well-known/jwks.json' },
    claims: {
      openid: ['sub'],
      email: ['email'],
      profile: ['name', 'custom:agency', 'custom:role'],
    },
    // Like Cognito's ID token: the profile claims in it, not only behind /userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: ['pantau-test-only'] },
    // Like Cognito: a refresh token with the code, and short-lived ID/access tokens (a minute
    // and a little, so the console's background renewal shows within a test).
    issueRefreshToken: async () => true,
    ttl: {
      AccessToken: 65,
      IdToken: 65,
      RefreshToken: 3600,
      Session: 3600,
      Interaction: 600,
      Grant: 3600,
    },
    async findAccount(_ctx, sub) {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: `${sub}@example.go.id`,
          name: account.name,
          'custom:agency': account.agency,
          'custom:role': account.role,
        }),
      };
    },
  });
  provider.proxy = false;
  const server: Server = await new Promise((done) => {
    const s = provider.listen(options.port, '127.0.0.1', () => done(s));
  });
  return {
    issuer,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
