/**
 * What central does about a letter that failed to send, on the desk: send it again to the
 * agency's contacts as they are now (once corrected on the agencies page), or mark it handled
 * without sending, saying how (delivered by telephone, or no longer needed); and, for an
 * agency's failed letters together, send every one still current again and close the others
 * (`ResendAll`). Each says what it did on the page's result line (`ActionResultProvider`, which
 * takes focus: the letter, and the button pressed, then leave the list) and calls `onDone`.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { DismissLetterBody } from '@pantau/core/schemas';
import { allPages, api, ApiError, type Schemas, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { type Loaded, useLoad } from '../data';
import { useI18n } from '../i18n/i18n';
import { ActionForm, useActionResult } from './action-form';
import { useAgencies } from './agencies';
import { TextField } from './field';
import { ImpactQuestion } from './impact-question';
import { ProblemAlert, saying } from './ui';

type Letter = Schemas['Notification'];

/** Said on the window when central acted on failed letters: every reader of them reads again. */
const CHANGED = 'pantau:failed-letters-changed';

/** Central acted on failed letters: the desk's failed-letters card and its flags read again. */
export const failedLettersChanged = () => window.dispatchEvent(new Event(CHANGED));

type FailedLetterGroups = Loaded<Schemas['FailedLetterGroups']>;

/** The desk's one read of the failed letters per agency, shared by its cards (`FailedLetterGroupsRead`). */
const SharedGroups = createContext<FailedLetterGroups | null>(null);

/**
 * The failed letters per agency (`GET /v1/notifications/failed/agencies`), read again whenever
 * central acts on one (`failedLettersChanged`): the failed-letters card and the
 * overdue-by-agency card's flag say the same, without a page reload between them. Under
 * `FailedLetterGroupsRead` (the desk) both read its one request: the summary reads up to 2,000
 * letters, and each card asked for it.
 */
export function useFailedLetterGroups(): FailedLetterGroups {
  const shared = useContext(SharedGroups);
  const own = useGroupsRead(shared === null);
  return shared ?? own;
}

/** One read of the failed letters per agency for the cards inside. */
export function FailedLetterGroupsRead({ children }: { children: ReactNode }) {
  return <SharedGroups.Provider value={useGroupsRead(true)}>{children}</SharedGroups.Provider>;
}

/** The read itself, when `wanted` (else none: a shared one serves). */
function useGroupsRead(wanted: boolean): FailedLetterGroups {
  const loaded = useLoad(
    () =>
      wanted ? unwrap(api.GET('/v1/notifications/failed/agencies')) : Promise.resolve(undefined),
    [wanted],
  );
  const { reload } = loaded;
  useEffect(() => {
    if (!wanted) return;
    window.addEventListener(CHANGED, reload);
    return () => window.removeEventListener(CHANGED, reload);
  }, [reload, wanted]);
  return loaded as FailedLetterGroups;
}

