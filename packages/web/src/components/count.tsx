/**
 * A list's size: the API's total, or what is shown with "+" if more pages. Beside a heading it
 * is a badge ("Antrean 4", "in all" for screen readers); on its own line it is a sentence
 * ("4 surat") from a message with `{n}`. Nothing while the first page loads: a "0" would be wrong.
 */
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';

export function Count({
  total,
  shown,
  hasMore,
  loading = false,
  sentence,
}: {
  total: number | undefined;
  shown: number;
  hasMore: boolean;
  loading?: boolean;
  sentence?: MessageKey;
}) {
  const { t } = useI18n();
  if (loading && shown === 0) return null;
  const n = countText(total, shown, hasMore);
  if (sentence) return <p className="muted count">{t(sentence, { n })}</p>;
  return (
    <span className="count">
      {n}
      <span className="visually-hidden"> {t('list.items')}</span>
    </span>
  );
}

/** A list's size as `Count` says it: the API's total, or what is shown with "+" if more pages. */
export const countText = (total: number | undefined, shown: number, hasMore: boolean): string =>
  `${total ?? shown}${total === undefined && hasMore ? '+' : ''}`;

/** An unread badge: how many arrived since the last visit (nothing when none). */
export function UnreadBadge({ n }: { n: number }) {
  const { t } = useI18n();
  if (n === 0) return null;
  return (
    <span className="badge unread">
      {n}
      <span className="visually-hidden"> {t('list.unread')}</span>
    </span>
  );
}
