/** What every desk card shares: its frame (title, total, problem, loading, empty, more), and paging. */
import type { ReactNode } from 'react';
import { Count } from '../../components/count';
import { Loading, Pager, ProblemAlert } from '../../components/ui';
import type { Paged } from '../../data';
import { useI18n } from '../../i18n/i18n';

/** A desk card: its list's title and total, what went wrong, loading, empty, more. */
export function ListCard<T>({
  id,
  title,
  list,
  counted = true,
  children,
}: {
  id: string;
  title: string;
  list: Paged<T>;
  /** The list's size beside the title; off where the card counts something else (agencies). */
  counted?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title}{' '}
        {counted ? (
          <Count
            total={list.total}
            shown={list.items.length}
            hasMore={list.hasMore}
            loading={list.loading}
          />
        ) : null}
      </h2>
      <ProblemAlert error={list.error} />
      {list.loading && list.items.length === 0 ? <Loading /> : null}
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
      {children}
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}

/** The next page, or the first with its total counted. */
export const page = (cursor: string | undefined) =>
  cursor ? { cursor } : { total: 'true' as const };
