/**
 * Documents as PDF (issue 15): the walk-in receipt, a letter's PDF, and the letters of one
 * case. The PDFs come from the API with the session's token, so they are fetched and saved
 * rather than linked.
 */
import { AgencyName } from './agencies';
import { useEffect, useState } from 'react';
import { api, download, type Schemas, unwrap } from '../api/client';
import { allItems, useLoad } from '../data';
import type { TimeZone } from '../format';
import { labelOf, stepLabel, useI18n } from '../i18n/i18n';
import { ProblemAlert, StatusBadge, Time } from './ui';
import './documents.css';

const fileName = (prefix: string, number: string | null, id: string) =>
  `${prefix}-${(number ?? id).replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;

/** The walk-in receipt (tanda terima pengaduan): central, for a case registered at the desk. */
export function ReceiptButton({ kase }: { kase: Schemas['Case'] }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="receipt">
      <button
        type="button"
        className="primary"
        onClick={() => {
          setError(null);
          download(
            `/v1/cases/${kase.id}/receipt/pdf`,
            fileName('tanda-terima', kase.agendaNumber, kase.id),
          ).catch(setError);
        }}
      >
        {t('receipt.button')}
      </button>
      <p className="hint">{t('receipt.hint')}</p>
      <ProblemAlert error={error} />
    </div>
  );
}

/** A letter's PDF, for letters written as documents (`pdf`). */
export function LetterPdfButton({ letter }: { letter: Schemas['Notification'] }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  if (!letter.pdf) return null;
  return (
    <>
      <button
        type="button"
        aria-label={t('letterPdf.label', { name: letter.letterNumber ?? letter.subject })}
        onClick={() => {
          setError(null);
          download(
            `/v1/cases/${letter.caseId}/letters/${letter.id}/pdf`,
            fileName('surat', letter.letterNumber, letter.id),
          ).catch(setError);
        }}
      >
        {t('letterPdf.button')}
      </button>
      <ProblemAlert error={error} />
    </>
  );
}

/** How often, and how many times, the list asks again while a forwarding letter is awaited. */
const AWAIT_EVERY_MS = 2_000;
const AWAIT_TIMES = 15;

/** The letters written on one case (an agency: those sent to it), with their PDFs. */
export function CaseLetters({
  caseId,
  zone,
  revision,
  awaiting = [],
}: {
  caseId: string;
  zone: TimeZone;
  /**
   * Changes whenever the case page reloads its case (after an action): the list reloads with it,
   * so that it shows every letter the timeline beside it says was written.
   */
  revision?: unknown;
  /**
   * Agencies whose forwarding letter the ladder is about to write (just forwarded, at `since`):
   * the ladder's first step writes it moments after the forward answered, so the list asks again
   * every 2 s until each has one dated since then, 15 times at most.
   */
  awaiting?: readonly { agencyId: string; since: string }[];
}) {
  const { t } = useI18n();
  const loaded = useLoad(
    () =>
      // All of them: the latest (oldest first) are the ones an officer looks for.
      allItems((cursor) =>
        unwrap(
          api.GET('/v1/notifications', {
            params: { query: { caseId, limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ).then((items) => ({ items })),
    [caseId, revision],
  );
  const [asked, setAsked] = useState(0);
  useEffect(() => setAsked(0), [caseId, revision]);
  const letters = loaded.data?.items;
  const missing =
    letters !== undefined &&
    awaiting.some(
      ({ agencyId, since }) =>
        !letters.some(
          (n) =>
            n.agencyId === agencyId &&
            n.step === 'forwarding' &&
            Date.parse(n.createdAt) >= Date.parse(since),
        ),
    );
  const { reload } = loaded;
  useEffect(() => {
    if (!missing || loaded.loading || asked >= AWAIT_TIMES) return;
    const timer = setTimeout(() => {
      setAsked((n) => n + 1);
      reload();
    }, AWAIT_EVERY_MS);
    return () => clearTimeout(timer);
  }, [missing, loaded.loading, asked, reload]);
  const items = letters ?? [];
  return (
    <section className="card" aria-labelledby="case-letters">
      <h2 id="case-letters">{t('caseLetters.title')}</h2>
      <ProblemAlert error={loaded.error} />
      {!loaded.loading && items.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
      <ul className="plain">
        {items.map((n) => (
          <li key={n.id}>
            <Time at={n.createdAt} zone={zone} /> · <strong>{stepLabel(t, n.step)}</strong> ·{' '}
            <AgencyName id={n.agencyId} /> · <StatusBadge prefix="letterStatus" value={n.status} />
            <LetterStatusNote letter={n} zone={zone} />
            {n.letterNumber ? (
              <div className="muted small">
                {t('caseLetters.number')}: {n.letterNumber}
              </div>
            ) : null}
            <LetterPdfButton letter={n} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What a letter's status badge does not say, beside it: when a queued one goes (held for letter
 * hours, or a retry), why one was not sent (it no longer held when its time came), or that
 * central marked a failed one handled (with central's note, to central only).
 */
export function LetterStatusNote({
  letter,
  zone,
}: {
  letter: Schemas['Notification'];
  zone: TimeZone;
}) {
  const { t } = useI18n();
  const note = letter.sendsAt ? (
    <>
      {t('letters.sendsAt')} <Time at={letter.sendsAt} zone={zone} />
    </>
  ) : letter.cancelled ? (
    `${t('letters.cancelled')} ${labelOf(t, 'letterVoid', letter.cancelled.reason)}`
  ) : letter.handled ? (
    `${t('letters.handled')}${letter.handled.note ? `: “${letter.handled.note}”` : ''}`
  ) : null;
  return note ? <span className="muted small"> · {note}</span> : null;
}
