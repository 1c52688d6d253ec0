/**
 * Sign-in. Embedded: pick a demo user (the runtime's `/dev/users`) and get a token from
 * `/dev/tokens`. On AWS: Cognito's hosted page (authorization code + PKCE).
 */
import { useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { type DemoUser, demoUsers, signInAs } from '../auth/local';
import { SESSION_EXPIRED, useSession } from '../auth/session-context';
import { Loading, PageTitle, ProblemAlert } from '../components/ui';
import { useLoad } from '../data';
import { useI18n } from '../i18n/i18n';

/** Only a path of this console: `?next=` must not send anyone to another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignIn() {
  const { t } = useI18n();
  const { config, session } = useSession();
  const [, navigate] = useLocation();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  // Sent here by the API's 401 (the session ended under the officer's hands), not by a visit.
  const [expired] = useState(() => {
    try {
      return sessionStorage.getItem(SESSION_EXPIRED) !== null;
    } catch {
      return false;
    }
  });
  useEffect(() => {
    if (session) navigate(next, { replace: true });
  }, [session, next, navigate]);
  return (
    <section className="narrow">
      <PageTitle describedBy={expired ? 'signin-expired' : undefined}>
        {t('signIn.title')}
      </PageTitle>
      {expired ? (
        <p className="alert" id="signin-expired">
          {t('signIn.expired')}
        </p>
      ) : null}
      {config.auth.kind === 'local' ? <LocalSignIn next={next} /> : <CognitoSignIn next={next} />}
    </section>
  );
}

/**
 * A tab that has no user in memory (a new tab, a reload) goes once, on its own, through
 * Cognito's hosted page: while Cognito's session lasts it comes straight back signed in, with
 * no password and no click. Once per tab (and never right after signing out), so a failed or
 * abandoned attempt leaves the button rather than a loop.
 */
export const AUTO_SIGN_IN = 'pantau.autoSignIn';

function CognitoSignIn({ next }: { next: string }) {
  const { t } = useI18n();
  const { cognito } = useSession();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (sessionStorage.getItem(AUTO_SIGN_IN)) return;
    sessionStorage.setItem(AUTO_SIGN_IN, 'tried');
    cognito()
      .then((auth) => auth.signIn(next))
      .catch(setError);
  }, [cognito, next]);
  return (
    <>
      <p>{t('signIn.cognito')}</p>
      <ProblemAlert error={error} />
      <button
        type="button"
        className="primary"
        onClick={() => {
          cognito()
            .then((auth) => auth.signIn(next))
            .catch(setError);
        }}
      >
        {t('signIn.button')}
      </button>
    </>
  );
}

function LocalSignIn({ next }: { next: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const users = useLoad(demoUsers, []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pick = (user: DemoUser) => {
    setBusy(user.sub);
    setError(null);
    signInAs(user).then(
      (session) => {
        signedIn(session);
        navigate(next, { replace: true });
      },
      (failure: unknown) => {
        setError(failure);
        setBusy(null);
      },
    );
  };
  if (users.loading) return <Loading />;
  const byAgency = Map.groupBy(users.data ?? [], (u) => u.agencyName);
  return (
    <>
      <p>{t('signIn.local')}</p>
      <ProblemAlert error={error ?? users.error} />
      {[...byAgency].map(([agencyName, people]) => (
        <fieldset key={agencyName} className="users">
          <legend>{agencyName}</legend>
          {people.map((user) => (
            <button
              key={user.sub}
              type="button"
              disabled={busy !== null}
              aria-busy={busy === user.sub}
              onClick={() => pick(user)}
            >
              {user.name} — {t(`role.${user.role}`)}
            </button>
          ))}
        </fieldset>
      ))}
    </>
  );
}

export function AuthCallback() {
  const { t } = useI18n();
  const { cognito, signedIn } = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    cognito()
      .then((auth) => auth.callback())
      .then(({ session, returnTo }) => {
        // Signed in: the next tab-less moment (a reload) may go through Cognito on its own again.
        sessionStorage.removeItem(AUTO_SIGN_IN);
        signedIn(session);
        navigate(safeNext(returnTo), { replace: true });
      })
      .catch(setError);
  }, [cognito, signedIn, navigate]);
  return error ? (
    <section className="narrow">
      <PageTitle>{t('signIn.title')}</PageTitle>
      <ProblemAlert error={error} />
    </section>
  ) : (
    <Loading />
  );
}
