/** Central verifies and classifies a case: accept, ask for what is missing, or reject. */
import { useMemo } from 'react';
import { phoneForReading, RESTATE_HIDDEN_EMAIL, VerificationBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { compact, getPath, type Values } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import type { CaseFormProps } from './case-actions';
import { CheckboxField, SelectField, TextField } from './field';
import { forAgencies } from './restatement';
import { useSavedSince } from './ui';

/**
 * Verification and classification: accept (and forward next), ask the complainant for what is
 * missing, or reject; the subject and the complaint restated for the agencies. Decided on the
 * case's version the page showed: a colleague's decision since is a 409, said with the latest to
 * load (the text kept). Fields left as they were follow the case as it is read again.
 */
export function VerifyForm({ kase, draftKey, gone, onDirty, onChange }: CaseFormProps) {
  const { t } = useI18n();
  const id = kase.id;
  // The API takes needs_info without saying what is missing (older clients); the console
  // always asks, since the complainant is shown it on the tracking page (or, on a confidential
  // report, whose tracking page leaves it out, central tells them itself).
  const verification = useMemo(
    () =>
      VerificationBody.refine((b) => b.decision !== 'needs_info' || b.missing !== undefined, {
        path: ['missing'],
        message: 'caseActions.missingRequired',
      })
        // A rejection is final: the complainant is told why (the tracking page, or central
        // itself on a confidential report), so the console asks for the reason as for what is
        // missing (the API takes it optional, for older clients).
        .refine((b) => b.decision !== 'reject' || b.reason !== undefined, {
          path: ['reason'],
          message: 'caseActions.rejectReasonRequired',
        })
        .refine(
          // An e-mail's text carries its signature: the agencies read it only as central restates it.
          (b) =>
            b.decision !== 'accept' ||
            kase.channel !== 'email' ||
            !(kase.identityHidden || b.identityHidden) ||
            (b.description ?? kase.agencyDescription ?? null) !== null,
          { path: ['description'], message: RESTATE_HIDDEN_EMAIL },
        ),
    [t, kase],
  );
  const decidedSince = useSavedSince(t('caseActions.verifySavedSince'), onChange);
  const contact = contactOf(kase);
  const missingHint = !kase.confidential
    ? t('caseActions.missingHint')
    : contact !== null
      ? t('caseActions.missingHintConfidential', { contact })
      : t('caseActions.missingHintUnreachable');
  return (
    <ActionForm
      // A subject restated meanwhile (needs_info keeps the form) shows, unless central
      // restated it here: then the colleague's is said at the field, to take or leave before
      // sending (it would otherwise be overwritten on the version read again).
      follow
      gone={gone}
      onDirty={onDirty}
      open
      title={t('caseActions.verify')}
      schema={verification}
      initial={{ subject: kase.subject, description: forAgencies(kase) }}
      draftKey={draftKey}
      // Named after the decision: "Simpan" said nothing of a rejection, which is final.
      submitLabel={(values) =>
        isDecision(values.decision)
          ? t(`caseActions.verifySubmit.${values.decision}`)
          : t('actions.save')
      }
      confirm={(body) =>
        body.decision === 'reject'
          ? {
              message: t('caseActions.rejectConfirm'),
              label: t('caseActions.rejectConfirmYes'),
            }
          : null
      }
      result={(body) => t(`caseActions.verified.${body.decision}`)}
      onDone={onChange}
      send={(body) =>
        unwrap(api.POST('/v1/cases/{id}/verification', { params: { path: { id } }, body })).catch(
          (e: unknown) => {
            throw decidedSince.refused(e);
          },
        )
      }
      toBody={(values) => verificationBody(values, kase)}
    >
      {(form) => (
        <>
          {decidedSince.reloadButton}
          <SelectField
            form={form}
            name="decision"
            label={t('caseActions.decision')}
            required
            empty=""
            options={(['accept', 'needs_info', 'reject'] as const).map((d) => ({
              value: d,
              label: labelOf(t, 'decision', d),
            }))}
          />
          <SelectField
            form={form}
            name="type"
            label={t('case.type')}
            hint={t('caseActions.typeHint')}
            empty=""
            options={(['light', 'normative', 'examination'] as const).map((x) => ({
              value: x,
              label: labelOf(t, 'type', x),
            }))}
          />
          <TextField form={form} name="category" label={t('caseActions.category')} />
          <TextField
            form={form}
            name="subject"
            label={t('caseActions.subject')}
            hint={t('caseActions.subjectHint')}
          />
          {getPath(form.values, 'decision') === 'needs_info' ? (
            <>
              {/* Nobody could pass the request on: the case would wait in needs_info for ever. */}
              {kase.confidential && contact === null ? (
                <p className="alert">{t('caseActions.missingNobodyTells')}</p>
              ) : null}
              <TextField
                form={form}
                name="missing"
                label={t('caseActions.missing')}
                hint={missingHint}
                required
                multiline
              />
            </>
          ) : null}
          {getPath(form.values, 'decision') === 'reject' ? (
            <TextField
              form={form}
              name="reason"
              label={t('caseActions.rejectReason')}
              required
              hint={t(
                kase.confidential
                  ? 'caseActions.rejectReasonHintConfidential'
                  : 'caseActions.rejectReasonHint',
              )}
              multiline
            />
          ) : null}
          {/* One way: an identity already hidden stays hidden (the API refuses false). */}
          {kase.identityHidden ? null : (
            <CheckboxField
              form={form}
              name="identityHidden"
              label={t('caseActions.identityHidden')}
              hint={t('caseActions.identityHiddenHint')}
            />
          )}
          {/* Hidden from the agencies: what they read of the complaint, restated. */}
          {kase.identityHidden ||
          getPath(form.values, 'identityHidden') === true ||
          (kase.agencyDescription ?? null) !== null ? (
            <TextField
              form={form}
              name="description"
              label={t('caseActions.description')}
              hint={t('caseActions.descriptionHint')}
              multiline
            />
          ) : null}
          <TextField form={form} name="note" label={t('actions.note')} multiline />
        </>
      )}
    </ActionForm>
  );
}

const DECISIONS = ['accept', 'needs_info', 'reject'] as const;
const isDecision = (v: unknown): v is (typeof DECISIONS)[number] =>
  (DECISIONS as readonly unknown[]).includes(v);

/**
 * How central can reach the complainant (e-mail, phone, address), or null when they left none
 * (anonymous, or a name alone): on a confidential report the tracking page leaves out what is
 * missing (case-view.ts), so only this carries the request to them.
 */
function contactOf(kase: Pick<Schemas['Case'], 'complainant'>): string | null {
  const { email, phone, address } = kase.complainant ?? {};
  // The phone as it is dialled (0812-3456-7890), not as stored (+6281234567890).
  const ways = [email, phone && phoneForReading(phone), address].filter((w): w is string =>
    Boolean(w?.trim()),
  );
  return ways.length > 0 ? ways.join('; ') : null;
}

/**
 * The verification form's values as the body: what is missing goes only with needs_info, the
 * reason for the complainant only with reject, the identity's box only when ticked, and the subject and the complaint for the agencies only when
 * central restated them; on the case's `version` the page showed, when given.
 */
export function verificationBody(
  values: Values,
  current?: Pick<Schemas['Case'], 'subject' | 'description' | 'agencyDescription'> &
    Partial<Pick<Schemas['Case'], 'version'>>,
): unknown {
  const { identityHidden, subject, description, ...body } = compact(values) as Values;
  // Sent only to hide: an unticked box leaves the identity as it is.
  const hide = identityHidden === true ? { identityHidden: true } : {};
  // Left as it was (or emptied): the subject and the complaint stay as they are.
  const changed = (value: unknown, was: string | undefined) =>
    typeof value === 'string' && value.trim() !== (was ?? '').trim();
  const restated = {
    ...(changed(subject, current?.subject) ? { subject } : {}),
    ...(changed(description, current && forAgencies(current)) ? { description } : {}),
  };
  // Typed, then the decision changed: the API would refuse them with another decision.
  const { missing, reason, ...rest } = body;
  return {
    ...rest,
    ...(body.decision === 'needs_info' ? { missing } : {}),
    ...(body.decision === 'reject' ? { reason } : {}),
    ...restated,
    ...hide,
    // Decided on the version the page showed: a colleague's decision since is a 409.
    ...(current?.version === undefined ? {} : { version: current.version }),
  };
}
