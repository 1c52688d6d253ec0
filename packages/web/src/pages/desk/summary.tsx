/**
 * The desk's first screen: what needs attention today, each list's count linked to its card
 * (focus moves there), and the lists with nothing in them named in one line (their cards are
 * left out). Each card reports its line here as it loads (`ListCard`).
 */
import { createContext, type MouseEvent, useCallback, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

/** One list's line in the summary, as its card reports it. */
export interface DeskEntry {
  /** Its card's heading: where the summary's link goes. */
  readonly id: string;
  readonly title: string;
  /** Its name in "Tidak ada: …". */
  readonly short: string;
  /** What the link says: the count and the title, as the card says them. */
  readonly text: string;
  readonly state: 'loading' | 'failed' | 'empty' | 'listed';
}

/** Where a card reports its line; null outside the desk (no summary, every card shown). */
export const DeskReport = createContext<((entry: DeskEntry) => void) | null>(null);

/** The lines reported so far, in the order the cards first reported them (the page's order). */
export function useDeskEntries(): [readonly DeskEntry[], (entry: DeskEntry) => void] {
  const [entries, setEntries] = useState<ReadonlyMap<string, DeskEntry>>(new Map());
  const report = useCallback((entry: DeskEntry) => {
    setEntries((prev) => {
      const old = prev.get(entry.id);
      if (
        old &&
        old.text === entry.text &&
        old.state === entry.state &&
        old.title === entry.title &&
        old.short === entry.short
      )
        return prev;
      // A key set again keeps its place.
      return new Map(prev).set(entry.id, entry);
    });
  }, []);
  return [[...entries.values()], report];
}

/** The summary: a link to each list with something in it, the empty ones in one line. */
export function DeskSummary({ entries }: { entries: readonly DeskEntry[] }) {
  const { t } = useI18n();
  const shown = entries.filter((e) => e.state === 'listed' || e.state === 'failed');
  const empty = entries.filter((e) => e.state === 'empty');
  const loading = entries.some((e) => e.state === 'loading');
  return (
    <nav className="card desk-summary" aria-labelledby="desk-summary">
      <h2 id="desk-summary">{t('desk.summary')}</h2>
      {shown.length > 0 ? (
        <ul>
          {shown.map((e) => (
            <li key={e.id}>
              <a href={`#${e.id}`} onClick={(event) => jump(event, e.id)}>
                {e.state === 'failed' ? `${e.title}: ${t('desk.summaryFailed')}` : e.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {loading ? <p className="muted small">{t('common.loading')}</p> : null}
      {empty.length > 0 ? (
        <p className="muted small">
          {t('desk.summaryNone', { lists: empty.map((e) => e.short).join(', ') })}
        </p>
      ) : null}
    </nav>
  );
}

/**
 * To the list's heading, focused: a keyboard's next Tab goes on from there, and a screen
 * reader reads its title (a bare in-page anchor only scrolls).
 */
function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
  // A new tab or window (a modifier, another button) opens the desk at the anchor as it is.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const heading = document.getElementById(id);
  if (!heading) return;
  event.preventDefault();
  heading.focus();
}
