/**
 * Central's worklist: every agency's assignments, or one agency's found by name, soonest
 * deadline first, with the queue's filters (state, overdue, overdue on a target) kept in the
 * URL, its total, pages. The desk's "overdue by agency" opens it on one agency's overdue ones:
 * the officer who sees "Polri 60" reads those sixty here.
 */
import { api, unwrap } from '../api/client';
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
import { PageTitle, Pager, ProblemAlert } from '../components/ui';
import { usePaged } from '../data';
import { useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { useUrlState } from '../url-state';

export default function Worklist() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [url, setUrl] = useUrlState({ ...URL_DEFAULTS, agency: '' });
  // The queue's state and overdue filters (no member units, no "ended" here).
  const filters = filtersFromUrl(url);
  const query = { ...stateQuery(filters), ...(url.agency ? { agencyId: url.agency } : {}) };
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
          onChange={(id) => setUrl({ agency: id ?? '' })}
          inputId="worklist-agency"
        />
      </div>
      <QueueFilters
        value={filters}
        onChange={(next) => setUrl(filtersToUrl(next))}
        canSeeMembers={false}
        canSeeEnded={false}
      />
      <ProblemAlert error={list.error} />
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
