import { Link } from 'wouter';
import { api, unwrap } from '../../api/client';
import { AgencyName } from '../../components/agencies';
import { ActionResultProvider } from '../../components/action-form';
import { FailedLetterActions } from '../../components/failed-letter-actions';
import { Time } from '../../components/ui';
import { usePaged } from '../../data';
import type { TimeZone } from '../../format';
import { stepLabel, useI18n } from '../../i18n/i18n';
import { ListCard, page } from './list-card';

/**
 * Letters the mailer refused until their last attempt: the agency never got them. To whom
 * each went, and a button that sends it again to the agency's contacts as they are now (once
 * central has corrected them on the agencies page); it then leaves this list.
 */
export function FailedLetters({ zone }: { zone: TimeZone }) {
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
