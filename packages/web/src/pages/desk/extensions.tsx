import { Link } from 'wouter';
import { api, unwrap } from '../../api/client';
import { IfApproved } from '../../components/extension-if-approved';
import { DeadlineBadge, Time } from '../../components/ui';
import { deadlineStatus } from '../../deadline';
import { usePaged } from '../../data';
import type { TimeZone } from '../../format';
import { labelOf, levelLabel, useI18n } from '../../i18n/i18n';
import { useServerNow } from '../../server-clock';
import { ListCard, page } from './list-card';

/** Agencies' requests for more time, oldest first: decided on the case page. */
export function Extensions({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const now = useServerNow() ?? new Date();
  const list = usePaged(
    (cursor) =>
      unwrap(api.GET('/v1/extension-requests', { params: { query: { ...page(cursor) } } })),
    [],
  );
  return (
    <ListCard
      id="extensions"
      title={t('desk.extensions')}
      short={t('desk.short.extensions')}
      list={list}
    >
      {(shown) => (
        <ul className="plain">
          {shown.map((x) => (
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
              {/* Where approving would put that deadline, the holidays counted (the API's count),
                and whether that day has passed already. */}
              <IfApproved at={x.proposedDueAt} zone={x.timeZone} />
            </li>
          ))}
        </ul>
      )}
    </ListCard>
  );
}
