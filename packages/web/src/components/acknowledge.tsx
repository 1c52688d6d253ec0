/** An agency's acknowledgement of an assignment forwarded to it. */
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n';
import { useActionResult, useReadAgain } from './action-form';
import { useAgencies } from './agencies';
import { ProblemAlert } from './ui';

/**
 * The agency's acknowledgement of a pending assignment: one button, the first thing its card
 * offers, above central's instructions (four paragraphs of them put it 1,500 px down a phone's
 * page, past the first screen). A refusal stays said once the button has gone with the read
 * (central withdrew the assignment meanwhile).
 */
export function Acknowledge({
  caseId,
  assignment: a,
  onChange,
}: {
  caseId: string;
  assignment: Schemas['Assignment'];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const reader = useSession().session?.agency;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const announce = useActionResult();
  const readAgain = useReadAgain();
  // A focal point's people acknowledging what one of its member units holds: said first, as
  // above the forms (`AssignmentActions`).
  const heldBy =
    a.state === 'pending' && a.delegatedTo && a.delegatedTo !== reader
      ? nameOf(a.delegatedTo)
      : null;
  return (
    <>
      <ProblemAlert error={error} />
      {heldBy ? (
        <p className="hint">
          {t('delegate.answeringHeld', { unit: heldBy, agency: nameOf(a.agencyId) })}
        </p>
      ) : null}
      {a.state === 'pending' ? (
        <p className="acknowledge">
          <button
            type="button"
            className="primary"
            disabled={busy}
            aria-busy={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              unwrap(
                api.POST('/v1/cases/{id}/assignments/{agencyId}/acknowledge', {
                  params: { path: { id: caseId, agencyId: a.agencyId } },
                  body: {},
                }),
              )
                .then(
                  () => {
                    announce?.(`${t('actions.acknowledge')}: ${t('common.saved')}`);
                    onChange();
                  },
                  (e: unknown) => setError(readAgain(e, t('actions.acknowledgeReadAgain'))),
                )
                .finally(() => setBusy(false));
            }}
          >
            {busy ? t('common.working') : t('actions.acknowledge')}
          </button>
        </p>
      ) : null}
    </>
  );
}
