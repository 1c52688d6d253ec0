/**
 * A case's monitoring activities as people read them, central and the agencies taking part
 * alike: what kind, how it stands, when, with which agencies and participants, the plan (the
 * place and agenda), and once held its report, whole. What an agency may read the API has
 * filtered already: shown is what the case lists.
 */
import { useId } from 'react';
import type { Schemas } from '../api/client';
import type { TimeZone } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';
import { isActivityOpen } from './activity-actions';
import { useAgencies } from './agencies';
import { StatusBadge, Time } from './ui';

type Activity = Schemas['Activity'];

export function CaseActivities({
  activities,
  earlier,
  zone,
}: {
  activities: readonly Activity[];
  /** The case has older reported or cancelled ones than those it lists. */
  earlier: boolean;
  zone: TimeZone;
}) {
  const { t } = useI18n();
  const headingId = useId();
  if (activities.length === 0 && !earlier) return null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('activities.title')}</h2>
      {activities.length > 1 ? <p className="muted small">{t('activities.order')}</p> : null}
      <ul className="plain">
        {inReadingOrder(activities).map((a) => (
          <ActivityItem key={a.id} activity={a} zone={zone} />
        ))}
      </ul>
      {earlier ? <p className="muted small">{t('activities.earlier')}</p> : null}
    </section>
  );
}

function ActivityItem({ activity: a, zone }: { activity: Activity; zone: TimeZone }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const id = useId();
  const agenciesLabel = t('caseActions.activityAgencies');
  const participantsLabel = t('caseActions.participants');
  return (
    <li aria-labelledby={id}>
      <h3 id={id}>
        {labelOf(t, 'activity', a.kind)} <StatusBadge prefix="activityStatus" value={a.status} />
      </h3>
      <dl>
        <dt>{t('caseActions.scheduledAt')}</dt>
        <dd>
          {a.scheduledAt ? (
            <Time at={a.scheduledAt} zone={zone} />
          ) : (
            <span className="muted">{t('activities.unscheduled')}</span>
          )}
          {a.overdueToReport ? (
            <span className="badge deadline-overdue">{t('desk.toReport')}</span>
          ) : null}
        </dd>
        {a.venue ? (
          <>
            <dt>{t('caseActions.venue')}</dt>
            <dd>{a.venue}</dd>
          </>
        ) : null}
        <dt>{agenciesLabel}</dt>
        <dd>
          {a.agencyIds.length > 0 ? (
            <ul className="targets" aria-label={agenciesLabel}>
              {a.agencyIds.map((agencyId) => (
                <li key={agencyId}>{nameOf(agencyId)}</li>
              ))}
            </ul>
          ) : (
            // Only central reads one held with no agency.
            <span className="muted">{t('caseActions.activityAgenciesNone')}</span>
          )}
        </dd>
        {a.participants.length > 0 ? (
          <>
            <dt>{participantsLabel}</dt>
            <dd>
              <ul className="targets" aria-label={participantsLabel}>
                {a.participants.map((person, i) => (
                  <li key={i}>{person}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {a.plan ? (
          <>
            <dt>{t('caseActions.planText')}</dt>
            <dd className="prose">{a.plan}</dd>
          </>
        ) : null}
        {a.cancellation ? (
          <>
            <dt>{t('activities.cancellation')}</dt>
            <dd>
              <span className="prose">{a.cancellation.reason}</span>{' '}
              <span className="muted small">
                <Time at={a.cancellation.at} zone={zone} />
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      {a.status === 'done' ? (
        <>
          <h4>{t('activities.report')}</h4>
          <dl>
            <dt>{t('caseActions.heldAt')}</dt>
            <dd>
              <Time at={a.heldAt} zone={zone} />
            </dd>
            <dt>{t('caseActions.outcome')}</dt>
            <dd className="prose">{a.outcome ?? '—'}</dd>
            <dt>{t('caseActions.summary')}</dt>
            <dd className="prose">{a.summary ?? '—'}</dd>
          </dl>
        </>
      ) : null}
    </li>
  );
}

/**
 * The order a person reads them in: what is still to come or to report first, the nearest date
 * at the top (one passed and not yet reported before one to come) and those without a date
 * after them, newest first; then those done or cancelled, the latest at the top.
 */
export function inReadingOrder(activities: readonly Activity[]): Activity[] {
  const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);
  const open = activities.filter(isActivityOpen);
  const dated = open
    .filter((a) => a.scheduledAt !== null)
    .sort((a, b) => time(a.scheduledAt) - time(b.scheduledAt));
  const undated = open
    .filter((a) => a.scheduledAt === null)
    .sort((a, b) => time(b.createdAt) - time(a.createdAt));
  const ended = (a: Activity) =>
    time(a.heldAt ?? a.cancellation?.at ?? a.scheduledAt ?? a.createdAt);
  const past = activities.filter((a) => !isActivityOpen(a)).sort((a, b) => ended(b) - ended(a));
  return [...dated, ...undated, ...past];
}
