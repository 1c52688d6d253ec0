/**
 * The central officer's desk: what needs attention today, each list straight from one API
 * worklist, each with its total. New complaints to verify (with their verification deadline),
 * complaints their complainant reopened (to forward again), extension requests waiting for a
 * decision, overdue assignments by agency, newly overdue since the previous working day began
 * (by the API's clock), due within two working days (not yet overdue), redirected awaiting a re-forward (until
 * the case is forwarded again), the clarifications the escalation ladder proposed (to schedule
 * or to cancel on the case page), the monitoring activities still to report (undated, past, or
 * this week's), and letters that failed to send (with what central does about each:
 * components/failed-letter-actions.tsx).
 */
import { type ReactNode, useEffect } from 'react';
import { Link } from 'wouter';
import { UTC_OFFSET_HOURS } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useSignedIn } from '../auth/session-context';
import { AgencyName, useAgencies } from '../components/agencies';
import { AssignmentTable } from '../components/assignment-table';
import { Count } from '../components/count';
import { useDeclaredYears } from '../components/deadlines';
import { ActionResultProvider } from '../components/action-form';
import { FailedLetterActions } from '../components/failed-letter-actions';
import {
  DeadlineBadge,
  Loading,
  PageTitle,
  Pager,
  ProblemAlert,
  StatusBadge,
  Time,
} from '../components/ui';
import { deadlineStatus } from '../deadline';
import { type Paged, usePaged } from '../data';
import { dateIn, type TimeZone } from '../format';
import { labelOf, levelLabel, stepLabel, useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { byAgencyName } from '../stats';

type WorklistQuery = NonNullable<paths['/v1/assignments']['get']['parameters']['query']>;

/** Monday 00:00 to the next Monday in the user's zone, as instants. */
export function weekAround(now: Date, zone: TimeZone): { from: string; to: string } {
  const offsetHours = UTC_OFFSET_HOURS[zone];
  const local = new Date(now.getTime() + offsetHours * 3600_000);
  const day = (local.getUTCDay() + 6) % 7; // Monday = 0
  const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day);
  const from = new Date(monday - offsetHours * 3600_000);
  return { from: from.toISOString(), to: new Date(from.getTime() + 7 * 86_400_000).toISOString() };
}

/** A desk card: its list's title and total, what went wrong, loading, empty, more. */
function ListCard<T>({
  id,
  title,
  list,
  counted = true,
  children,
}: {
  id: string;
  title: string;
  list: Paged<T>;
  /** The list's size beside the title; off where the card counts something else (agencies). */
  counted?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title}{' '}
        {counted ? (
          <Count
            total={list.total}
            shown={list.items.length}
            hasMore={list.hasMore}
            loading={list.loading}
          />
        ) : null}
      </h2>
      <ProblemAlert error={list.error} />
      {list.loading && list.items.length === 0 ? <Loading /> : null}
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
      {children}
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}

/** The next page, or the first with its total counted. */
const page = (cursor: string | undefined) => (cursor ? { cursor } : { total: 'true' as const });

export default function Desk() {
  const { t } = useI18n();
  const { zone } = useSignedIn();
  return (
    <section>
      <PageTitle>{t('desk.title')}</PageTitle>
      <CalendarNotice zone={zone} />
      <p>
        <Link href="/cases/new" className="button primary">
          {t('desk.register')}
        </Link>
      </p>
      <div className="grid">
        <AwaitingCentral zone={zone} status="received" />
        <AwaitingCentral zone={zone} status="verified" />
        <AwaitingCentral zone={zone} status="needs_info" />
        <Reopened zone={zone} />
        <Extensions zone={zone} />
        <Worklist
          title={t('desk.overdueByAgency')}
          query={{ overdue: 'true', limit: 100 }}
          byAgency
        />
        <Worklist title={t('desk.newlyOverdue')} query={{ newlyOverdue: 'true' }} />
        <Worklist title={t('desk.dueSoon')} query={{ dueWithin: 2 }} />
        <Worklist title={t('desk.redirected')} query={{ awaitingReforward: 'true' }} />
        <Proposals zone={zone} />
        <Activities zone={zone} />
        <FailedLetters zone={zone} />
      </div>
    </section>
  );
}

/**
 * The years whose holidays the calendar has not declared complete although deadlines now fall
 * in them: this year, and from October the next (a target runs up to 60 working days, about
 * three months; the government publishes next year's holidays and cuti bersama around then).
 */
