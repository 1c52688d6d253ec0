/**
 * Assignments as a table: case (with the member unit working on it, if delegated), agency,
 * state (in an agency's queue, with how its case was closed or that it was reopened), when it
 * was forwarded (in the reader's zone), the next deadline with its target and how
 * it stands (in the assignment's own zone: the end of that agency's working day) with the
 * working days it has left or is late by (as the API counts them), the rung of the ladder reached.
 */
import { Link } from 'wouter';
import type { Schemas } from '../api/client';
import { useSession } from '../auth/session-context';
import { nextDeadline } from '../deadline';
import { formatInstant, type TimeZone } from '../format';
import { labelOf, levelLabel, useI18n } from '../i18n/i18n';
import { AgencyName, useAgencies } from './agencies';
import { acknowledgeable, rowKey, type Selection } from './bulk-acknowledge';
import { CaseNotice } from './case-notice';
import { WorkingDaysNote } from './deadlines';
import { DeadlineBadge, Loading, StatusBadge, Time } from './ui';

export function AssignmentTable({
  items,
  zone,
  now,
  showAgency,
  showForwarded = false,
  caption,
  selection,
  loading = false,
  error = null,
}: {
  items: readonly Schemas['Assignment'][];
  /** The reader's: the forwarding date. Each row's deadline is in its own `timeZone`. */
  zone: TimeZone;
  now: Date;
  showAgency: boolean;
  showForwarded?: boolean;
  caption: string;
  /** Checkboxes on the rows that can be acknowledged (the queue's bulk acknowledgement). */
  selection?: Selection;
  /** The list is still loading, or failed (said by the page): not known to be empty. */
  loading?: boolean;
  error?: unknown;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  const reader = useSession().session?.agency;
  if (items.length === 0) {
    if (loading) return <Loading />;
    return error ? null : <p className="muted">{t('common.empty')}</p>;
  }
  // A table on a wide screen; on a phone each row is a card (styles.css `table.cards`).
  return (
    <div className="table-scroll">
      <table className="cards">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              // "Select all" is beside the bulk button (`BulkAcknowledge`): on a phone this header
              // is hidden, and a checkbox in it would take focus unseen.
              <th scope="col" className="select">
                <span className="visually-hidden">{t('bulk.selectColumn')}</span>
              </th>
            ) : null}
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
              <tr key={rowKey(a)} className={next ? `row-${next.status}` : ''}>
                {selection ? (
                  <td className="select">
                    {acknowledgeable(a) ? (
                      <input
                        type="checkbox"
                        aria-label={t('bulk.select', {
                          subject: a.subject ?? t('case.untitled'),
                        })}
                        checked={selection.chosen.has(rowKey(a))}
                        onChange={(e) => selection.toggle(rowKey(a), e.target.checked)}
                      />
                    ) : null}
                  </td>
                ) : null}
                <td className="subject">
                  <Link href={`/cases/${a.caseId}?agency=${a.agencyId}`}>
                    {a.subject ?? t('case.untitled')}
                    {/* A case sent to two agencies is two rows: tabbing through, a screen reader
                        heard the same link twice. Which agency's is heard, not shown (its
                        column shows it). */}
                    {showAgency ? (
                      <span className="visually-hidden">
                        , <AgencyName id={a.agencyId} />
                      </span>
                    ) : null}
                  </Link>
                  {/* The agency's queue and central's worklists give each row its case's
                      agenda number: the bulk acknowledgement names a refused row by it, and two
                      cases of one subject are told apart. */}
                  {a.agendaNumber ? (
                    <div className="small muted nowrap">{a.agendaNumber}</div>
                  ) : null}
                  {a.delegatedTo ? (
                    <div className="small">
                      {/* The unit holding it reads whose assignment it works, not its own name;
                          since when in the reader's zone (none on a delegation older than the
                          date's keeping). */}
                      {a.delegatedTo === reader
                        ? a.delegatedAt
                          ? t('queue.delegatedBySince', {
                              agency: nameOf(a.agencyId),
                              at: formatInstant(a.delegatedAt, zone, lang),
                            })
                          : t('queue.delegatedBy', { agency: nameOf(a.agencyId) })
                        : a.delegatedAt
                          ? t('queue.heldBySince', {
                              agency: nameOf(a.delegatedTo),
                              at: formatInstant(a.delegatedAt, zone, lang),
                            })
                          : t('queue.heldBy', { agency: nameOf(a.delegatedTo) })}
                    </div>
                  ) : null}
                </td>
                {showAgency ? (
                  <td data-label={t('queue.agency')}>
                    <AgencyName id={a.agencyId} />
                  </td>
                ) : null}
                <td data-label={t('queue.state')}>
                  <StatusBadge prefix="state" value={a.state} />
                  {a.paused ? <span className="badge">{t('assignment.paused')}</span> : null}
                  {/* An agency's queue: its case closed (by whom, when, how) or reopened. */}
                  <CaseNotice notice={a.caseNotice} zone={zone} />
                </td>
                {showForwarded ? (
                  <td data-label={t('queue.forwarded')}>
                    <Time at={a.forwardedAt} zone={zone} />
                  </td>
                ) : null}
                <td data-label={t('queue.next')}>
                  {next ? (
                    <>
                      {/* In the agency's own zone (named), as on the case page: a deadline is
                          the end of that agency's day, not 01.59 the next day in another zone. */}
                      {labelOf(t, 'target', next.target)}: <Time at={next.due} zone={a.timeZone} />{' '}
                      <DeadlineBadge status={next.status} />
                      {/* Counted by the API on the agency's holidays (the row has no days off
                          to count by); none while paused. */}
                      {next.status === 'paused' ? null : (
                        <WorkingDaysNote
                          left={a.nextDueWorkingDaysLeft}
                          late={a.nextDueWorkingDaysLate}
                        />
                      )}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td data-label={t('queue.level')}>
                  {a.escalationLevel > 0 ? levelLabel(t, a.escalationLevel) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
