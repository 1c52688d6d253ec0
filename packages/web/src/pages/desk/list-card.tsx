/**
 * What every desk card shares: its frame (title, total, problem, loading, empty, more), paging,
 * its line in the desk's summary, and the desk's caps (a long list shows its first few).
 */
import { type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Count, countText } from '../../components/count';
import { Loading, Pager, ProblemAlert } from '../../components/ui';
import type { Paged } from '../../data';
import { useI18n } from '../../i18n/i18n';
import { DeskReport } from './summary';

/** How many items a desk card shows before "Lihat semua" (about a screen of cards). */
export const DESK_CAP = 5;

/**
 * A desk card: its list's title and total, what went wrong, loading, empty, more. On the desk
 * it reports its line to the summary, and a list that was empty when read takes no card (the
 * summary names it); one emptied while the page is open stays, with what was done said in it.
 */
export function ListCard<T>({
  id,
  title,
  short,
  summary,
  list,
  counted = true,
  all,
  children,
}: {
  id: string;
  title: string;
  /** Its name in the summary's "Tidak ada: …" (the title, lower-cased, if none). */
  short?: string;
  /** What its summary link says, where the card counts something else (agencies). */
  summary?: string;
  list: Paged<T>;
  /** The list's size beside the title; off where the card counts something else (agencies). */
  counted?: boolean;
  /**
   * The full list's page (the register on that status), where one exists: a capped card links
   * "Lihat semua (N)" there; without one it shows the rest in place on request.
   */
  all?: string;
  /** The items to show (the first `DESK_CAP` until more are asked for), or the card's body. */
  children: ReactNode | ((shown: readonly T[]) => ReactNode);
}) {
  const { t, lang } = useI18n();
  const report = useContext(DeskReport);
  const count = countText(list.total, list.items.length, list.hasMore);
  const nothing = !list.loading && !list.error && list.items.length === 0 && !list.hasMore;
  const state = list.error
    ? 'failed'
    : list.loading && list.items.length === 0
      ? 'loading'
      : nothing
        ? 'empty'
        : 'listed';
  // Said in a sentence: "6 permintaan perpanjangan …", not a title's capital mid-line.
  const text = summary ?? `${count} ${title.charAt(0).toLocaleLowerCase(lang)}${title.slice(1)}`;
  const named = short ?? title.charAt(0).toLowerCase() + title.slice(1);
  useEffect(() => {
    report?.({ id, title, short: named, text, state });
  }, [report, id, title, named, text, state]);
  // Once it listed something, the card stays where it is until the desk is read again.
  const [held, setHeld] = useState(false);
  const listed = list.items.length > 0;
  useEffect(() => {
    if (listed) setHeld(true);
  }, [listed]);
  const [expanded, setExpanded] = useState(false);
  const capped = typeof children === 'function' && !expanded && list.items.length > DESK_CAP;
  const shown = capped ? list.items.slice(0, DESK_CAP) : list.items;
  const ref = useRef<HTMLElement>(null);
  if (report && nothing && !held) return null;
  return (
    <section className="card" aria-labelledby={id} ref={ref}>
      {/* Focusable: the summary's link moves the focus here. */}
      <h2 id={id} tabIndex={-1}>
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
      {typeof children === 'function' ? children(shown) : children}
      {capped ? (
        all ? (
          <p className="more">
            <Link href={all}>{t('desk.seeAll', { n: count })}</Link>
          </p>
        ) : (
          <p className="more">
            <button
              type="button"
              onClick={() => {
                setExpanded(true);
                focusItem(ref.current, DESK_CAP);
              }}
            >
              {t('desk.showAll', { n: count })}
            </button>
          </p>
        )
      ) : (
        <Pager
          hasMore={list.hasMore}
          loading={list.loading}
          onMore={() => {
            // Read on, past the cap: what the reader asked for stays shown.
            setExpanded(true);
            list.loadMore();
          }}
        />
      )}
    </section>
  );
}

/**
 * The focus, from a "show all" button about to go, to the first item it brought (its link):
 * where the reader goes on from, not the page's start. After React has drawn them.
 */
export function focusItem(card: HTMLElement | null, index: number) {
  setTimeout(() => {
    const item = card?.querySelectorAll('li, tbody tr')[index];
    item?.querySelector<HTMLElement>('a, button')?.focus();
  });
}

/** The next page, or the first with its total counted. */
export const page = (cursor: string | undefined) =>
  cursor ? { cursor } : { total: 'true' as const };
