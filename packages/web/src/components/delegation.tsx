/**
 * A focal point's coordinator hands its assignment to one of its member units, and takes it
 * back (`POST …/delegate`, `memberId: null`). The focal point stays accountable: its deadlines,
 * letters and statistics stay its own.
 */
import { useState } from 'react';
import { DelegateBody } from '@pantau/core/schemas';
import { useAgencies } from '../agency-names';
import { api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { SelectField, TextField } from './field';
import { ProblemAlert } from './ui';

export function Delegation({
  caseId,
  assignment: a,
  onChange,
}: {
  caseId: string;
  assignment: Schemas['Assignment'];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const members = (agencies.data ?? []).filter((m) => m.focalPointId === a.agencyId);
  const path = { id: caseId, agencyId: a.agencyId };
  if (a.delegatedTo) {
    const holder = (agencies.data ?? []).find((m) => m.id === a.delegatedTo)?.name ?? a.delegatedTo;
    return (
      <div className="delegation">
        <ProblemAlert error={error} />
        <button
          type="button"
          disabled={busy}
          aria-busy={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            unwrap(
              api.POST('/v1/cases/{id}/assignments/{agencyId}/delegate', {
                params: { path },
                body: { memberId: null },
              }),
            )
              .then(onChange, setError)
              .finally(() => setBusy(false));
          }}
        >
          {busy ? t('common.working') : t('delegate.takeBack', { agency: holder })}
        </button>
      </div>
    );
  }
  return (
    <ActionForm
      title={t('delegate.title')}
      schema={DelegateBody}
      submitLabel={t('delegate.submit')}
      onDone={onChange}
      send={(body) =>
        unwrap(
          api.POST('/v1/cases/{id}/assignments/{agencyId}/delegate', { params: { path }, body }),
        )
      }
    >
      {(form) =>
        agencies.data && members.length === 0 ? (
          <p className="muted">{t('delegate.noMembers')}</p>
        ) : (
          <>
            <SelectField
              form={form}
              name="memberId"
              label={t('delegate.member')}
              required
              empty=""
              parse={(v) => (v === '' ? undefined : v)}
              options={members.map((m) => ({ value: m.id, label: m.name }))}
            />
            <TextField form={form} name="note" label={t('actions.note')} multiline />
          </>
        )
      }
    </ActionForm>
  );
}
