/**
 * Documents as PDF (issue 15): the walk-in receipt, a letter's PDF, and the letters of one
 * case. The PDFs come from the API with the session's token, so they are fetched and saved
 * rather than linked.
 */
import { AgencyName } from './agencies';
import { memo, useEffect, useRef, useState } from 'react';
import { isCentral } from '../auth/session';
import { useSession } from '../auth/session-context';
import { api, download, type Schemas, unwrap } from '../api/client';
import { allItems, useLoad, usePaged } from '../data';
import { Count } from './count';
import { formatDate, type TimeZone } from '../format';
import { labelOf, stepLabel, useI18n } from '../i18n/i18n';
import { Loading, Pager, ProblemAlert, StatusBadge, Time } from './ui';
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

/**
 * When a letter is, as its reader finds it on paper: the date it bears (`datedOn`, a ladder
 * letter's: written at 00:00 on a Saturday, it is dated Monday, the day it goes out), else
 * when it was written.
 */
export function LetterWhen({ letter, zone }: { letter: Schemas['Notification']; zone: TimeZone }) {
  const { lang } = useI18n();
  return letter.datedOn ? (
    <time dateTime={letter.datedOn}>{formatDate(letter.datedOn, lang)}</time>
  ) : (
    <Time at={letter.createdAt} zone={zone} />
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

/**
 * The letters written on one case (an agency: those sent to it; a focal point's coordinator: its
 * own, then each member unit's), with their PDFs, a page at a time, oldest first: the only order
 * the API keeps for one case's letters. A case forwarded to sixty agencies whose ladders ran
 * several overdue episodes holds thousands, and the newest (the ones an officer looks for) are
 * a "Muat lebih banyak" away, never cut off.
 */
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
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/notifications', {
          params: {
            query: {
              caseId,
              limit: 100,
              // Counted on the first page: the page says how many there are in all.
              ...(cursor ? { cursor } : { total: 'true' as const }),
            },
          },
        }),
      ),
    [caseId, revision],
  );
  const awaited = useAwaitedLetters(caseId, revision, awaiting);
  // A letter the watch found that the list has not shown, and no watch before had found, is
  // added to the list where the reader is (once per letter, not on every check). A page under
  // way may bring it: looked at again once it is in.
  const known = useRef(new Set<string>());
  useEffect(() => {
    known.current = new Set();
  }, [caseId, revision]);
  const found = awaited.letters;
  useEffect(() => {
    if (found === undefined || list.loading) return;
    const shown = new Set(list.items.map((n) => n.id));
    const arrived = found.filter((n) => !known.current.has(n.id) && !shown.has(n.id));
    for (const n of found) known.current.add(n.id);
    list.arrived(arrived);
  }, [found, list.loading]);
  const items = list.items;
  return (
    <section className="card" aria-labelledby="case-letters">
      <h2 id="case-letters">{t('caseLetters.title')}</h2>
      {items.length > 0 ? <p className="muted small">{t('caseLetters.oldestFirst')}</p> : null}
      {items.length > 0 ? (
        <Count
          total={list.total}
          shown={items.length}
          hasMore={list.hasMore}
          loading={list.loading}
          sentence="letters.total"
        />
      ) : null}
      <ProblemAlert error={list.error ?? awaited.error} />
      {list.loading && items.length === 0 ? <Loading /> : null}
      {!list.loading && items.length === 0 ? <p className="muted">{t('common.none')}</p> : null}
      <ul className="plain">
        {items.map((n) => (
          <CaseLetter key={n.id} letter={n} zone={zone} />
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}

/**
 * One letter of the list. Kept as it was when a page is added (`memo`: the letters read stay the
 * same objects), so reading on through thousands renders only the new page's.
 */
const CaseLetter = memo(function CaseLetter({
  letter: n,
  zone,
}: {
  letter: Schemas['Notification'];
  zone: TimeZone;
}) {
  const { t } = useI18n();
  return (
    <li>
      <LetterWhen letter={n} zone={zone} /> · <strong>{stepLabel(t, n.step, n.subject)}</strong> ·{' '}
      <AgencyName id={n.agencyId} /> · <StatusBadge prefix="letterStatus" value={n.status} />
      <LetterStatusNote letter={n} zone={zone} />
      {n.letterNumber ? (
        <div className="muted small">
          {t('caseLetters.number')}: {n.letterNumber}
        </div>
      ) : null}
      <LetterPdfButton letter={n} />
    </li>
  );
});

/**
 * Watches for the forwarding letters of `awaiting`. They come last in the case's letters (oldest
 * first), past any page shown, so they are read apart: the case's letters dated since the
 * earliest of those forwards (a few), asked again every 2 s, 15 times at most, until each agency
 * has one.
 */
function useAwaitedLetters(
  caseId: string,
  revision: unknown,
  awaiting: readonly { agencyId: string; since: string }[],
) {
  // The API keeps the letters dated strictly after `since`, and the ladder may write one at the
  // forward's own instant (a manual clock): a millisecond earlier.
  const from =
    awaiting.length === 0
      ? undefined
      : new Date(Math.min(...awaiting.map((a) => Date.parse(a.since))) - 1).toISOString();
  const fresh = useLoad(
    () =>
      from === undefined
        ? Promise.resolve([])
        : allItems((cursor) =>
            unwrap(
              api.GET('/v1/notifications', {
                params: {
                  query: { caseId, since: from, limit: 100, ...(cursor ? { cursor } : {}) },
                },
              }),
            ),
          ),
    [caseId, revision, from],
  );
  const [asked, setAsked] = useState(0);
  useEffect(() => setAsked(0), [caseId, revision, from]);
  const letters = fresh.data;
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
  const { reload } = fresh;
  useEffect(() => {
    if (!missing || fresh.loading || asked >= AWAIT_TIMES) return;
    const timer = setTimeout(() => {
      setAsked((n) => n + 1);
      reload();
    }, AWAIT_EVERY_MS);
    return () => clearTimeout(timer);
  }, [missing, fresh.loading, asked, reload]);
  return { letters, error: fresh.error };
}

/**
 * What a letter's status badge does not say, beside it: when a queued one goes (held for letter
 * hours), that one queued for its retry was refused (why, and when it is tried again), why a
 * failed one was not sent, which addresses the mail service refused (one sent went to the
 * others: which copy did not arrive), why one was not sent (it no longer held when its time
 * came), or that central marked a failed one handled (with central's note, to central only).
 * The refused addresses are officials' of the letter's agency: said to central and to that
 * agency, not to a member unit reading its focal point's letter; so are those one sent again
 * to the addresses it had not reached got the first time.
 */
export function LetterStatusNote({
  letter,
  zone,
}: {
  letter: Schemas['Notification'];
  zone: TimeZone;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const refused = (letter.refusedAddresses ?? []).map((r) => r.address).join(', ');
  // The agency's officials' addresses: named to central and to that agency.
  const mayName = session !== null && (isCentral(session) || session.agency === letter.agencyId);
  const named = mayName ? refused : '';
  const addresses = named ? `; ${t('letters.refusedAddresses', { addresses: named })}` : '';
  const handled = letter.handled
    ? `${t('letters.handled')}${letter.handled.note ? `: “${letter.handled.note}”` : ''}`
    : '';
  const note = letter.failure ? (
    `${t('letters.failed', { reason: t(`letterFailure.${letter.failure}`) })}${addresses}${handled ? `; ${handled}` : ''}`
  ) : letter.status === 'sent' && named ? (
    `${t('letters.partlyRefused', { addresses: named })}${handled ? `; ${handled}` : ''}`
  ) : letter.refused ? (
    <>
      {t('letters.refused', { reason: t(`letterFailure.${letter.refused}`) })}
      {addresses}
      {letter.sendsAt ? (
        <>
          {'; '}
          {t('ladder.letterRetry')} <Time at={letter.sendsAt} zone={zone} />
        </>
      ) : null}
    </>
  ) : letter.sendsAt ? (
    <>
      {t('letters.sendsAt')} <Time at={letter.sendsAt} zone={zone} />
    </>
  ) : letter.cancelled ? (
    `${t('letters.cancelled')} ${labelOf(t, 'letterVoid', letter.cancelled.reason)}`
  ) : handled ? (
    handled
  ) : null;
  // Sent again to the addresses it had not reached: whom it reached the first time.
  const reached =
    letter.reached.length > 0 && mayName
      ? t('letters.reached', { addresses: letter.reached.join(', ') })
      : '';
  if (!note && !reached) return null;
  return (
    <span className="muted small">
      {note ? <> · {note}</> : null}
      {reached ? ` · ${reached}` : null}
    </span>
  );
}