export function undeclaredYears(today: string, declared: readonly number[]): number[] {
  const year = Number(today.slice(0, 4));
  const wanted = today.slice(5) >= '10-01' ? [year, year + 1] : [year];
  return wanted.filter((y) => !declared.includes(y));
}

/** A year without its holidays, said where central looks every day (the admin can fix it). */
function CalendarNotice({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const { role } = useSignedIn();
  const now = useServerNow();
  const declared = useDeclaredYears();
  if (!now || !declared) return null;
  return undeclaredYears(dateIn(now, zone), declared).map((year) => (
    <p className="alert" key={year}>
      {t('desk.calendarUndeclared', { year })}{' '}
      {role === 'central_admin' ? (
        <Link href="/admin/calendar">{t('desk.calendarOpen')}</Link>
      ) : (
        t('desk.calendarAskAdmin')
      )}
    </p>
  ));
}

/**
 * Cases waiting on central, with the day to verify and forward them by (3 working days from
 * receipt): new ones to verify, and those verified but not yet forwarded, whose deadline runs
 * until the first forward; both oldest received first, which for cases registered as they came
 * is the soonest deadline (or one past) on top (an imported register's cases, and one accepted
 * after `needs_info`, count theirs from later: each row shows its own). And those waiting for the complainant's missing details, with when
 * they were asked (their deadline is stopped), and when the complainant's e-mail joined the
 * case since (a reply by letter comes outside Pantau); central accepts the case when it has come.
 */
function AwaitingCentral({
  zone,
  status,
}: {
  zone: TimeZone;
  status: 'received' | 'verified' | 'needs_info';
}) {
  const { t } = useI18n();
  // To verify and to forward: oldest received first, which is soonest deadline first for
  // cases registered as they came (both run from receipt), so those past theirs head the
  // card; its next pages go on in that order. (No index by deadline: README, "Limits".)
  const order = status === 'needs_info' ? 'newest' : 'oldest';
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { status, order, ...page(cursor) } },
        }),
      ),
    [status, order],
  );
  const [id, title, by] = {
    received: ['to-verify', t('desk.toVerify'), t('desk.verifyBy')] as const,
    verified: ['to-forward', t('desk.toForward'), t('desk.forwardBy')] as const,
    needs_info: ['awaiting-complainant', t('desk.awaitingComplainant'), t('desk.askedOn')] as const,
  }[status];
  return (
    <ListCard id={id} title={title} list={list}>
      <ul className="plain">
        {list.items.map((c) => (
          <li key={c.id}>
            <Link href={`/cases/${c.id}`}>{c.subject}</Link>{' '}
            <span className="muted small">
              {by}{' '}
              <Time
                at={
                  status === 'needs_info'
                    ? (c.infoRequest?.requestedAt ?? c.updatedAt)
                    : c.verificationDueAt
                }
                zone={zone}
              />
            </span>
            {/* The complainant's e-mail joined the case since: its timeline has it. */}
            {status === 'needs_info' && c.infoRequest?.answeredAt ? (
              <span className="badge">
                {t('desk.complainantAnswered')} <Time at={c.infoRequest.answeredAt} zone={zone} />
              </span>
            ) : null}
            {c.overdue ? (
              <span className="badge deadline-overdue">{t('deadline.overdue')}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </ListCard>
  );
}

/** Complaints whose complainant was not satisfied: central forwards them again. */
function Reopened({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { status: 'reopened', ...page(cursor) } },
        }),
      ),
    [],
  );
  return (
    <ListCard id="reopened" title={t('desk.reopened')} list={list}>
      <ul className="plain">
        {list.items.map((c) => (
          <li key={c.id}>
            <Link href={`/cases/${c.id}`}>{c.subject}</Link>{' '}
            <span className="muted small">
              {t('desk.updatedAt')} <Time at={c.updatedAt} zone={zone} />
            </span>
          </li>
        ))}
      </ul>
    </ListCard>
  );
}

