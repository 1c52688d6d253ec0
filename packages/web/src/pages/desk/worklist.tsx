import { useEffect } from 'react';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { useSignedIn } from '../../auth/session-context';
import { AssignmentTable } from '../../components/assignment-table';
import { usePaged } from '../../data';
import { useServerNow } from '../../server-clock';
import { ByAgency } from './by-agency';
import { ListCard, page } from './list-card';

type WorklistQuery = NonNullable<paths['/v1/assignments']['get']['parameters']['query']>;

/**
 * A card of central's worklist (`GET /v1/assignments` with `query`): its assignments in a
 * table, or (`byAgency`) every one of them counted per agency.
 */
export function Worklist({
  title,
  query,
  byAgency,
}: {
  title: string;
  query: WorklistQuery;
  byAgency?: boolean;
}) {
  const { zone } = useSignedIn();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/assignments', {
          params: { query: { ...query, ...page(cursor) } },
        }),
      ),
    [JSON.stringify(query)],
  );
  const now = useServerNow();
  const id = title.replace(/\W+/g, '-').toLowerCase();
  // Counting per agency needs every overdue assignment, not the first page's: read on, page by
  // page, up to a bound a desk can hold; past it the card says what it counted.
  const readOn = byAgency && list.hasMore && !list.loading && !list.error;
  const bounded = list.items.length < BY_AGENCY_MAX;
  useEffect(() => {
    if (readOn && bounded) list.loadMore();
  }, [readOn, bounded, list]);
  return (
    <ListCard id={id} title={title} list={list} counted={!byAgency}>
      {list.items.length === 0 ? null : byAgency ? (
        <ByAgency items={list.items} complete={!list.hasMore} now={now} />
      ) : (
        <AssignmentTable
          items={list.items}
          zone={zone}
          now={now ?? new Date()}
          showAgency
          caption={title}
        />
      )}
    </ListCard>
  );
}

/** How many overdue assignments the per-agency card reads at most (pages of 100). */
const BY_AGENCY_MAX = 2_000;
