import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { useSignedIn } from '../../auth/session-context';
import { AssignmentTable } from '../../components/assignment-table';
import { countText } from '../../components/count';
import { usePaged } from '../../data';
import { useI18n } from '../../i18n/i18n';
import { useServerNow } from '../../server-clock';
import { ByAgency } from './by-agency';
import { focusItem, ListCard, page } from './list-card';

type WorklistQuery = NonNullable<paths['/v1/assignments']['get']['parameters']['query']>;

/**
 * A card of central's worklist (`GET /v1/assignments` with `query`): its assignments in a
 * table, or (`byAgency`) every one of them counted per agency, the worst `AGENCIES_CAP` first
 * (every one on request) with a link to the worklist's page on that filter (`all`).
 */
export function Worklist({
  title,
  short,
  query,
  byAgency,
  all,
}: {
  title: string;
  /** Its name in the desk summary's "Tidak ada: …". */
  short: string;
  query: WorklistQuery;
  byAgency?: boolean;
  /** The worklist page on the same filter, where it has one (`/assignments?overdue=1`). */
  all?: string;
}) {
  const { t } = useI18n();
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
  const [everyAgency, setEveryAgency] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const count = countText(list.total, list.items.length, list.hasMore);
  if (byAgency) {
    const agencies = new Set(list.items.map((a) => a.agencyId)).size;
    return (
      <ListCard
        id={id}
        title={title}
        short={short}
        list={list}
        counted={false}
        // As the card's own sentence counts them: every overdue assignment, and their agencies.
        summary={t('desk.summaryOverdue', {
          n: count,
          agencies: `${agencies}${list.hasMore ? '+' : ''}`,
        })}
      >
        {list.items.length === 0 ? null : (
          <div ref={ref}>
            <ByAgency
              items={list.items}
              complete={!list.hasMore}
              now={now}
              {...(everyAgency ? {} : { rows: AGENCIES_CAP })}
            />
            <p className="more">
              {!everyAgency && agencies > AGENCIES_CAP ? (
                <button
                  type="button"
                  onClick={() => {
                    setEveryAgency(true);
                    focusItem(ref.current, AGENCIES_CAP);
                  }}
                >
                  {t('desk.showAllAgencies', { n: agencies })}
                </button>
              ) : null}{' '}
              {all ? <Link href={all}>{t('desk.seeAll', { n: count })}</Link> : null}
            </p>
          </div>
        )}
      </ListCard>
    );
  }
  return (
    <ListCard id={id} title={title} short={short} list={list} {...(all ? { all } : {})}>
      {(shown) =>
        shown.length === 0 ? null : (
          <AssignmentTable
            items={shown}
            zone={zone}
            now={now ?? new Date()}
            showAgency
            caption={title}
          />
        )
      }
    </ListCard>
  );
}

/** How many agencies the overdue-by-agency card shows before "show all": the worst ten. */
const AGENCIES_CAP = 10;

/** How many overdue assignments the per-agency card reads at most (pages of 100). */
const BY_AGENCY_MAX = 2_000;
