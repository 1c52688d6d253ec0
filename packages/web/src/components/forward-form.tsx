/** Central forwards a case to agencies, or forwards it again. */
import { ForwardBody } from '@pantau/core/schemas';
import { api, unwrap } from '../api/client';
import { getPath, maxLengthAt } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { openAgencies } from './activity-actions';
import { AgencyPicker, CENTRAL, useAgencies } from './agencies';
import type { CaseFormProps } from './case-actions';
import { TextField } from './field';

/**
 * Forward to several agencies at once, each with its own instructions, found by name with the
 * picker (an agency's suggestion listed first). Agencies with an open assignment are not
 * offered; a redirected or completed one can be chosen again (a re-forward).
 */
export function ForwardForm({ kase, draftKey, gone, onDirty, onChange }: CaseFormProps) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  // Only an assignment still open keeps its agency off the list (as the API says): one that
  // completed can be forwarded again, as a reopened case is, also once it left `reopened`.
  const busy = new Set(openAgencies(kase));
  const suggested = new Set(
    kase.assignments.flatMap((a) =>
      a.redirect?.suggestedAgencyId ? [a.redirect.suggestedAgencyId] : [],
    ),
  );
  return (
    <ActionForm
      gone={gone}
      onDirty={onDirty}
      open={kase.status === 'verified' || kase.status === 'reopened' || suggested.size > 0}
      title={kase.assignments.length > 0 ? t('caseActions.reforward') : t('caseActions.forward')}
      schema={ForwardBody}
      initial={{ picked: {} }}
      draftKey={draftKey}
      submitLabel={t('caseActions.forwardButton')}
      result={(body) =>
        t('caseActions.forwardedTo', {
          agencies: body.assignments.map((a) => nameOf(a.agencyId)).join(', '),
        })
      }
      onDone={onChange}
      send={(body, key) =>
        unwrap(
          api.POST('/v1/cases/{id}/assignments', {
            params: { path: { id: kase.id } },
            body,
            headers: { 'idempotency-key': key },
          }),
        )
      }
      toBody={(values) => forwardBody(values)}
    >
      {(form) => {
        const picked = Object.entries(
          (getPath(form.values, 'picked') ?? {}) as Record<string, { on?: boolean }>,
        )
          .filter(([, v]) => v.on)
          .map(([agencyId]) => agencyId);
        const pickerId = `forward-${kase.id}`;
        form.describe('assignments', { label: t('caseActions.agencies'), id: pickerId });
        return (
          <fieldset>
            <legend>{t('caseActions.agencies')}</legend>
            <AgencyPicker
              inputId={pickerId}
              label={t('caseActions.addAgency')}
              hint={t('caseActions.agenciesHint')}
              error={form.errors.assignments}
              exclude={new Set([...busy, ...picked, CENTRAL])}
              suggested={suggested}
              hold={(message) => form.hold('assignments', message)}
              onPick={(agency) => form.set(`picked.${agency.id}.on`, true)}
            />
            {picked.length > 0 ? (
              <ul className="plain chosen-agencies" aria-label={t('picker.chosen')}>
                {picked.map((agencyId) => (
                  <li key={agencyId}>
                    <p className="chosen">
                      <strong>{nameOf(agencyId)}</strong>
                      {suggested.has(agencyId) ? (
                        <span className="badge">{t('caseActions.suggested')}</span>
                      ) : null}{' '}
                      <button
                        type="button"
                        onClick={() => {
                          form.set(`picked.${agencyId}`, {});
                          // The button goes with the agency: focus back to the picker, not <body>.
                          document.getElementById(pickerId)?.focus();
                        }}
                      >
                        {t('picker.remove', { agency: nameOf(agencyId) })}
                      </button>
                    </p>
                    <TextField
                      form={form}
                      name={`picked.${agencyId}.instructions`}
                      label={t('caseActions.instructionsFor', { agency: nameOf(agencyId) })}
                      maxLength={maxLengthAt(ForwardBody, 'assignments.0.instructions')}
                      multiline
                    />
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        );
      }}
    </ActionForm>
  );
}

/** The forward form's checkboxes and texts as the API's body (validated by its schema after). */
export function forwardBody(values: Record<string, unknown>): unknown {
  const picked = (values.picked ?? {}) as Record<string, { on?: boolean; instructions?: string }>;
  return {
    assignments: Object.entries(picked)
      .filter(([, v]) => v.on)
      .map(([agencyId, v]) => ({
        agencyId,
        ...(v.instructions?.trim() ? { instructions: v.instructions } : {}),
      })),
  };
}
