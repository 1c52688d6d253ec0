/**
 * Central's worklist: every agency's assignments, or one agency's found by name, soonest
 * deadline first, with the queue's filters (state, overdue, overdue on a target) kept in the
 * URL, its total, pages. The desk's "overdue by agency" opens it on one agency's overdue ones:
 * the officer who sees "Polri 60" reads those sixty here. The desk's other lists open it on
 * their own filter (`?newlyOverdue=1`, `?dueWithin=2`, `?awaitingReforward=1`), which it says in
 * a sentence, with a way back to every assignment. A filter chosen then narrows that list
 * (newly overdue on one target: said as one list), or, where the two cannot hold together
 * ("overdue only" beside "due within 2 working days, not yet overdue"), replaces it: the API
 * refuses such a pair, and the sentence never says a list the rows are not.
 *
 * The list as filtered downloads, every page of it, as an Excel workbook or CSV
 * (`GET /v1/exports/assignments.*`): what central sends to the agencies it chases, or takes to
 * one agency's meeting. No complainant identity, no tracking code in it.
 */
import { useState } from 'react';
import { worklistFilterConflicts } from '@pantau/core/schemas';
import { api, download, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { AgencySelect } from '../components/agencies';
import { AssignmentTable } from '../components/assignment-table';
import { Count } from '../components/count';
import {
  filtersFromUrl,
  filtersToUrl,
  QueueFilters,
  stateQuery,
  URL_DEFAULTS,
} from '../components/queue-filters';
import { PageTitle, Pager, ProblemAlert, saying } from '../components/ui';
import { usePaged } from '../data';
import { labelOf, useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { useUrlState } from '../url-state';

/**
 * The desk's lists as URL values (left out when off), as its cards link them; as they are, each
 * off: what leaves the desk's list.
 */
const DESK_LISTS = { newlyOverdue: '', dueWithin: '', awaitingReforward: '' };

/**
 * The desk's lists the URL asks for, as the API's query: one it gets wrong (`dueWithin=abc`) is
 * left out rather than asked for and refused.
 */
function deskLists(url: typeof DESK_LISTS) {
  const days = /^\d{1,3}$/.test(url.dueWithin) ? Number(url.dueWithin) : 0;
  return {
    ...(url.newlyOverdue === '1' ? { newlyOverdue: 'true' as const } : {}),
    ...(days >= 1 && days <= 250 ? { dueWithin: days } : {}),
    ...(url.awaitingReforward === '1' ? { awaitingReforward: 'true' as const } : {}),
  };
}

export default function Worklist() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [url, setUrl] = useUrlState({ ...URL_DEFAULTS, ...DESK_LISTS, agency: '' });
  // The queue's state and overdue filters (no member units, no "ended" here).
  const filters = filtersFromUrl(url);
  const lists = deskLists(url);
  const query = {
    ...(url.agency ? { agencyId: url.agency } : {}),
    ...stateQuery(filters),
    ...lists,
  };
  // What the list is, said: the desk's card it was opened from, on the target chosen with it.
  const said = [
    lists.newlyOverdue
      ? filters.target
        ? t('worklist.listNewlyOverdueOn', {
            target: labelOf(t, 'target', filters.target).toLowerCase(),
          })
        : t('worklist.listNewlyOverdue')
      : null,
    lists.dueWithin ? t('worklist.listDueWithin', { n: lists.dueWithin }) : null,
    lists.awaitingReforward ? t('worklist.listAwaitingReforward') : null,
  ].filter((x) => x !== null);
  // A download's refusal was about the list before: not shown over another one.
  const [error, setError] = useState<unknown>(null);
  const change = (patch: Parameters<typeof setUrl>[0]) => {
    setError(null);
    setUrl(patch);
  };
  /**
   * The queue's filters changed: the desk's list stays while the two hold together (newly
   * overdue, then on one target), and goes when they cannot (due within n days, not yet
   * overdue, then "overdue only"): the officer's latest choice is the list.
   */
  const changeFilters = (next: typeof filters) => {
    const chosen = stateQuery(next);
    const conflicts = worklistFilterConflicts({
      ...chosen,
      overdue: chosen.overdue === 'true' ? true : undefined,
      ...(lists.dueWithin ? { dueWithin: lists.dueWithin } : {}),
      newlyOverdue: Boolean(lists.newlyOverdue),
      awaitingReforward: Boolean(lists.awaitingReforward),
    });
    change({ ...filtersToUrl(next), ...(conflicts.length > 0 ? DESK_LISTS : {}) });
  };
  /** The list as filtered, every page, as a file (with the session's token, not in the URL). */
  const save = (extension: 'xlsx' | 'csv') => {
    setError(null);
    const asked = new URLSearchParams(
      Object.entries(query).map(([name, value]) => [name, String(value)]),
    ).toString();
    download(
      `/v1/exports/assignments.${extension}${asked ? `?${asked}` : ''}`,
      `penugasan.${extension}`,
    ).catch((e: unknown) => setError(saying('limit_exceeded', t('worklist.tooLarge'))(e)));
  };
  const now = useServerNow();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/assignments', {
          params: { query: { ...query, ...(cursor ? { cursor } : { total: 'true' as const }) } },
        }),
      ),
    [JSON.stringify(query)],
  );
  return (
    <section>
      <PageTitle>{t('worklist.title')}</PageTitle>
      <div className="filters">
        <AgencySelect
          label={t('letters.agency')}
          value={url.agency || undefined}
          onChange={(id) => change({ agency: id ?? '' })}
          inputId="worklist-agency"
        />
      </div>
      <QueueFilters
        value={filters}
        onChange={changeFilters}
        canSeeMembers={false}
        canSeeEnded={false}
      />
      {said.length > 0 ? (
        <p role="status">
          <span>{said.join(' ')}</span>{' '}
          <button type="button" onClick={() => change(DESK_LISTS)}>
            {t('worklist.clearList')}
          </button>
        </p>
      ) : null}
      <p>
        <button type="button" onClick={() => save('xlsx')}>
          {t('worklist.xlsx')}
        </button>{' '}
        <button type="button" onClick={() => save('csv')}>
          {t('worklist.csv')}
        </button>
      </p>
      <ProblemAlert error={error ?? list.error} />
      <Count
        total={list.total}
        shown={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        sentence="queue.total"
      />
      <AssignmentTable
        items={list.items}
        zone={session.zone}
        now={now ?? new Date()}
        showAgency
        showForwarded
        loading={list.loading}
        error={list.error}
        caption={t('worklist.title')}
      />
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}
