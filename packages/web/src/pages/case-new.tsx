/**
 * Register a complaint received by letter, email, in person or elsewhere. What is typed (a letter
 * copied in runs to 20,000 characters) is kept as a draft until it is sent, per officer and tab:
 * an expired session's trip to sign-in gives it back.
 */
import { useLocation } from 'wouter';
import { CHANNELS, CreateCaseBody } from '@pantau/core/schemas';
import { api, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { CheckboxField, SelectField, TextField } from '../components/field';
import { IncomingLetterFields, withoutEmptyLetter } from '../components/incoming-letter';
import { FormFeedback, PageTitle, SubmitButton } from '../components/ui';
import { toInstant } from '../format';
import { compact, useForm, type Values } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';

/** What the form starts from (one object: the draft is kept only once it differs from it). */
const INITIAL: Values = { channel: 'letter', complainant: {} };

export default function CaseNew() {
  const { t } = useI18n();
  const { zone, sub } = useSignedIn();
  const [, navigate] = useLocation();
  const toBody = (values: Values) => {
    const body = withLaporRef(withoutEmptyLetter(compact(values) as Values));
    return typeof body.receivedAt === 'string'
      ? { ...body, receivedAt: toInstant(body.receivedAt, zone) }
      : body;
  };
  const form = useForm(CreateCaseBody, INITIAL, toBody, { draftKey: `${sub}:case-new` });
  return (
    <section className="narrow">
      <PageTitle>{t('caseNew.title')}</PageTitle>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(async (body, key) => {
            const created = await unwrap(
              api.POST('/v1/cases', { body, headers: { 'idempotency-key': key } }),
            );
            // The case page offers the walk-in receipt right after registration.
            navigate(`/cases/${created.id}?registered=1`);
          });
        }}
      >
        <FormFeedback form={form} />
        {form.restored ? <p className="hint">{t('forms.draftRestored')}</p> : null}
        <SelectField
          form={form}
          name="channel"
          label={t('caseNew.channel')}
          required
          options={CHANNELS.map((c) => ({ value: c, label: labelOf(t, 'channel', c) }))}
        />
        {/* A LAPOR! report is registered under its report number (the API requires it). */}
        {form.values.channel === 'lapor' ? (
          <TextField form={form} name="externalRef.id" label={t('caseNew.laporId')} required />
        ) : null}
        <TextField
          form={form}
          name="receivedAt"
          type="datetime-local"
          zone={zone}
          label={`${t('caseNew.receivedAt')} (${t(`zone.${zone}`)})`}
          hint={t('caseNew.receivedAtHint')}
        />
        <IncomingLetterFields form={form} />
        <fieldset>
          <legend>{t('caseNew.complainant')}</legend>
          <TextField form={form} name="complainant.name" label={t('caseNew.name')} required />
          <TextField
            form={form}
            name="complainant.idNumber"
            label={t('caseNew.idNumber')}
            inputMode="numeric"
          />
          <TextField form={form} name="complainant.email" type="email" label={t('caseNew.email')} />
          <TextField form={form} name="complainant.phone" type="tel" label={t('caseNew.phone')} />
          <TextField
            form={form}
            name="complainant.address"
            label={t('caseNew.address')}
            multiline
          />
          <CheckboxField
            form={form}
            name="identityHidden"
            label={t('caseNew.identityHidden')}
            hint={t('caseNew.identityHiddenHint')}
          />
          <CheckboxField
            form={form}
            name="confidential"
            label={t('caseNew.confidential')}
            hint={t('caseNew.confidentialHint')}
          />
        </fieldset>
        <TextField
          form={form}
          name="subject"
          label={t('caseNew.subject')}
          required
          maxLength={200}
        />
        <TextField
          form={form}
          name="description"
          label={t('caseNew.description')}
          required
          multiline
          maxLength={20000}
        />
        <TextField form={form} name="respondent" label={t('caseNew.respondent')} />
        <TextField form={form} name="location.province" label={t('caseNew.province')} />
        <TextField form={form} name="location.regency" label={t('caseNew.regency')} />
        <SubmitButton busy={form.busy}>{t('caseNew.submit')}</SubmitButton>
      </form>
    </section>
  );
}

/**
 * A LAPOR! report goes as `externalRef: { system: 'lapor', id }` (the number left empty is then
 * named at its field); another channel sends no externalRef, even with a number typed before.
 */
function withLaporRef(body: Values): Values {
  const { externalRef, ...rest } = body;
  return body.channel === 'lapor'
    ? { ...rest, externalRef: { ...(externalRef as Values | undefined), system: 'lapor' } }
    : rest;
}
