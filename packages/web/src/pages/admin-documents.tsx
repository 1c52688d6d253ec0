/**
 * Central admin: the documents' settings (issue 15) — the agenda and letter number patterns,
 * the letterhead, the signatory and the tembusan printed on every letter and receipt. Numbers
 * already given keep their form; the next ones follow the new pattern.
 */
import { DocumentSettingsBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { ActionForm } from '../components/action-form';
import { TextField } from '../components/field';
import { Loading, PageTitle, ProblemAlert } from '../components/ui';
import { useLoad } from '../data';
import { compact, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';

/** The form edits the tembusan as lines of a text area; the body wants a list. */
function toBody(values: Values): unknown {
  const { tembusanText, ...rest } = compact(values) as Values;
  const tembusan = String(tembusanText ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { ...rest, tembusan };
}

function toValues(settings: Schemas['DocumentSettings']): Values {
  const { version: _v, updatedAt: _u, tembusan, ...rest } = settings;
  return { ...rest, tembusanText: tembusan.join('\n') };
}

export default function DocumentSettingsPage() {
  const { t } = useI18n();
  const settings = useLoad(() => unwrap(api.GET('/v1/settings/documents')), []);
  if (settings.loading && !settings.data) return <Loading />;
  return (
    <section className="narrow">
      <PageTitle>{t('documentSettings.title')}</PageTitle>
      <ProblemAlert error={settings.error} />
      {settings.data ? (
        <ActionForm
          // A saved version starts the form afresh from what the API now holds.
          key={settings.data.version}
          open
          title={t('documentSettings.title')}
          schema={DocumentSettingsBody}
          initial={toValues(settings.data)}
          toBody={toBody}
          submitLabel={t('documentSettings.submit')}
          send={(body) => unwrap(api.PUT('/v1/settings/documents', { body }))}
          onDone={settings.reload}
        >
          {(form) => (
            <>
              <fieldset>
                <legend>{t('documentSettings.numbering')}</legend>
                <TextField
                  form={form}
                  name="agendaNumberPattern"
                  label={t('documentSettings.agendaPattern')}
                  hint={t('documentSettings.patternHint')}
                  required
                />
                <TextField
                  form={form}
                  name="letterNumberPattern"
                  label={t('documentSettings.letterPattern')}
                  hint={t('documentSettings.patternHint')}
                  required
                />
              </fieldset>
              <fieldset>
                <legend>{t('documentSettings.letterhead')}</legend>
                <TextField
                  form={form}
                  name="letterhead.ministry"
                  label={t('documentSettings.ministry')}
                  required
                />
                <TextField
                  form={form}
                  name="letterhead.unit"
                  label={t('documentSettings.unit')}
                  required
                />
                <TextField
                  form={form}
                  name="letterhead.address"
                  label={t('documentSettings.address')}
                  required
                  multiline
                />
                <TextField
                  form={form}
                  name="letterhead.city"
                  label={t('documentSettings.city')}
                  required
                />
              </fieldset>
              <fieldset>
                <legend>{t('documentSettings.signatory')}</legend>
                <TextField
                  form={form}
                  name="signatory.name"
                  label={t('documentSettings.signatoryName')}
                  required
                />
                <TextField
                  form={form}
                  name="signatory.position"
                  label={t('documentSettings.position')}
                  required
                />
                <TextField
                  form={form}
                  name="signatory.nip"
                  label={t('documentSettings.nip')}
                  required
                />
              </fieldset>
              <TextField
                form={form}
                name="tembusanText"
                label={t('documentSettings.tembusan')}
                multiline
              />
            </>
          )}
        </ActionForm>
      ) : null}
    </section>
  );
}