function Worklist({
  title,
  query,
  byAgency,
}: {
  title: string;
  query: WorklistQuery;
  byAgency?: boolean;
}) {
  const { zone } = useSignedIn();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/assignments', {
          params: { query: { ...query, ...page(cursor) } },
        }),
      ),
    [JSON.stringify(query)],
  );
  const now = useServerNow();
  const id = title.replace(/\W+/g, '-').toLowerCase();
  // Counting per agency needs every overdue assignment, not the first page's: read on, page by
  // page, up to a bound a desk can hold; past it the card says what it counted.
  const readOn = byAgency && list.hasMore && !list.loading && !list.error;
  const bounded = list.items.length < BY_AGENCY_MAX;
  useEffect(() => {
    if (readOn && bounded) list.loadMore();
  }, [readOn, bounded, list]);
  return (
    <ListCard id={id} title={title} list={list} counted={!byAgency}>
      {list.items.length === 0 ? null : byAgency ? (
        <ByAgency items={list.items} complete={!list.hasMore} />
      ) : (
        <AssignmentTable
          items={list.items}
          zone={zone}
          now={now ?? new Date()}
          showAgency
          caption={title}
        />
      )}
    </ListCard>
  );
}

/** How many overdue assignments the per-agency card reads at most (pages of 100). */
const BY_AGENCY_MAX = 2_000;

/**
 * Overdue assignments counted per agency, worst first: the furthest up the ladder (an agency at
 * central intervention has been silent past every letter), then the most overdue, ties by the
 * agency's name.
 */
export function overdueByAgency(
  items: readonly Schemas['Assignment'][],
  nameOf: (id: string) => string,
): { agencyId: string; count: number; level: number }[] {
  const byName = byAgencyName(nameOf);
  return [...Map.groupBy(items, (a) => a.agencyId)]
    .map(([agencyId, list]) => ({
      agencyId,
      count: list.length,
      level: Math.max(...list.map((a) => a.escalationLevel)),
    }))
    .sort((x, y) => y.level - x.level || y.count - x.count || byName(x, y));
}

