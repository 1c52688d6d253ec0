/**
 * Where approving an extension request would put the deadline, as the API counts it (over the
 * agency's holidays, in its zone), on the desk and on the case page alike. A request made
 * weeks late can move the deadline to a day already past: approving then leaves the agency
 * late all the same, and central reads that before deciding.
 */
import type { TimeZone } from '../format';
import { useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { Time } from './ui';

/** Nothing when there is none (a paused clock runs no deadline, a decided request moves none). */
export function IfApproved({ at, zone }: { at: string | null | undefined; zone: TimeZone }) {
  const { t } = useI18n();
  // The API's clock, as the deadlines are its: past by it, or not yet said (while unknown).
  const now = useServerNow();
  if (!at) return null;
  const past = now !== null && Date.parse(at) < now.getTime();
  return (
    <p className="small if-approved">
      {t('actions.extensionIfApproved')} <Time at={at} zone={zone} />
      {past ? (
        <>
          {' — '}
          <strong className="still-late">{t('actions.extensionStillLate')}</strong>
        </>
      ) : null}
    </p>
  );
}
