/**
 * By an agency's case title: how its own assignment stands and its nearest open deadline in
 * words, as its queue row says them ("Penugasan kami: Menunggu · Konfirmasi penerimaan
 * terlambat 2 hari kerja"). The case's status ("Diteruskan") says nothing of the agency's work.
 */
import type { Schemas } from '../api/client';
import { nextDeadline } from '../deadline';
import { labelOf, useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { useAgencies } from './agencies';
import { workingDaysText } from './deadlines';
import { useDeadlines } from './deadlines-read';
import { StatusBadge, Time } from './ui';

export function AssignmentStanding({
  caseId,
  assignment: a,
  named,
}: {
  caseId: string;
  assignment: Schemas['Assignment'];
  /** Named by its agency: the reader works more than one on this case. */
  named: boolean;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const now = useServerNow() ?? new Date();
  // The same read as the deadlines below (`DeadlinesShared`): the working days as the API
  // counts them on the agency's calendar.
  const loaded = useDeadlines(caseId, a.agencyId, a.version);
  const next = nextDeadline(a, now);
  const counted = next && loaded.data?.targets.find((x) => x.target === next.target);
  const words =
    counted && next.status !== 'paused'
      ? workingDaysText(t, counted.workingDaysLeft, counted.workingDaysLate)
      : null;
  return (
    <p className="standing">
      {named ? t('assignment.oursOf', { agency: nameOf(a.agencyId) }) : t('assignment.ours')}{' '}
      <StatusBadge prefix="state" value={a.state} />
      {a.paused ? (
        <>
          {' '}
          <span className="badge">{t('assignment.paused')}</span>
        </>
      ) : null}
      {next ? (
        <>
          {' · '}
          {labelOf(t, 'target', next.target)}{' '}
          {/* Until the count is read, or while paused: the date, in the agency's zone. */}
          {words ?? <Time at={next.due} zone={a.timeZone} />}
        </>
      ) : null}
    </p>
  );
}