/** Overdue assignments counted per agency, worst first: who to chase. */
export function ByAgency({
  items,
  complete,
}: {
  items: readonly Schemas['Assignment'][];
  /** Every overdue assignment is in `items`; otherwise the counts are of the first ones. */
  complete: boolean;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const counts = overdueByAgency(items, nameOf);
  if (counts.length === 0) return <p className="muted">{t('common.empty')}</p>;
  return (
    <div className="table-scroll">
      <p className="muted">
        {t(complete ? 'desk.overdueSummary' : 'desk.overdueSummaryPartial', {
          n: items.length,
          agencies: counts.length,
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('queue.agency')}</th>
            <th scope="col">{t('desk.overdueCount')}</th>
            <th scope="col">{t('queue.level')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((row) => (
            <tr key={row.agencyId}>
              <td>
                {/* Opens that agency's overdue assignments: the count, one by one. */}
                <Link href={`/assignments?agency=${row.agencyId}&overdue=1`}>
                  <AgencyName id={row.agencyId} />
                </Link>
              </td>
              <td>{row.count}</td>
              {/* Its words whole on a phone ("Surat penegasan", not "penegasa" over "n"): the
                  column narrowed beside the agencies' long names. */}
              <td className="label">{row.level > 0 ? levelLabel(t, row.level) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What central intervention proposed (a clarification with the agency that missed its
 * targets), oldest first, until central schedules or cancels it on the case page: proposals have no
 * date, and the activities card below lists only planned ones.
 */
function Proposals({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/activities', {
          params: { query: { status: 'proposed', ...page(cursor) } },
        }),
      ),
    [],
  );
  return (
    <ListCard id="proposals" title={t('desk.proposals')} list={list}>
      <ul className="plain">
        {list.items.map((a) => (
          <li key={a.id}>
            <Link href={`/cases/${a.caseId}`}>{a.caseSubject}</Link> ·{' '}
            {labelOf(t, 'activity', a.kind)}
            {a.agencyIds.map((id) => (
              <span key={id}>
                {' · '}
                <AgencyName id={id} />
              </span>
            ))}{' '}
            · {t('desk.proposedAt')} <Time at={a.createdAt} zone={zone} />
            {a.plan ? <div className="muted">{a.plan}</div> : null}
          </li>
        ))}
      </ul>
    </ListCard>
  );
}

/**
 * The activities still to report, until they are reported or cancelled: planned without a date
 * (first: the API sorts them before any time), held and not yet reported however long ago, and
 * those planned up to the end of this week. Later plans come onto the desk in their week;
 * proposals have their own card above.
 */
function Activities({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const now = useServerNow();
  // Bounded above only: an undated plan and one whose time has passed stay listed.
  const { to } = weekAround(now ?? new Date(), zone);
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/activities', {
          params: { query: { status: 'planned', to, ...page(cursor) } },
        }),
      ),
    [to],
  );
  return (
    <ListCard id="activities" title={t('desk.activities')} list={list}>
      <ul className="plain">
        {list.items.map((a) => (
          <li key={a.id}>
            <Link href={`/cases/${a.caseId}`}>{a.caseSubject}</Link> ·{' '}
            {labelOf(t, 'activity', a.kind)}{' '}
            <StatusBadge prefix="activityStatus" value={a.status} />{' '}
            {a.scheduledAt ? (
              <Time at={a.scheduledAt} zone={zone} />
            ) : (
              <span className="muted">{t('desk.unscheduled')}</span>
            )}
            {a.overdueToReport ? (
              <span className="badge deadline-overdue">{t('desk.toReport')}</span>
            ) : null}
            {a.agencyIds.length
              ? ` · ${t('desk.withAgencies', { agency: a.agencyIds.map(nameOf).join(', ') })}`
              : null}
          </li>
        ))}
      </ul>
    </ListCard>
  );
}

/** Agencies' requests for more time, oldest first: decided on the case page. */
function Extensions({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const now = useServerNow() ?? new Date();
  const list = usePaged(
    (cursor) =>
      unwrap(api.GET('/v1/extension-requests', { params: { query: { ...page(cursor) } } })),
    [],
  );
  return (
    <ListCard id="extensions" title={t('desk.extensions')} list={list}>
      <ul className="plain">
        {list.items.map((x) => (
          <li key={x.id}>
            {/* To the agency's part of a case sent to many: where its request is. */}
            <Link href={`/cases/${x.caseId}?agency=${x.agencyId}`}>
              {x.subject ?? t('desk.openCase')}
            </Link>{' '}
            <span className="muted small">
              {t('desk.extensionAsked', { agency: x.agencyName, days: x.workingDays })} ·{' '}
              <Time at={x.requestedAt} zone={zone} />
            </span>
            <div className="small prose">{x.reason}</div>
            {/* Whether it asks in time or already late, and how far its ladder climbed. */}
            <div className="small">
              {x.deadline ? (
                <>
                  {labelOf(t, 'target', x.deadline.target)}:{' '}
                  <Time at={x.deadline.dueAt} zone={x.timeZone} />{' '}
                  <DeadlineBadge
                    status={deadlineStatus(
                      { due: x.deadline.dueAt, met: null, ...x.deadline },
                      now,
                    )}
                  />
                </>
              ) : (
                <DeadlineBadge status="paused" />
              )}
              {x.escalationLevel > 0 ? <> · {levelLabel(t, x.escalationLevel)}</> : null}
            </div>
          </li>
        ))}
      </ul>
    </ListCard>
  );
}

/**
 * Letters the mailer refused until their last attempt: the agency never got them. To whom
 * each went, and a button that sends it again to the agency's contacts as they are now (once
 * central has corrected them on the agencies page); it then leaves this list.
 */
function FailedLetters({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) => unwrap(api.GET('/v1/notifications/failed', { params: { query: page(cursor) } })),
    [],
  );
  // Sent again or marked handled: said above the list (focused), which the letter then leaves.
  return (
    <ListCard id="failed-letters" title={t('desk.failedLetters')} list={list}>
      <ActionResultProvider>
        <ul className="plain">
          {list.items.map((n) => (
            <li key={n.id}>
              <Link href={`/cases/${n.caseId}?agency=${n.agencyId}`}>{n.subject}</Link> ·{' '}
              {stepLabel(t, n.step, n.subject)} · <AgencyName id={n.agencyId} /> ·{' '}
              <Time at={n.createdAt} zone={zone} />
              <br />
              {/* Written failed, addressed to no one: a contact to add, not a mailer's refusal. */}
              {n.recipients.length === 0 && n.attempts === 0 ? (
                <span>{t('desk.failedNoAddress')}</span>
              ) : (
                <span className="muted">
                  {t('desk.failedAttempts', { attempts: n.attempts })} ·{' '}
                  {t('desk.failedTo', { to: n.recipients.join(', ') || '–' })}
                </span>
              )}
              {/* The mailer's own words are for an operator (English), under a summary. */}
              {n.lastError ? (
                <details className="small muted">
                  <summary>{t('common.technicalDetail')}</summary>
                  <code>{n.lastError}</code>
                </details>
              ) : null}
              <FailedLetterActions letter={n} onDone={list.reload} />
            </li>
          ))}
        </ul>
      </ActionResultProvider>
    </ListCard>
  );
}
