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
 *
 * The first screen says what needs attention: each list's count, linked to its card, and the
 * lists with nothing in them in one line (they take no card); a long list shows its first few,
 * with the rest on its page (the register, the worklist on the card's own filter) or in place
 * (`list-card.tsx`).
 */
import { Link } from 'wouter';
import { useSignedIn } from '../../auth/session-context';
import { useI18n } from '../../i18n/i18n';
import { FailedLetterGroupsRead } from '../../components/failed-letter-actions';
import { PageTitle } from '../../components/ui';
import { Activities, Proposals } from './activities';
import { AwaitingCentral, Reopened } from './awaiting-central';
import { CalendarNotice } from './calendar-notice';
import { Extensions } from './extensions';
import { FailedLetters } from './failed-letters';
import { DeskReport, DeskSummary, useDeskEntries } from './summary';
import { Worklist } from './worklist';

export default function Desk() {
  const { t } = useI18n();
  const { zone } = useSignedIn();
  const [entries, report] = useDeskEntries();
  return (
    <section>
      <PageTitle>{t('desk.title')}</PageTitle>
      <CalendarNotice zone={zone} />
      <p>
        <Link href="/cases/new" className="button primary">
          {t('desk.register')}
        </Link>
      </p>
      <DeskSummary entries={entries} />
      <DeskReport.Provider value={report}>
        {/* The failed letters per agency, read once for the two cards that say them. */}
        <FailedLetterGroupsRead>
          <div className="grid">
            <AwaitingCentral zone={zone} status="received" />
            <AwaitingCentral zone={zone} status="verified" />
            <AwaitingCentral zone={zone} status="needs_info" />
            <Reopened zone={zone} />
            <Extensions zone={zone} />
            <Worklist
              title={t('desk.overdueByAgency')}
              short={t('desk.short.overdueByAgency')}
              query={{ overdue: 'true', limit: 100 }}
              byAgency
              all="/assignments?overdue=1"
            />
            <Worklist
              title={t('desk.newlyOverdue')}
              short={t('desk.short.newlyOverdue')}
              query={{ newlyOverdue: 'true' }}
              all="/assignments?newlyOverdue=1"
            />
            <Worklist
              title={t('desk.dueSoon')}
              short={t('desk.short.dueSoon')}
              query={{ dueWithin: 2 }}
              all="/assignments?dueWithin=2"
            />
            <Worklist
              title={t('desk.redirected')}
              short={t('desk.short.redirected')}
              query={{ awaitingReforward: 'true' }}
              all="/assignments?awaitingReforward=1"
            />
            <Proposals zone={zone} />
            <Activities zone={zone} />
            <FailedLetters zone={zone} />
          </div>
        </FailedLetterGroupsRead>
      </DeskReport.Provider>
    </section>
  );
}
