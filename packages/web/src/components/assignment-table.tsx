/**
 * Assignments as a table: case (with the member unit working on it, if delegated), agency,
 * state, when it was forwarded, the next deadline with its target and how it stands, the rung
 * of the ladder reached.
 */
import { Link } from 'wouter';
import type { Schemas } from '../api/client';
import { nextDeadline } from '../deadline';
import type { TimeZone } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';
import { DeadlineBadge, StatusBadge, Time } from './ui';

export function AssignmentTable({
  items,
  zone,
  now,
  showAgency,
  showForwarded = false,
  names,
  caption,
}: {
  items: readonly Schemas['Assignment'][];
  zone: TimeZone;
  now: Date;
  showAgency: boolean;
  showForwarded?: boolean;
  /** Agencies' names by id, where known. */
  names?: ReadonlyMap<string, string>;
  caption: string;
}) {
  const { t } = useI18n();
  const nameOf = (id: string) => names?.get(id) ?? id;
  if (items.length === 0) return <p className="muted">{t('common.empty')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('queue.case')}</th>
          {showAgency ? <th scope="col">{t('queue.agency')}</th> : null}
          <th scope="col">{t('queue.state')}</th>
          {showForwarded ? <th scope="col">{t('queue.forwarded')}</th> : null}
          <th scope="col">{t('queue.next')}</th>
          <th scope="col">{t('queue.level')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => {
          const next = nextDeadline(a, now);
          return (
            <tr key={`${a.caseId}/${a.agencyId}`} className={next ? `row-${next.status}` : ''}>
              <td>
                <Link href={`/cases/${a.caseId}?agency=${a.agencyId}`}>
                  {a.subject ?? a.caseId}
                </Link>
                <div className="muted small">{a.caseId}</div>
                {a.delegatedTo ? (
                  <div className="small">
                    {t('queue.heldBy', { agency: nameOf(a.delegatedTo) })}
                  </div>
                ) : null}
              </td>
              {showAgency ? <td>{nameOf(a.agencyId)}</td> : null}
              <td>
                <StatusBadge prefix="state" value={a.state} />
                {a.paused ? <span className="badge">{t('assignment.paused')}</span> : null}
              </td>
              {showForwarded ? (
                <td>
                  <Time at={a.forwardedAt} zone={zone} />
                </td>
              ) : null}
              <td>
                {next ? (
                  <>
                    {labelOf(t, 'target', next.target)}: <Time at={next.due} zone={zone} />{' '}
                    <DeadlineBadge status={next.status} />
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {a.escalationLevel > 0 ? labelOf(t, 'level', String(a.escalationLevel)) : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
