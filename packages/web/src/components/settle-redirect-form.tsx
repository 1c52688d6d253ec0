/** Central settles an agency's "not ours" without forwarding the case again. */
import { WithdrawBody } from '@pantau/core/schemas';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { useAgencies } from './agencies';
import type { CaseFormProps } from './case-actions';
import { TextField } from './field';

/**
 * A redirect ("not ours") the agencies still on the case answer: settled without a re-forward,
 * through the withdraw request (the API settles a redirect so).
 */
export function SettleRedirectForm({
  kase,
  agencyId,
  gone,
  onDirty,
  onChange,
}: Omit<CaseFormProps, 'draftKey'> & { readonly agencyId: string }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const id = kase.id;
  return (
    <ActionForm
      gone={gone}
      onDirty={onDirty}
      title={t('caseActions.settleRedirect', { agency: nameOf(agencyId) })}
      schema={WithdrawBody}
      submitLabel={t('caseActions.settleRedirectSubmit')}
      onDone={onChange}
      send={(body, key) =>
        unwrap(
          api.POST('/v1/cases/{id}/assignments/{agencyId}/withdraw', {
            params: { path: { id, agencyId } },
            body,
            headers: { 'idempotency-key': key },
          }),
        )
      }
    >
      {(form) => (
        <>
          <p className="hint">{t('caseActions.settleRedirectHint')}</p>
          <TextField
            form={form}
            name="reason"
            label={t('caseActions.settleRedirectReason')}
            multiline
            required
          />
        </>
      )}
    </ActionForm>
  );
}
