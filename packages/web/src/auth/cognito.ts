/**
 * AWS sign-in: Cognito's hosted page, OAuth 2.0 authorization code with PKCE (oidc-client-ts).
 * The user (and its tokens) lives in memory only; sessionStorage holds nothing but the PKCE
 * verifier and state of a sign-in in flight. A reload signs in again, silently while the
 * Cognito session cookie lasts. Loaded on demand: the embedded console never downloads it.
 */
import {
  InMemoryWebStorage,
  type User,
  UserManager,
  type UserManagerSettings,
  WebStorageStateStore,
} from 'oidc-client-ts';
import type { AuthConfig } from '../config';
import { type Session, sessionFromToken } from './session';

type CognitoConfig = Extract<AuthConfig, { kind: 'cognito' }>;

export interface CognitoAuth {
  signIn(returnTo: string): Promise<void>;
  /** Completes a sign-in on `/auth/callback`; gives the session and where to go back to. */
  callback(): Promise<{ session: Session; returnTo: string }>;
  current(): Promise<Session | null>;
  /** Called with the renewed session each time the tokens are refreshed in the background. */
  onRenewed(listener: (session: Session) => void): void;
  /** Renews the tokens now (the refresh token): the new session, or `null` when that failed. */
  renew(): Promise<Session | null>;
  signOut(): Promise<void>;
}

/** Authorization code (oidc-client-ts always adds PKCE to it); the user kept in memory. */
export function cognitoSettings(config: CognitoConfig): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.logoutUri,
    response_type: 'code',
    scope: 'openid email profile',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    // Renewed by `cognitoAuth` itself, on the same event, through the one renewal it shares
    // with a call the API refused: a refresh token is never sent twice at once.
    automaticSilentRenew: false,
  };
}

export function cognitoAuth(
  config: CognitoConfig,
  manager = new UserManager(cognitoSettings(config)),
): CognitoAuth {
  // The API's JWT authorizer checks `aud` = the app client: that is the ID token.
  const toSession = (user: User): Session =>
    sessionFromToken(user.id_token ?? '', user.profile.email ?? undefined);
  // One renewal at a time, whoever asks: the background one (the token about to expire) and a
  // call the API refused (a tab asleep past it). Two at once would send one refresh token twice,
  // which a provider rotating refresh tokens takes for a stolen one and revokes the sign-in.
  let renewing: Promise<Session | null> | null = null;
  const renewOnce = () =>
    (renewing ??= manager
      .signinSilent()
      .then(
        (user) => (user ? toSession(user) : null),
        () => null,
      )
      .finally(() => {
        renewing = null;
      }));
  manager.events.addAccessTokenExpiring(() => void renewOnce());
  return {
    signIn: (returnTo) => manager.signinRedirect({ state: { returnTo } }),
    async callback() {
      const user = await manager.signinRedirectCallback();
      const state = user.state as { returnTo?: string } | undefined;
      return { session: toSession(user), returnTo: state?.returnTo ?? '/' };
    },
    async current() {
      const user = await manager.getUser();
      return user && !user.expired ? toSession(user) : null;
    },
    onRenewed(listener) {
      manager.events.addUserLoaded((user) => listener(toSession(user)));
    },
    // A user loaded this way reaches `onRenewed`'s listeners too.
    renew: renewOnce,
    async signOut() {
      await manager.removeUser();
      // Cognito's logout endpoint is not in its discovery document.
      if (config.domain) {
        const url = new URL('/logout', config.domain);
        url.searchParams.set('client_id', config.clientId);
        url.searchParams.set('logout_uri', config.logoutUri);
        window.location.assign(url.toString());
      }
    },
  };
}
