/** The console: public tracking, sign-in, and behind it the pages each role works with. */
import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { isCentral } from './auth/session';
import { forgetReceipt } from './receipt-history';
import { SessionProvider, useSession } from './auth/session-context';
import { AgencyNamesProvider } from './components/agencies';
import { UnreadBadge } from './components/count';
import { Loading } from './components/ui';
import { type Inbox, useUnread } from './unread';
import type { ConsoleConfig } from './config';
import type { MessageKey } from './i18n/messages';
import { I18nProvider, useI18n } from './i18n/i18n';
import { SignIn, AuthCallback } from './pages/sign-in';
import { Track } from './pages/track';

// The public complaint form loads on demand too: the ALTCHA widget is only its.
const Complain = lazy(() => import('./pages/complain').then((m) => ({ default: m.Complain })));

// Pages behind sign-in load on demand: the tracking page a complainant opens stays small.
const Queue = lazy(() => import('./pages/queue'));
const CaseDetail = lazy(() => import('./pages/case-detail'));
const Desk = lazy(() => import('./pages/desk'));
const Cases = lazy(() => import('./pages/cases'));
const Worklist = lazy(() => import('./pages/worklist'));
const CaseNew = lazy(() => import('./pages/case-new'));
const Stats = lazy(() => import('./pages/stats'));
const Letters = lazy(() => import('./pages/letters'));
const Agencies = lazy(() => import('./pages/admin-agencies'));
const CalendarPage = lazy(() => import('./pages/admin-calendar'));
const Policies = lazy(() => import('./pages/admin-policies'));
const AdminImport = lazy(() => import('./pages/admin-import'));
const DocumentSettings = lazy(() => import('./pages/admin-documents'));

export function App({ config }: { config: ConsoleConfig }) {
  return (
    <I18nProvider>
      <SessionProvider config={config}>
        <Switch>
          {/* Anything under /track is the tracking page (old links `/track/CODE` were moved to
              `/track#CODE` on load); never the sign-in redirect, which would put it in a query. */}
          <Route path="/track/*?">
            <Frame>
              <Track />
            </Frame>
          </Route>
          <Route path="/adukan">
            <Frame>
              <Suspense fallback={<Loading />}>
                <Complain />
              </Suspense>
            </Frame>
          </Route>
          <Route path="/signin">
            <Frame>
              <SignIn />
            </Frame>
          </Route>
          <Route path="/auth/callback">
            <Frame>
              <AuthCallback />
            </Frame>
          </Route>
          <Route>
            <Guarded />
          </Route>
        </Switch>
      </SessionProvider>
    </I18nProvider>
  );
}

function Guarded() {
  const { session, ready } = useSession();
  const [location] = useLocation();
  if (!ready) return <Loading />;
  if (!session) return <Redirect to={`/signin?next=${encodeURIComponent(location)}`} />;
  const central = isCentral(session);
  const admin = session.role === 'central_admin';
  return (
    <Frame>
      <AgencyNamesProvider user={session.sub}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/">
              <Redirect to={central ? '/desk' : '/queue'} />
            </Route>
            <Route path="/queue" component={Queue} />
            <Route path="/cases/new" component={central ? CaseNew : NotFound} />
            <Route path="/cases/:id" component={CaseDetail} />
            <Route path="/cases" component={central ? Cases : NotFound} />
            <Route path="/assignments" component={central ? Worklist : NotFound} />
            <Route path="/desk" component={central ? Desk : NotFound} />
            <Route path="/stats" component={central ? Stats : NotFound} />
            <Route path="/letters" component={Letters} />
            <Route path="/admin/agencies" component={admin ? Agencies : NotFound} />
            <Route path="/admin/calendar" component={admin ? CalendarPage : NotFound} />
            <Route path="/admin/policies" component={admin ? Policies : NotFound} />
            <Route path="/admin/import" component={admin ? AdminImport : NotFound} />
            <Route path="/admin/documents" component={admin ? DocumentSettings : NotFound} />
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </AgencyNamesProvider>
    </Frame>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <p role="alert">{t('common.notFound')}</p>;
}

/** Header (navigation for the role, language, who is signed in), then the page. */
function Frame({ children }: { children: React.ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { session, agency, agencyUnavailable, signOut, zone } = useSession();
  const [location, navigate] = useLocation();
  const links: [string, MessageKey][] = !session
    ? [
        ['/adukan', 'nav.complain'],
        ['/track', 'nav.track'],
      ]
    : isCentral(session)
      ? [
          ['/desk', 'nav.desk'],
          ['/cases', 'nav.cases'],
          ['/assignments', 'nav.worklist'],
          ['/stats', 'nav.stats'],
          ['/letters', 'nav.letters'],
          ...(session.role === 'central_admin'
            ? ([
                ['/admin/agencies', 'nav.agencies'],
                ['/admin/calendar', 'nav.calendar'],
                ['/admin/policies', 'nav.policies'],
                ['/admin/import', 'nav.import'],
                ['/admin/documents', 'nav.documents'],
              ] as [string, MessageKey][])
            : []),
        ]
      : [
          ['/queue', 'nav.queue'],
          ['/letters', 'nav.letters'],
        ];
  return (
    <>
      {/* Moves focus without touching the URL: the tracking page's fragment is its code. */}
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link href="/" className="brand">
          Pantau
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map(([href, key]) => (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={location.startsWith(href) ? 'page' : undefined}
                  // On a complaint's receipt (or the form's entry it was sent from), the form
                  // means a new complaint: forgotten as "Kirim pengaduan lain" forgets it,
                  // rather than a new entry with the receipt still one Back away.
                  onClick={
                    href === '/adukan'
                      ? (e: React.MouseEvent) => {
                          if (forgetReceipt()) e.preventDefault();
                        }
                      : undefined
                  }
                >
                  {t(key)}
                  {session && !isCentral(session) && (href === '/queue' || href === '/letters') ? (
                    <Unread sub={session.sub} inbox={href.slice(1) as Inbox} location={location} />
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <label>
            <span className="visually-hidden">{t('nav.language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as 'id' | 'en')}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          {session ? (
            <>
              <span className="muted small">
                {session.name} · {agency?.name ?? '…'} · {t(`role.${session.role}`)} ·{' '}
                {t(`zone.${zone}`)}
              </span>
              <button
                type="button"
                onClick={() => {
                  void signOut().then(() => navigate('/signin'));
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {agencyUnavailable ? (
          <p className="alert alert-error" role="alert">
            {t('session.agencyUnavailable')}
          </p>
        ) : null}
        {children}
      </main>
    </>
  );
}

/** What arrived in an agency's queue or letters since its last visit there. */
function Unread({ sub, inbox, location }: { sub: string; inbox: Inbox; location: string }) {
  return <UnreadBadge n={useUnread(sub, inbox, location)} />;
}
