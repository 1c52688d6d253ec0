/**
 * The central officer's desk: what needs attention today, each list straight from one API
 * worklist. New complaints to verify (with their verification deadline), complaints their
 * complainant reopened (to forward again), overdue assignments by agency, newly overdue since
 * yesterday, due within two working days, redirected awaiting a re-forward, and this week's
 * monitoring activities.
 */
import { Link } from 'wouter';
import { UTC_OFFSET_HOURS } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useSignedIn } from '../auth/session-context';
import { AgencyName } from '../components/agencies';
import { AssignmentTable } from '../components/assignment-table';
import { Loading, PageTitle, Pager, ProblemAlert, StatusBadge, Time } from '../components/ui';
import { usePaged } from '../data';
import type { TimeZone } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';

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

export default function Desk() {
  const { t } = useI18n();
  const { zone } = useSignedIn();
  const now = new Date();
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  return (
    <section>
      <PageTitle>{t('desk.title')}</PageTitle>
      <p>
        <Link href="/cases/new" className="button primary">
          {t('desk.register')}
        </Link>
      </p>
      <div className="grid">
        <ToVerify zone={zone} />
        <Reopened zone={zone} />
        <Worklist
          title={t('desk.overdueByAgency')}
          query={{ overdue: 'true', limit: 100 }}
          byAgency
        />
        <Worklist title={t('desk.newlyOverdue')} query={{ newlyOverdueSince: since }} />
        <Worklist title={t('desk.dueSoon')} query={{ dueWithin: 2 }} />
        <Worklist title={t('desk.redirected')} query={{ state: 'redirected' }} />
        <Activities zone={zone} />
        <FailedLetters zone={zone} />
      </div>
    </section>
  );
}

function ToVerify({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { status: 'received', ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [],
  );
  return (
    <section className="card" aria-labelledby="to-verify">
      <h2 id="to-verify">{t('desk.toVerify')}</h2>
      <ProblemAlert error={list.error} />
      {list.loading && list.items.length === 0 ? <Loading /> : null}
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
      <ul className="plain">
        {list.items.map((c) => (
          <li key={c.id}>
            <Link href={`/cases/${c.id}`}>{c.subject}</Link>{' '}
            <span className="muted small">
              {t('desk.verifyBy')} <Time at={c.verificationDueAt} zone={zone} />
            </span>
            {c.overdue ? (
              <span className="badge deadline-overdue">{t('deadline.overdue')}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}

/** Complaints whose complainant was not satisfied: central forwards them again. */
function Reopened({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { status: 'reopened', ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [],
  );
  return (
    <section className="card" aria-labelledby="reopened">
      <h2 id="reopened">
        {t('desk.reopened')}{' '}
        <span className="count">
          {list.items.length}
          {list.hasMore ? '+' : ''}
        </span>
      </h2>
      <ProblemAlert error={list.error} />
      {list.loading && list.items.length === 0 ? <Loading /> : null}
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
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
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
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
          params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [JSON.stringify(query)],
  );
  const id = title.replace(/\W+/g, '-').toLowerCase();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title}{' '}
        <span className="count">
          {list.items.length}
          {list.hasMore ? '+' : ''}
        </span>
      </h2>
      <ProblemAlert error={list.error} />
      {list.loading && list.items.length === 0 ? <Loading /> : null}
      {byAgency ? (
        <ByAgency items={list.items} />
      ) : (
        <AssignmentTable
          items={list.items}
          zone={zone}
          now={new Date()}
          showAgency
          caption={title}
        />
      )}
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}

/** Overdue assignments counted per agency, worst first: who to chase. */
export function ByAgency({ items }: { items: readonly Schemas['Assignment'][] }) {
  const { t } = useI18n();
  const counts = [...Map.groupBy(items, (a) => a.agencyId)]
    .map(([agencyId, list]) => ({
      agencyId,
      count: list.length,
      level: Math.max(...list.map((a) => a.escalationLevel)),
    }))
    .sort((x, y) => y.count - x.count || x.agencyId.localeCompare(y.agencyId));
  if (counts.length === 0) return <p className="muted">{t('common.empty')}</p>;
  return (
    <div className="table-scroll">
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
                <AgencyName id={row.agencyId} />
              </td>
              <td>{row.count}</td>
              <td>{row.level > 0 ? labelOf(t, 'level', String(row.level)) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Activities({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const week = weekAround(new Date(), zone);
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/activities', {
          params: { query: { ...week, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [week.from],
  );
  return (
    <section className="card" aria-labelledby="activities">
      <h2 id="activities">{t('desk.activities')}</h2>
      <ProblemAlert error={list.error} />
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
      <ul className="plain">
        {list.items.map((a) => (
          <li key={a.id}>
            <Link href={`/cases/${a.caseId}`}>{labelOf(t, 'activity', a.kind)}</Link>{' '}
            <StatusBadge prefix="activityStatus" value={a.status} />{' '}
            <Time at={a.scheduledAt} zone={zone} />
            {a.overdueToReport ? (
              <span className="badge deadline-overdue">{t('desk.toReport')}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}

/** Letters the mailer refused until their last attempt: the agency never got them. */
function FailedLetters({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/notifications/failed', {
          params: { query: cursor ? { cursor } : {} },
        }),
      ),
    [],
  );
  return (
    <section className="card" aria-labelledby="failed-letters">
      <h2 id="failed-letters">{t('desk.failedLetters')}</h2>
      <ProblemAlert error={list.error} />
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
      <ul className="plain">
        {list.items.map((n) => (
          <li key={n.id}>
            <Link href={`/cases/${n.caseId}`}>{n.subject}</Link>{' '}
            <Time at={n.createdAt} zone={zone} />
            <br />
            <span className="muted">
              {t('desk.failedAttempts', { attempts: n.attempts })}
              {n.lastError ? `: ${n.lastError}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}
