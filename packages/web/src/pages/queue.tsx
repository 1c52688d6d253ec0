/**
 * An agency's queue: soonest deadline first, overdue and due-soon marked, filters kept in the
 * URL, its total, pages; what awaits acknowledgement can be chosen and acknowledged at once. A
 * focal point's coordinator lists its own by the member unit holding them, or none. Above it,
 * the activities central planned with the agency, from today on (`ComingActivities`).
 * Opening it marks what arrived as seen (the unread badge).
 */
import { api, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { AssignmentTable } from '../components/assignment-table';
import { byLabel, useAgencies, useMemberUnits } from '../components/agencies';
import { acknowledgeable, BulkAcknowledge, useSelection } from '../components/bulk-acknowledge';
import { ComingActivities } from '../components/coming-activities';
import { Count } from '../components/count';
import {
  filtersFromUrl,
  filtersToUrl,
  QueueFilters,
  queueQuery,
  URL_DEFAULTS,
} from '../components/queue-filters';
import { SearchBox } from '../components/search-box';
import { PageTitle, Pager, ProblemAlert } from '../components/ui';
import { usePaged } from '../data';
import { useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { useVisited } from '../unread';
import { useUrlState } from '../url-state';

export default function Queue() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [url, setUrl] = useUrlState(URL_DEFAULTS);
  const filters = filtersFromUrl(url);
  const coordinator = session.role === 'agency_coordinator';
  // Only a focal point's coordinator has member units' queues to include: an agency with none
  // is offered no choice that would change nothing (as Letters offers no unit picker).
  const members = useMemberUnits(coordinator ? session.agency : null);
  const { nameOf } = useAgencies();
  // "Held by": none yet, or each unit by name (a coordinator of 15 units looks for a name).
  const units = (members.data ?? []).map((m) => ({ value: m, label: nameOf(m) })).sort(byLabel);
  const query = queueQuery(filters, coordinator);
  const now = useServerNow();
  useVisited(session.sub, 'queue');
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/queue', {
          params: { query: { ...query, ...(cursor ? { cursor } : { total: 'true' as const }) } },
        }),
      ),
    [JSON.stringify(query)],
  );
  const selection = useSelection(list.items);
  const pending = list.items.some(acknowledgeable);
  return (
    <section>
      <PageTitle>{t('queue.title')}</PageTitle>
      <ComingActivities zone={session.zone} members={query.scope === 'members'} />
      <SearchBox />
      <QueueFilters
        value={filters}
        onChange={(next) => setUrl(filtersToUrl(next))}
        canSeeMembers={coordinator && (members.data?.length ?? 0) > 0}
        units={units}
      />
      <ProblemAlert error={list.error} />
      <Count
        total={list.total}
        shown={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        sentence="queue.total"
      />
      {/* Mounted while nothing is pending too: what the last run did is still said. */}
      <BulkAcknowledge selection={selection} onDone={list.reload} offered={pending} />
      <AssignmentTable
        items={list.items}
        zone={session.zone}
        now={now ?? new Date()}
        showAgency={query.scope === 'members'}
        showForwarded
        loading={list.loading}
        error={list.error}
        caption={t('queue.title')}
        selection={pending ? selection : undefined}
      />
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}
