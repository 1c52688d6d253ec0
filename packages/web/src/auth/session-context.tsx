/** Holds who is signed in and their agency (for its name and time zone), and signs out. */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { api, setApiToken, setTokenRenewal, unwrap, type Schemas } from '../api/client';
import type { ConsoleConfig } from '../config';
import { useLoadRetried } from '../data';
import { forgetDrafts } from '../forms/use-form';
import type { TimeZone } from '../format';
import type { CognitoAuth } from './cognito';
import { restoreLocal, signOutLocal } from './local';
import type { Session } from './session';

interface SessionState {
  readonly config: ConsoleConfig;
  readonly session: Session | null;
  readonly agency: Schemas['Agency'] | null;
  /** The user's agency could not be read (yet: it is read again by itself). */
  readonly agencyUnavailable: boolean;
  /** The zone every date is shown in: the user's agency's (WIB before it is known). */
  readonly zone: TimeZone;
  readonly ready: boolean;
  signedIn(session: Session): void;
  signOut(): Promise<void>;
  cognito(): Promise<CognitoAuth>;
}

const Context = createContext<SessionState | null>(null);

/**
 * Set when the API's 401 ended the session (not a sign-out): the sign-in page says why, and that
 * a form keeping a draft gives it back saying so (not every form keeps one). Per tab, like the
 * drafts it speaks of; gone once signed in again.
 */
export const SESSION_EXPIRED = 'pantau.sessionExpired';

function remember(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // No storage: the sign-in page simply does not say why.
  }
}

export function SessionProvider({
  config,
  children,
}: {
  config: ConsoleConfig;
  children: ReactNode;
}) {
  const [session, setSession] = useState<Session | null>(null);
  const [ready, setReady] = useState(false);

  const signedIn = useCallback((next: Session) => {
    setApiToken(next.token, () => {
      setApiToken(null);
      signOutLocal();
      remember(SESSION_EXPIRED, '1');
      setSession(null);
    });
    remember(SESSION_EXPIRED, null);
    setSession(next);
  }, []);

  // One client for the page's life: the user it holds in memory is the one it renews.
  const client = useRef<Promise<CognitoAuth> | null>(null);
  const cognito = useCallback(() => {
    const auth = config.auth;
    if (auth.kind !== 'cognito') return Promise.reject(new Error('not on AWS'));
    client.current ??= import('./cognito').then(({ cognitoAuth }) => {
      const created = cognitoAuth(auth);
      created.onRenewed(signedIn);
      // A call refused for an expired token (a tab asleep past the background renewal) renews
      // and is sent again before the session is ended.
      setTokenRenewal(async () => (await created.renew())?.token ?? null);
      return created;
    });
    return client.current;
  }, [config, signedIn]);

  const signOut = useCallback(async () => {
    setApiToken(null);
    // On purpose: the next person at this tab must not find this one's unsent texts.
    forgetDrafts();
    remember(SESSION_EXPIRED, null);
    setSession(null);
    if (config.auth.kind === 'local') signOutLocal();
    else {
      // Signed out on purpose: the sign-in page must not go straight back through Cognito.
      sessionStorage.setItem('pantau.autoSignIn', 'signed-out');
      await (await cognito()).signOut();
    }
  }, [config, cognito]);

  useEffect(() => {
    (async () => {
      const restored =
        config.auth.kind === 'local'
          ? restoreLocal()
          : window.location.pathname === '/auth/callback'
            ? null
            : await (await cognito()).current();
      if (restored) signedIn(restored);
      setReady(true);
    })().catch(() => setReady(true));
  }, [config, cognito, signedIn]);

  // Its name and zone: read again after a failure, as every time shown depends on it.
  const own = useLoadRetried(
    (): Promise<Schemas['Agency'] | null> =>
      session
        ? unwrap(api.GET('/v1/agencies/{id}', { params: { path: { id: session.agency } } }))
        : Promise.resolve(null),
    [session],
  );
  // (Another officer's, just signed out of, is not this one's.)
  const agency = session && own.data?.id === session.agency ? own.data : null;

  return (
    <Context
      value={{
        config,
        session,
        agency,
        agencyUnavailable: !!session && !agency && !!own.error,
        zone: agency?.timeZone ?? 'Asia/Jakarta',
        ready,
        signedIn,
        signOut,
        cognito,
      }}
    >
      {children}
    </Context>
  );
}

export function useSession(): SessionState {
  const state = useContext(Context);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in session, for pages that only render behind the sign-in guard. */
export function useSignedIn(): Session & { zone: TimeZone } {
  const { session, zone } = useSession();
  if (!session) throw new Error('not signed in');
  return { ...session, zone };
}
