import { Link } from 'wouter';
import { useSignedIn } from '../../auth/session-context';
import { useDeclaredYears } from '../../components/deadlines';
import { dateIn, type TimeZone } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useServerNow } from '../../server-clock';

/**
 * The years whose holidays the calendar has not declared complete although deadlines now fall
 * in them: this year, and from October the next (a target runs up to 60 working days, about
 * three months; the government publishes next year's holidays and cuti bersama around then).
 */
export function undeclaredYears(today: string, declared: readonly number[]): number[] {
  const year = Number(today.slice(0, 4));
  const wanted = today.slice(5) >= '10-01' ? [year, year + 1] : [year];
  return wanted.filter((y) => !declared.includes(y));
}

/** A year without its holidays, said where central looks every day (the admin can fix it). */
export function CalendarNotice({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const { role } = useSignedIn();
  const now = useServerNow();
  const declared = useDeclaredYears();
  if (!now || !declared) return null;
  return undeclaredYears(dateIn(now, zone), declared).map((year) => (
    <p className="alert" key={year}>
      {t('desk.calendarUndeclared', { year })}{' '}
      {role === 'central_admin' ? (
        <Link href="/admin/calendar">{t('desk.calendarOpen')}</Link>
      ) : (
        t('desk.calendarAskAdmin')
      )}
    </p>
  ));
}
