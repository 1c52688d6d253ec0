import { useState } from 'react';
import { Link } from 'wouter';
import { api, type Schemas, unwrap } from '../../api/client';
import { useSignedIn } from '../../auth/session-context';
import { AgencyName, useAgencies } from '../../components/agencies';
import { ActionResultProvider } from '../../components/action-form';
import {
  FailedLetterActions,
  failedLettersChanged,
  ResendAll,
  useFailedLetterGroups,
} from '../../components/failed-letter-actions';
import { Pager, ProblemAlert, Time } from '../../components/ui';
import { type Paged, usePaged } from '../../data';
import { formatDay, type TimeZone } from '../../format';
import { stepLabel, useI18n } from '../../i18n/i18n';
import { ListCard, page } from './list-card';

type Group = Schemas['FailedLetterGroup'];

/**
 * Letters the mailer refused until their last attempt: the agency never got them. A few wrong
 * addresses make most of them (three made 106 in five weeks, the ladder writing on), so they are
 * worked through by agency: how many, why in words, the latest, the addresses refused, what to
 * do about it (an officer asks an admin; an admin has the agencies page), and one action that
 * sends again every letter still current and closes the others. Each letter is there too, one
 * by one, with its own actions (delivered by telephone: marked handled, saying how).
 */
export function FailedLetters({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const loaded = useFailedLetterGroups();
  const groups = loaded.data?.items ?? [];
  // Shown and capped by agency (the desk's "Tampilkan semua (N)" counts agencies); the card's
  // sentence and its summary line count the letters too: the size of the work.
  const letters = groups.reduce((n, g) => n + g.count, 0);
  const list: Paged<Group> = {
    items: groups,
    error: loaded.error,
    loading: loaded.loading,
    hasMore: false,
    total: undefined,
    loadMore: () => {},
    reload: loaded.reload,
    arrived: () => {},
  };
  const summary = t('desk.failedSummary', { n: letters, agencies: groups.length });
  return (
    <ListCard
      id="failed-letters"
      title={t('desk.failedLetters')}
      list={list}
      counted={false}
      summary={summary}
    >
      {(shown) => (
        // Sent again or closed: said above the list (focused), which the agency then leaves.
        <ActionResultProvider>
          {groups.length > 0 ? (
            <p className="muted">
              {summary}.
              {loaded.data?.complete === false
                ? ` ${t('desk.failedPartial', { n: letters })}`
                : null}
            </p>
          ) : null}
          <ul className="plain failed-groups">
            {shown.map((group) => (
              <FailedGroup
                key={group.agencyId}
                group={group}
                zone={zone}
                onDone={failedLettersChanged}
              />
            ))}
          </ul>
        </ActionResultProvider>
      )}
    </ListCard>
  );
}

/** One agency's failed letters: the sum of them, what to do, and the letters on request. */
function FailedGroup({
  group,
  zone,
  onDone,
}: {
  group: Group;
  zone: TimeZone;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const agency = useAgencies().nameOf(group.agencyId);
  const to = group.addresses.join(', ');
  return (
    <li>
      <strong>
        <AgencyName id={group.agencyId} />
      </strong>{' '}
      · {t('desk.failedGroup', { n: group.count })} ·{' '}
      {/* The day the newest was written (a rung's at 00.00, which says nothing). */}
      {t('desk.failedLatest', { at: formatDay(group.latestAt, zone, lang) })}
      <br />
      {t('desk.failedWhy', { reason: t(`letterFailure.${group.failure}`) })}{' '}
      {to ? <span className="muted">{t('desk.failedAddresses', { to })}</span> : null}
      {/* The mailer's own words are for an operator (English), under a summary. */}
      {group.lastError ? (
        <details className="small muted">
          <summary>{t('common.technicalDetail')}</summary>
          <code>{group.lastError}</code>
        </details>
      ) : null}
      <FixHint group={group} agency={agency} />
      {group.addressUnchanged ? (
        <p className="alert small">{t('desk.failedUnchanged', { agency })}</p>
      ) : null}
      <ResendAll agencyId={group.agencyId} count={group.count} onDone={onDone} />
      <GroupLetters agencyId={group.agencyId} count={group.count} zone={zone} onDone={onDone} />
    </li>
  );
}

/**
 * What to do before sending again: the address is corrected on the agencies page, which only
 * an admin opens. An admin is linked there; an officer (whom the link took to "not found") is
 * told to phone the agency and ask an admin, with the agency and the address refused named.
 */
function FixHint({ group, agency }: { group: Group; agency: string }) {
  const { t } = useI18n();
  const { role } = useSignedIn();
  const to = group.addresses.join(', ');
  const missing = group.failure === 'no_address' || to === '';
  if (role !== 'central_admin')
    return (
      <p className="hint">
        {missing
          ? t('desk.fixHintOfficerNoAddress', { agency })
          : t('desk.fixHintOfficer', { agency, to })}
      </p>
    );
  return (
    <p className="hint">
      {missing
        ? t('desk.fixHintAdminNoAddress', { agency })
        : t('desk.fixHintAdmin', { agency, to })}{' '}
      <Link href="/admin/agencies">{t('desk.agenciesPage')}</Link>
      {t('desk.fixHintAdminAfter')}
    </p>
  );
}

/** The agency's failed letters one by one, read when opened, each with its own actions. */
function GroupLetters({
  agencyId,
  count,
  zone,
  onDone,
}: {
  agencyId: string;
  count: number;
  zone: TimeZone;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="small" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('desk.failedOneByOne')} ({count})
      </summary>
      {open ? <Letters agencyId={agencyId} zone={zone} onDone={onDone} /> : null}
    </details>
  );
}

function Letters({
  agencyId,
  zone,
  onDone,
}: {
  agencyId: string;
  zone: TimeZone;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/notifications/failed', {
          params: { query: { agencyId, ...page(cursor) } },
        }),
      ),
    [agencyId],
  );
  const done = () => {
    list.reload();
    onDone();
  };
  return (
    <>
      <ProblemAlert error={list.error} />
      <ul className="plain">
        {list.items.map((n) => (
          <li key={n.id}>
            <Link href={`/cases/${n.caseId}?agency=${n.agencyId}`}>{n.subject}</Link> ·{' '}
            {stepLabel(t, n.step, n.subject)} · <Time at={n.createdAt} zone={zone} />
            <br />
            {/* Written failed, addressed to no one: a contact to add, not a mailer's refusal. */}
            {n.recipients.length === 0 && n.attempts === 0 ? (
              <span>{t('letterFailure.no_address')}</span>
            ) : n.status === 'sent' ? (
              // Sent to its other addresses: the copy that did not arrive, and to whom.
              <span className="muted">
                {t('letters.partlyRefused', {
                  addresses: n.refusedAddresses.map((r) => r.address).join(', '),
                })}
              </span>
            ) : (
              <span className="muted">
                {t('desk.failedAttempts', { attempts: n.attempts })} ·{' '}
                {t('desk.failedTo', { to: n.recipients.join(', ') || '–' })}
              </span>
            )}
            <FailedLetterActions letter={n} onDone={done} />
          </li>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </>
  );
}
