/**
 * An agency's coming activities (`GET /v1/activities/invited`): what central planned with it,
 * from today on, soonest first: the kind, when (in the reader's zone, named), the case it is
 * on. Before, an invited agency learnt of a mediation only by opening its case. A member unit
 * holding its focal point's assignment lists what is planned with the focal point, saying for
 * whom. Nothing is shown while there is none; the case page says who else takes part.
 */
import { useId } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { usePaged } from '../data';
import type { TimeZone } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';
import { useAgencies } from './agencies';
import { Pager, ProblemAlert, Time } from './ui';

export function ComingActivities({
  zone,
  members,
}: {
  zone: TimeZone;
  /** A focal point's coordinator listing its member units' too, as its queue does. */
  members: boolean;
}) {
  const { t } = useI18n();
  const session = useSignedIn();
  const { nameOf } = useAgencies();
  const headingId = useId();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/activities/invited', {
          params: {
            query: {
              limit: 10,
              ...(members ? { scope: 'members' as const } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    [members],
  );
  if (list.items.length === 0 && !list.error) return null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('comingActivities.title')}</h2>
      <ProblemAlert error={list.error} />
      <ul className="plain">
        {list.items.map((a) => {
          // Whom it is for, when not the reader's agency itself: its member unit's (units
          // included), or the focal point's whose assignment the reader's unit holds.
          const forAgency = a.agencyId !== session.agency ? a.agencyId : a.via;
          return (
            <li key={`${a.activityId}#${a.agencyId}`}>
              <div>
                <strong>{labelOf(t, 'activity', a.kind)}</strong> ·{' '}
                <Time at={a.scheduledAt} zone={zone} />
                {a.venue ? <> · {a.venue}</> : null}
              </div>
              <Link href={`/cases/${a.caseId}`}>{a.caseSubject || t('case.untitled')}</Link>
              {a.agendaNumber || forAgency ? (
                <div className="muted small">
                  {[
                    a.agendaNumber,
                    forAgency ? t('comingActivities.for', { agency: nameOf(forAgency) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}
