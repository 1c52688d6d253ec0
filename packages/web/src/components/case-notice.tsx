/**
 * How an agency's case ended or went on, as the API tells it (an assignment's `caseNotice`):
 * closed by central, by the complainant's "satisfied" or their silence, or reopened because the
 * complainant was not satisfied; when, in the reader's zone, and how it was closed. In words,
 * never the code; central's note is never in it (the API sends an agency none).
 */
import type { Schemas } from '../api/client';
import { formatInstant, type TimeZone } from '../format';
import type { MessageKey } from '../i18n/messages';
import { labelOf, useI18n } from '../i18n/i18n';

type Notice = Schemas['CaseNotice'];

const SENTENCES: Record<Notice['code'], MessageKey> = {
  closed_by_central: 'caseNotice.closed_by_central',
  closed_satisfied: 'caseNotice.closed_satisfied',
  closed_unanswered: 'caseNotice.closed_unanswered',
  reopened_unsatisfied: 'caseNotice.reopened_unsatisfied',
};

export function CaseNotice({
  notice,
  zone,
  withdrawn = false,
  className = 'small',
}: {
  notice: Notice | null | undefined;
  zone: TimeZone;
  /** The assignment it is said of was withdrawn: a close by central says that is why. */
  withdrawn?: boolean;
  className?: string;
}) {
  const { t, lang } = useI18n();
  // A code of a later API the console does not know yet: nothing rather than a raw code.
  if (!notice || !(notice.code in SENTENCES)) return null;
  const key =
    withdrawn && notice.code === 'closed_by_central'
      ? 'caseNotice.withdrawnByClose'
      : SENTENCES[notice.code];
  return (
    <div className={className}>
      {t(key, {
        at: formatInstant(notice.at, zone, lang),
        outcome: notice.outcome ? labelOf(t, 'outcome', notice.outcome) : '',
      })}
    </div>
  );
}
