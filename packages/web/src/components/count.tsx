/** A list's size beside its heading: the API's total, or what is shown with "+" if more pages. */
import { useI18n } from '../i18n/i18n';

export function Count({
  total,
  shown,
  hasMore,
}: {
  total: number | undefined;
  shown: number;
  hasMore: boolean;
}) {
  const { t } = useI18n();
  const n = total ?? shown;
  return (
    <span className="count">
      {n}
      {total === undefined && hasMore ? '+' : ''}
      <span className="visually-hidden"> {t('list.items')}</span>
    </span>
  );
}

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
