/** An agency's queue: soonest deadline first, overdue and due-soon marked, filters, pages. */
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { AssignmentTable } from '../components/assignment-table';
import { NO_FILTERS, QueueFilters, queueQuery } from '../components/queue-filters';
import { SearchBox } from '../components/search-box';
import { PageTitle, Pager, ProblemAlert } from '../components/ui';
import { usePaged } from '../data';
import { useI18n } from '../i18n/i18n';

export default function Queue() {
  const { t } = useI18n();
  const session = useSignedIn();
  const [filters, setFilters] = useState(NO_FILTERS);
  const coordinator = session.role === 'agency_coordinator';
  const query = queueQuery(filters, coordinator);
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/queue', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } }),
      ),
    [JSON.stringify(query)],
  );
  return (
    <section>
      <PageTitle>{t('queue.title')}</PageTitle>
      <SearchBox />
      <QueueFilters value={filters} onChange={setFilters} canSeeMembers={coordinator} />
      <ProblemAlert error={list.error} />
      <AssignmentTable
        items={list.items}
        zone={session.zone}
        now={new Date()}
        showAgency={query.scope === 'members'}
        caption={t('queue.title')}
      />
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}
