/**
 * A date field's value said back in words under it. The browser shows a date in its own
 * language's order: in an English-locale browser "03/04/2026" is 4 March, which an officer reads
 * as 3 April. So the field says the day it holds ("Jumat, 3 April 2026"), and for a date and
 * time the hour and the zone it is read in ("…, pukul 10.00 WITA"), before anything is sent.
 */
import { formatClock, formatDateLong, readLocalValue, type TimeZone } from '../format';
import { useI18n } from '../i18n/i18n';

/** The id of the words under the field `id`, for its aria-describedby. */
export const dateWordsId = (id: string) => `${id}-words`;

/**
 * Its id when the field's value has words to say (a whole, existing day), for the field's
 * aria-describedby; '' when it has none.
 */
export const dateWordsRef = (id: string, value: string | undefined): string =>
  value && readLocalValue(value) ? dateWordsId(id) : '';

/**
 * The words for the value of the `date` or `datetime-local` input `id` (`zone`: the zone its
 * time is read in, named after the hour). Always in the page, empty while the field is empty or
 * holds no whole day: a live region announces a change only when it was there before it.
 */
export function DateWords({
  id,
  value,
  zone,
}: {
  id: string;
  value: string | undefined;
  zone?: TimeZone | undefined;
}) {
  const { t, lang } = useI18n();
  const read = value ? readLocalValue(value) : null;
  const date = read ? formatDateLong(read.date, lang) : '';
  const words = !read
    ? ''
    : read.time === undefined
      ? date
      : t(zone ? 'field.dateTimeZoneWords' : 'field.dateTimeWords', {
          date,
          time: formatClock(read.time, lang),
          zone: zone ? t(`zone.${zone}`) : '',
        });
  return (
    <p className="hint date-words" id={dateWordsId(id)} aria-live="polite">
      {words}
    </p>
  );
}
