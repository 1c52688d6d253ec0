/**
 * What central does about a letter that failed to send, on the desk: send it again to the
 * agency's contacts as they are now (once corrected on the agencies page), or mark it handled
 * without sending, saying how (delivered by telephone, or no longer needed). Each says what it
 * did on the page's result line (`ActionResultProvider`, which takes focus: the letter, and
 * the button pressed, then leave the list) and calls `onDone`.
 */
import { useState } from 'react';
import { DismissLetterBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ActionForm, useActionResult } from './action-form';
import { useAgencies } from './agencies';
import { TextField } from './field';
import { ProblemAlert, saying } from './ui';

type Letter = Schemas['Notification'];

export function FailedLetterActions({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  return (
    <>
      <ResendLetter letter={letter} onDone={onDone} />
      <DismissLetter letter={letter} onDone={onDone} />
    </>
  );
}

function ResendLetter({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  const { t } = useI18n();
  const announce = useActionResult();
  const { nameOf } = useAgencies();
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
      setError(
        saying(
          'validation_failed',
          t('desk.resendNoAddress', { agency }),
        )(saying('invalid_transition', t('desk.resendNotNeeded'))(failure)),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="small">
      <p className="muted">{t('desk.resendHint', { agency })}</p>
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
