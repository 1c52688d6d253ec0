/**
 * Central plans a monitoring activity on a case (a clarification, a mediation, a case
 * conference): its kind and date, the agencies taking part, the participants and the plan.
 */
import { useMemo } from 'react';
import { ActivityKindSchema, PlanActivityBody } from '@pantau/core/schemas';
import { api, unwrap } from '../api/client';
import { compact, type Values } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { openAgencies, partHeld } from './activity-actions';
import {
  ActivityAgencies,
  HiddenIdentityNote,
  LocalTimeField,
  Participants,
  participantLines,
} from './activity-fields';
import type { CaseFormProps } from './case-actions';
import { SelectField, TextField } from './field';

/**
 * The agencies taking part are by default those still working on the case, and follow them as
 * the case is read again (a forward, a withdrawal) until central changes the list: the form
 * stays open, and what was typed stays, through a reload.
 */
export function PlanForm({ kase, draftKey, gone, onDirty, onChange }: CaseFormProps) {
  const { t } = useI18n();
  const id = kase.id;
  const working = openAgencies(kase).join(',');
  const planInitial = useMemo(() => ({ agencyIds: working ? working.split(',') : [] }), [working]);
  return (
    <ActionForm
      // Defaults, not a record's values: a plan sent overwrites nothing (no colleague's notice).
      follow="defaults"
      gone={gone}
      onDirty={onDirty}
      title={t('caseActions.plan')}
      schema={PlanActivityBody}
      initial={planInitial}
      toBody={planBody}
      draftKey={draftKey}
      submitLabel={t('actions.save')}
      onDone={onChange}
      send={(body, key) =>
        unwrap(
          api.POST('/v1/cases/{id}/activities', {
            params: { path: { id } },
            body,
            headers: { 'idempotency-key': key },
          }),
        )
      }
    >
      {(form) => (
        <>
          <HiddenIdentityNote kase={kase} />
          <SelectField
            form={form}
            name="kind"
            label={t('caseActions.activityKind')}
            required
            empty=""
            options={ActivityKindSchema.options.map((k) => ({
              value: k,
              label: labelOf(t, 'activity', k),
            }))}
          />
          <LocalTimeField form={form} name="scheduledAt" label={t('caseActions.scheduledAt')} />
          <TextField
            form={form}
            name="venue"
            label={t('caseActions.venue')}
            hint={t('caseActions.venueHint')}
          />
          <ActivityAgencies form={form} onCase={partHeld(kase)} />
          <Participants form={form} />
          <TextField form={form} name="plan" label={t('caseActions.planText')} multiline />
        </>
      )}
    </ActionForm>
  );
}

/** The plan form's values as the body: the participants typed one a line, as a list. */
export function planBody(values: Values): unknown {
  const { participants, agencyIds, ...rest } = compact(values) as Values;
  const people = participantLines(participants);
  const agencies = Array.isArray(agencyIds) ? agencyIds : [];
  return {
    ...rest,
    ...(agencies.length > 0 ? { agencyIds: agencies } : {}),
    ...(people.length > 0 ? { participants: people } : {}),
  };
}
