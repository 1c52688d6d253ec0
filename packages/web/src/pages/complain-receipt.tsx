/**
 * What the public form (`complain.tsx`) shows of a complaint sent from it, kept in the tab's
 * history entry (`src/receipt-history.ts`): its receipt, and on the form's own entry (reached
 * by Back) a note that it went.
 */
import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '../api/client';
import { PageTitle, Time } from '../components/ui';
import { publicZone } from '../format';
import { useI18n } from '../i18n/i18n';
import { trackingUrl } from '../track-link';

/**
 * The form's own history entry, reached by Back from the receipt: the complaint went, so no
 * form inviting a second case, but the way to its receipt (a new entry over this one), or to
 * another complaint (forgetting this one's receipt, as from the receipt).
 */
export function Sent({
  subject,
  onShow,
  onAnother,
}: {
  subject: string;
  onShow: () => void;
  /** A new complaint: the tab's history forgets this receipt. */
  onAnother: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="narrow">
      <PageTitle>{t('complain.sentTitle')}</PageTitle>
      <div className="card">
        <p>{t('complain.sentBody', { subject })}</p>
        <p>
          <button type="button" onClick={onShow}>
            {t('complain.sentShow')}
          </button>{' '}
          <button type="button" onClick={onAnother}>
            {t('complain.another')}
          </button>
        </p>
      </div>
    </section>
  );
}

export function Receipt({
  receipt,
  editsLeftOut,
  onAnother,
}: {
  receipt: Schemas['ComplaintReceipt'];
  /** It went as first sent, before changes made after its answer was lost. */
  editsLeftOut: boolean;
  /** A new complaint: the tab's history forgets this receipt. */
  onAnother: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  // The page changed under the user: take focus to the news (screen readers announce it).
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="narrow" aria-labelledby="receipt-title">
      <h1 id="receipt-title" ref={heading} tabIndex={-1}>
        {t('complain.receivedTitle')}
      </h1>
      <div className="card">
        <p>{t('complain.code')}</p>
        <p className="tracking-code">
          <strong>
            <code>{receipt.trackingCode}</code>
          </strong>{' '}
          {/* Never sent again: copied before a closed tab loses it (Back and reload keep it). */}
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(receipt.trackingCode).then(() => setCopied(true))
            }
          >
            {t('complain.copy')}
          </button>
        </p>
        <p role="status">{copied ? t('complain.copied') : null}</p>
        <p className="alert">{t('complain.keepCode')}</p>
        <p>{t('complain.keptInTab')}</p>
        {editsLeftOut ? <p className="alert">{t('complain.editsLeftOut')}</p> : null}
        <p>
          {t('complain.verifyBy')}: <Time at={receipt.verificationDueAt} zone={publicZone()} />
        </p>
        <h2>{t('complain.receipt')}</h2>
        <pre className="prose receipt">{receipt.receipt}</pre>
        <p className="no-print">
          <button type="button" onClick={() => window.print()}>
            {t('complain.print')}
          </button>{' '}
          <a href={trackingUrl(receipt.trackingCode)}>{t('complain.track')}</a>{' '}
          <button type="button" onClick={onAnother}>
            {t('complain.another')}
          </button>
        </p>
      </div>
    </section>
  );
}