export function FailedLetterActions({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  return (
    <>
      {/* One sent with an address refused goes again to the addresses it did not reach. */}
      <ResendLetter letter={letter} onDone={onDone} />
      <DismissLetter letter={letter} onDone={onDone} />
    </>
  );
}

function ResendLetter({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  const { t } = useI18n();
  const announce = useActionResult();
  const { nameOf } = useAgencies();
  const { role } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const agency = nameOf(letter.agencyId);
  const resend = async () => {
    setBusy(true);
    setError(null);
    try {
      const sent = await unwrap(
        api.POST('/v1/cases/{id}/letters/{letterId}/resend', {
          params: { path: { id: letter.caseId, letterId: letter.id } },
        }),
      );
      announce?.(t('desk.resent', { agency, to: sent.recipients.join(', ') }));
      onDone();
    } catch (failure) {
      // The agencies page is an admin's: an officer is told to ask one.
      const noAddress =
        role === 'central_admin' ? 'desk.resendNoAddress' : 'desk.resendNoAddressOfficer';
      setError(
        saying(
          'validation_failed',
          t(noAddress, { agency }),
        )(saying('invalid_transition', t('desk.resendNotNeeded'))(failure)),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="small">
      {/* What to correct first is said once for the agency's letters, above them. */}
      <button type="button" disabled={busy} aria-busy={busy} onClick={() => void resend()}>
        {t('desk.resend')}
      </button>
      <ProblemAlert error={error} />
    </div>
  );
}

/** Central marks a failed letter handled without sending it again, saying how. */
function DismissLetter({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  const { t } = useI18n();
  const announce = useActionResult();
  const agency = useAgencies().nameOf(letter.agencyId);
  return (
    <ActionForm
      title={t('desk.dismiss')}
      schema={DismissLetterBody}
      submitLabel={t('desk.dismissSubmit')}
      onDone={() => {
        announce?.(t('desk.dismissed', { agency }));
        onDone();
      }}
      send={(body) =>
        unwrap(
          api.POST('/v1/cases/{id}/letters/{letterId}/dismiss', {
            params: { path: { id: letter.caseId, letterId: letter.id } },
            body,
          }),
        )
      }
    >
      {(form) => (
        <TextField
          form={form}
          name="note"
          label={t('desk.dismissNote')}
          hint={t('desk.dismissHint')}
          multiline
          required
        />
      )}
    </ActionForm>
  );
}

/** What became of one letter of `ResendAll`. */
type Outcome = 'resent' | 'closed' | 'handled' | 'noAddress';

const codeOf = (failure: unknown) =>
  failure instanceof ApiError ? failure.problem?.code : undefined;

/**
 * One failed letter sent again, or closed when it no longer holds: the resend's 409 says the
 * letter is no longer failed or no longer true, and the dismissal that follows tells them apart
 * (a letter a colleague sent again or closed meanwhile answers it 409 too: `handled`, nothing
 * done twice). A 400 is an address still missing (`noAddress`, left failed). Anything else
 * (the network, the API down) is thrown: the letter stays failed, and a second press starts
 * again from the letters still failed, so nothing is sent or closed twice.
 */
async function resendOrClose(letter: Letter, note: string): Promise<Outcome> {
  const path = { id: letter.caseId, letterId: letter.id };
  try {
    await unwrap(api.POST('/v1/cases/{id}/letters/{letterId}/resend', { params: { path } }));
    return 'resent';
  } catch (failure) {
    if (codeOf(failure) === 'validation_failed') return 'noAddress';
    if (codeOf(failure) !== 'invalid_transition') throw failure;
  }
  try {
    await unwrap(
      api.POST('/v1/cases/{id}/letters/{letterId}/dismiss', { params: { path }, body: { note } }),
    );
    return 'closed';
  } catch (failure) {
    if (codeOf(failure) === 'invalid_transition') return 'handled';
    throw failure;
  }
}

/**
 * An agency's failed letters at one press, once its address is corrected: each still failed is
 * sent again, and one no longer true (its warned deadline passed, its targets met, its
 * assignment ended) is closed with a fixed note saying why, one after another over the
 * letters' own endpoints; then the outcome in a sentence ("12 dikirim ulang, 7 ditutup karena
 * sudah tidak berlaku"). 19 letters took 19 "Kirim ulang" clicks, and 17 refused as out of date
 * each a note typed by hand. Asks first: a letter closed is not opened again.
 */
export function ResendAll({
  agencyId,
  count,
  onDone,
}: {
  agencyId: string;
  count: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const announce = useActionResult();
  const agency = useAgencies().nameOf(agencyId);
  const [asking, setAsking] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setAsking(false);
    setError(null);
    const tally: Record<Outcome, number> = { resent: 0, closed: 0, handled: 0, noAddress: 0 };
    let total = 0;
    let done = 0;
    let stopped = false;
    setProgress({ done, total: count });
    try {
      // The letters as they stand now (a colleague may have acted on some since the desk read);
      // one sent with an address refused goes again to the addresses it did not reach.
      const letters = await allPages((cursor) =>
        unwrap(
          api.GET('/v1/notifications/failed', {
            params: { query: { agencyId, limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      );
      total = letters.length;
      for (const letter of letters) {
        tally[await resendOrClose(letter, t('desk.closedNote'))] += 1;
        done += 1;
        setProgress({ done, total });
      }
    } catch (failure) {
      stopped = true;
      setError(failure);
    } finally {
      setProgress(null);
    }
    const parts = [
      tally.resent > 0 ? t('desk.resendAllResent', { n: tally.resent }) : null,
      tally.closed > 0 ? t('desk.resendAllClosed', { n: tally.closed }) : null,
      tally.handled > 0 ? t('desk.resendAllHandled', { n: tally.handled }) : null,
      tally.noAddress > 0 ? t('desk.resendAllNoAddress', { n: tally.noAddress }) : null,
    ].filter((part) => part !== null);
    const outcome = t('desk.resendAllDone', {
      agency,
      parts: parts.length > 0 ? parts.join(', ') : t('desk.resendAllNothing'),
    });
    announce?.(
      stopped && total > 0 ? `${outcome} ${t('desk.resendAllStopped', { done, total })}` : outcome,
    );
    onDone();
  };

  return (
    <div className="small resend-all">
      {asking ? (
        <ImpactQuestion
          question={t('desk.resendAllAsk', { n: count, agency })}
          yes={t('desk.resendAllYes')}
          busy={false}
          asking={asking}
          onConfirm={() => void run()}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <button
          type="button"
          disabled={progress !== null}
          aria-busy={progress !== null}
          onClick={() => setAsking(true)}
        >
          {progress ? t('desk.resendAllProgress', progress) : t('desk.resendAll', { n: count })}
        </button>
      )}
      <ProblemAlert error={error} />
    </div>
  );
}
