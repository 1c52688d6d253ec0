/**
 * Central admin: the documents' settings (issue 15) — the agenda and letter number patterns,
 * the letterhead, the signatory and the tembusan printed on every letter and receipt. Numbers
 * already given keep their form; the next ones follow the new pattern.
 */
import { DocumentSettingsBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { ActionForm, ActionResultProvider } from '../components/action-form';
import { TextField } from '../components/field';
import { Loading, PageTitle, ProblemAlert, useSavedSince } from '../components/ui';
import { useLoad } from '../data';
import { compact, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Field = [
  name: string,
  label: MessageKey,
  options?: { multiline?: boolean; patternHint?: boolean; optional?: boolean },
];

/** The form's fields, by fieldset, required unless `optional` (the tembusan, optional, comes after). */
const FIELDSETS: readonly [MessageKey, readonly Field[]][] = [
  [
    'documentSettings.numbering',
    [
      ['agendaNumberPattern', 'documentSettings.agendaPattern', { patternHint: true }],
      ['letterNumberPattern', 'documentSettings.letterPattern', { patternHint: true }],
    ],
  ],
  [
    'documentSettings.letterhead',
    [
      ['letterhead.ministry', 'documentSettings.ministry'],
      ['letterhead.unit', 'documentSettings.unit'],
      ['letterhead.address', 'documentSettings.address', { multiline: true }],
      ['letterhead.city', 'documentSettings.city'],
      ['letterhead.phone', 'documentSettings.phone', { optional: true }],
      ['letterhead.email', 'documentSettings.email', { optional: true }],
    ],
  ],
  [
    'documentSettings.signatory',
    [
      ['signatory.name', 'documentSettings.signatoryName'],
      ['signatory.position', 'documentSettings.position'],
      ['signatory.nip', 'documentSettings.nip'],
    ],
  ],
];

/**
 * The form edits the tembusan as lines of a text area; the body wants a list. Made on the
 * version loaded: another admin's save since is refused, not reverted.
 */
const toBody =
  (version: number) =>
  (values: Values): unknown => {
    const { tembusanText, ...rest } = compact(values) as Values;
    const tembusan = String(tembusanText ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return { ...rest, tembusan, version };
  };

function toValues(settings: Schemas['DocumentSettings']): Values {
  const { version: _v, updatedAt: _u, tembusan, ...rest } = settings;
  return { ...rest, tembusanText: tembusan.join('\n') };
}

export default function DocumentSettingsPage() {
  const { t } = useI18n();
  const settings = useLoad(() => unwrap(api.GET('/v1/settings/documents')), []);
  const savedSince = useSavedSince(t('documentSettings.savedSince'), settings.reload);
  if (settings.loading && !settings.data) return <Loading />;
  return (
    <section className="narrow">
      <PageTitle>{t('documentSettings.title')}</PageTitle>
      <ProblemAlert error={settings.error} />
      {/* The form is remade from the saved version: what the save did is said outside it. */}
      <ActionResultProvider>
        {settings.data ? (
          <ActionForm
            // A saved version starts the form afresh from what the API now holds.
            key={settings.data.version}
            open
            title={t('documentSettings.title')}
            schema={DocumentSettingsBody}
            initial={toValues(settings.data)}
            toBody={toBody(settings.data.version)}
            submitLabel={t('documentSettings.submit')}
            send={(body) =>
              unwrap(api.PUT('/v1/settings/documents', { body })).catch((e: unknown) => {
                throw savedSince.refused(e);
              })
            }
            onDone={settings.reload}
          >
            {(form) => (
              <>
                {savedSince.reloadButton}
                {FIELDSETS.map(([legend, fields]) => (
                  <fieldset key={legend}>
                    <legend>{t(legend)}</legend>
                    {fields.map(([name, label, options]) => (
                      <TextField
                        key={name}
                        form={form}
                        name={name}
                        label={t(label)}
                        required={!options?.optional}
                        multiline={options?.multiline}
                        {...(options?.patternHint
                          ? { hint: t('documentSettings.patternHint') }
                          : {})}
                      />
                    ))}
                  </fieldset>
                ))}
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
      </ActionResultProvider>
    </section>
  );
}
