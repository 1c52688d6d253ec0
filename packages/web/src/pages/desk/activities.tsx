import { Link } from 'wouter';
import { UTC_OFFSET_HOURS } from '@pantau/core/schemas';
import { api, unwrap } from '../../api/client';
import { AgencyName, useAgencies } from '../../components/agencies';
import { StatusBadge, Time } from '../../components/ui';
import { usePaged } from '../../data';
import type { TimeZone } from '../../format';
import { labelOf, useI18n } from '../../i18n/i18n';
import { useServerNow } from '../../server-clock';
import { ListCard, page } from './list-card';

/** Monday 00:00 to the next Monday in the user's zone, as instants. */
export function weekAround(now: Date, zone: TimeZone): { from: string; to: string } {
  const offsetHours = UTC_OFFSET_HOURS[zone];
  const local = new Date(now.getTime() + offsetHours * 3600_000);
  const day = (local.getUTCDay() + 6) % 7; // Monday = 0
  const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day);
  const from = new Date(monday - offsetHours * 3600_000);
  return { from: from.toISOString(), to: new Date(from.getTime() + 7 * 86_400_000).toISOString() };
}

/**
 * What central intervention proposed (a clarification with the agency that missed its
 * targets), oldest first, until central schedules or cancels it on the case page: proposals have no
 * date, and the activities card below lists only planned ones.
 */
export function Proposals({ zone }: { zone: TimeZone }) {
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
    <ListCard
      id="proposals"
      title={t('desk.proposals')}
      short={t('desk.short.proposals')}
      list={list}
    >
      {(shown) => (
        <ul className="plain">
          {shown.map((a) => (
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
      )}
    </ListCard>
  );
}

/**
 * The activities still to report, until they are reported or cancelled: planned without a date
 * (first: the API sorts them before any time), held and not yet reported however long ago, and
 * those planned up to the end of this week. Later plans come onto the desk in their week;
 * proposals have their own card above.
 */
export function Activities({ zone }: { zone: TimeZone }) {
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
    <ListCard
      id="activities"
      title={t('desk.activities')}
      short={t('desk.short.activities')}
      list={list}
    >
      {(shown) => (
        <ul className="plain">
          {shown.map((a) => (
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
      )}
    </ListCard>
  );
}
