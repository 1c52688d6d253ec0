/**
 * Central admin: the agencies Pantau forwards to, their time zones, focal-point membership and
 * contacts. A contact's kind decides which letters reach it: the liaison (penghubung) gets every
 * warning and reminder, the head (kepala, pimpinan) only the rungs the policy copies it on.
 */
import {
  AGENCY_KINDS,
  CONTACT_KINDS,
  CreateAgencyBody,
  TimeZoneSchema,
  UpdateAgencyBody,
} from '@pantau/core/schemas';
import { useState } from 'react';
import type { z } from 'zod';
import { api, type Schemas, unwrap } from '../api/client';
import { ActionForm, ActionResultProvider } from '../components/action-form';
import { AgencySelect, useAgencies } from '../components/agencies';
import { SelectField, TextField } from '../components/field';
import { JobProgress } from '../components/job-progress';
import { PageTitle, Pager, ProblemAlert, useSavedSince } from '../components/ui';
import { useLoad, usePaged } from '../data';
import { compact, type Form, getPath, type Values } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';

const ZONES = TimeZoneSchema.options;

export default function Agencies() {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/agencies', {
          params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [],
  );
  // One agency found by name among all of them (600 do not fit a page), or the pages by code.
  const [chosen, setChosen] = useState<string | undefined>();
  const one = useLoad(
    () =>
      chosen
        ? unwrap(api.GET('/v1/agencies/{id}', { params: { path: { id: chosen } } }))
        : Promise.resolve(undefined),
    [chosen],
  );
  const names = useAgencies();
  // A saved edit replaces its row where it is (the pages loaded stay loaded), and the names
  // every picker and filter shows are read again.
  const [saved, setSaved] = useState<Readonly<Record<string, Schemas['Agency']>>>({});
  // A corrected time zone re-arms the agency's open deadlines in a job, a unit moved out of its
  // focal point gives back its delegations in another: their progress is shown.
  const [job, setJob] = useState<Schemas['Job'] | null>(null);
  const [givingBack, setGivingBack] = useState<Schemas['Job'] | null>(null);
  const onSaved = ({ job: started, delegationsJob, ...agency }: Schemas['AgencyChange']) => {
    setSaved((s) => ({ ...s, [agency.id]: agency }));
    if (started) setJob(started);
    if (delegationsJob) setGivingBack(delegationsJob);
    names.reload();
  };
  // Another admin saved an agency first: its row is read again where it is, as a save would.
  const onStale = (id: string) =>
    void unwrap(api.GET('/v1/agencies/{id}', { params: { path: { id } } })).then(
      (agency) => setSaved((s) => ({ ...s, [agency.id]: agency })),
      () => (chosen ? one.reload() : list.reload()),
    );
  const shown = chosen ? (one.data ? [one.data] : []) : list.items;
  const agencies = shown.map((a) => {
    const edited = saved[a.id];
    return edited && edited.version > a.version ? edited : a;
  });
  const zoneOptions = ZONES.map((z) => ({ value: z, label: t(`zoneOffset.${z}`) }));
  return (
    <section>
      <PageTitle>{t('agencies.title')}</PageTitle>
      {/* What a save did, said above the table: the saved row's form is remade from its new
          version, so its own line would go with it. */}
      <ActionResultProvider>
        <AgencySelect
          label={t('agencies.find')}
          hint={t('agencies.findHint')}
          value={chosen}
          onChange={setChosen}
          inputId="agencies-find"
        />
        <ProblemAlert error={chosen ? one.error : list.error} />
        {job ? <JobProgress job={job} /> : null}
        {givingBack ? <JobProgress job={givingBack} /> : null}
        {/* On a phone each agency is a card (six columns do not fit 390 px), labelled cells. */}
        <div className="table-scroll">
          <table className="cards">
            <caption className="visually-hidden">{t('agencies.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agencies.id')}</th>
                <th scope="col">{t('agencies.name')}</th>
                <th scope="col">{t('agencies.kind')}</th>
                <th scope="col">{t('agencies.zone')}</th>
                <th scope="col">{t('agencies.focalPoint')}</th>
                <th scope="col">{t('agencies.contacts')}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id}>
                  <td data-label={t('agencies.id')}>
                    <code>{a.id}</code>
                  </td>
                  <td data-label={t('agencies.name')}>
                    {a.name}
                    <EditAgency
                      key={`${a.id}-${a.version}`}
                      agency={a}
                      onSaved={onSaved}
                      onStale={onStale}
                    />
                  </td>
                  <td className="label" data-label={t('agencies.kind')}>
                    {labelOf(t, 'agencyKind', a.kind)}
                  </td>
                  <td data-label={t('agencies.zone')}>{t(`zone.${a.timeZone}`)}</td>
                  <td data-label={t('agencies.focalPoint')}>
                    {a.id === 'setneg' ? (
                      '—'
                    ) : (
                      <Membership
                        key={`${a.id}-${a.version}`}
                        agency={a}
                        onSaved={onSaved}
                        onStale={onStale}
                      />
                    )}
                  </td>
                  <td data-label={t('agencies.contacts')}>
                    <ul className="plain">
                      {a.contacts.map((c) => (
                        <li key={c.email}>
                          {c.name} &lt;{c.email}&gt; — {labelOf(t, 'contactKind', c.kind)}
                        </li>
                      ))}
                    </ul>
                    {/* Keyed by version: a saved edit starts the next one from what was stored. */}
                    <EditContacts
                      key={`${a.id}-${a.version}`}
                      agency={a}
                      onSaved={onSaved}
                      onStale={onStale}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {chosen ? null : (
          <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
        )}
        <ActionForm
          title={t('agencies.add')}
          schema={CreateAgencyBody}
          initial={{ kind: 'agency', timeZone: 'Asia/Jakarta', contacts: [{ kind: 'liaison' }] }}
          submitLabel={t('actions.save')}
          onDone={() => {
            list.reload();
            names.reload();
          }}
          send={(body, key) =>
            unwrap(api.POST('/v1/agencies', { body, headers: { 'idempotency-key': key } }))
          }
        >
          {(form) => (
            <>
              <TextField
                form={form}
                name="id"
                label={t('agencies.id')}
                hint={t('agencies.idHint')}
                required
              />
              <TextField form={form} name="name" label={t('agencies.name')} required />
              <SelectField
                form={form}
                name="kind"
                label={t('agencies.kind')}
                required
                options={AGENCY_KINDS.map((k) => ({
                  value: k,
                  label: labelOf(t, 'agencyKind', k),
                }))}
              />
              <SelectField
                form={form}
                name="timeZone"
                label={t('agencies.zone')}
                options={zoneOptions}
              />
              <FocalPointField
                form={form}
                label={t('agencies.focalPoint')}
                exclude={new Set(['setneg'])}
                inputId="new-agency-focal-point"
              />
              <ContactsFields form={form} />
            </>
          )}
        </ActionForm>
      </ActionResultProvider>
    </section>
  );
}

/**
 * A focal point chosen by name among every agency (the directory the whole console searches),
 * not among the page of agencies loaded: with 600 agencies a unit's focal point is often on a
 * later page. Left empty: independent.
 */
function FocalPointField<S extends z.ZodType>({
  form,
  label,
  exclude,
  inputId,
}: {
  form: Form<S>;
  label: string;
  exclude: ReadonlySet<string>;
  inputId: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {form.describe('focalPointId', { label, id: inputId })}
      <AgencySelect
        label={label}
        hint={t('agencies.focalPointHint')}
        error={form.errors.focalPointId}
        value={(getPath(form.values, 'focalPointId') as string | undefined) || undefined}
        exclude={exclude}
        inputId={inputId}
        hold={(message) => form.hold('focalPointId', message)}
        onChange={(id) => form.set('focalPointId', id ?? '')}
      />
    </>
  );
}

/**
 * An agency's PATCH, made on the version shown: a save by another admin since is a 409, not
 * written over theirs, said at the form (what was typed stays) with a button that loads the
 * stored agency. `edit` makes the form's values into the change.
 */
function useAgencyEdit(
  { agency, onSaved, onStale }: EditProps,
  edit: (values: Values) => object = (values) => compact(values) as object,
) {
  const { t } = useI18n();
  const savedSince = useSavedSince(t('agencies.savedSince', { agency: agency.name }), () =>
    onStale(agency.id),
  );
  return {
    toBody: (values: Values) => ({ ...edit(values), version: agency.version }),
    send: async (body: z.output<typeof UpdateAgencyBody>) =>
      onSaved(
        await unwrap(
          api.PATCH('/v1/agencies/{id}', { params: { path: { id: agency.id } }, body }),
        ).catch((e: unknown) => {
          throw savedSince.refused(e);
        }),
      ),
    reloadButton: savedSince.reloadButton,
  };
}

interface EditProps {
  readonly agency: Schemas['Agency'];
  /** The agency as stored after the save, and the job a corrected time zone started. */
  readonly onSaved: (agency: Schemas['AgencyChange']) => void;
  /** Reads the agency as stored, after another admin's save refused this one. */
  readonly onStale: (id: string) => void;
}

/** Make an agency a member unit of a focal point, or independent again. */
function Membership(props: EditProps) {
  const { agency } = props;
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const { reloadButton, ...edit } = useAgencyEdit(props, (v) => ({
    focalPointId: v.focalPointId ? v.focalPointId : null,
  }));
  return (
    <ActionForm
      title={agency.focalPointId ? nameOf(agency.focalPointId) : t('agencies.noFocalPoint')}
      schema={UpdateAgencyBody}
      initial={{ focalPointId: agency.focalPointId ?? '' }}
      submitLabel={t('actions.save')}
      onDone={() => {}}
      {...edit}
    >
      {(form) => (
        <>
          {reloadButton}
          <FocalPointField
            form={form}
            label={t('agencies.focalPointOf', { agency: agency.name })}
            exclude={new Set([agency.id, 'setneg'])}
            inputId={`focal-${agency.id}`}
          />
        </>
      )}
    </ActionForm>
  );
}

/**
 * Rename an agency (a ministry renamed after a cabinet change) or correct its time zone. Letters
 * already sent keep the name they were sent under; its open assignments take the corrected zone
 * (a job re-arms their deadlines, its progress shown above the table).
 */
function EditAgency(props: EditProps) {
  const { agency } = props;
  const { t } = useI18n();
  const { reloadButton, ...edit } = useAgencyEdit(props);
  return (
    <ActionForm
      title={t('agencies.edit', { agency: agency.name })}
      schema={UpdateAgencyBody}
      initial={{ name: agency.name, timeZone: agency.timeZone }}
      submitLabel={t('actions.save')}
      onDone={() => {}}
      {...edit}
    >
      {(form) => (
        <>
          {reloadButton}
          <TextField form={form} name="name" label={t('agencies.name')} required />
          <SelectField
            form={form}
            name="timeZone"
            label={t('agencies.zone')}
            hint={t('agencies.zoneHint')}
            options={ZONES.map((z) => ({ value: z, label: t(`zoneOffset.${z}`) }))}
          />
        </>
      )}
    </ActionForm>
  );
}

/** Replace an agency's contacts (PATCH): names, emails and kinds. */
function EditContacts(props: EditProps) {
  const { agency } = props;
  const { t } = useI18n();
  const { reloadButton, ...edit } = useAgencyEdit(props);
  return (
    <ActionForm
      title={t('agencies.editContacts', { agency: agency.name })}
      schema={UpdateAgencyBody}
      initial={{ contacts: agency.contacts }}
      submitLabel={t('actions.save')}
      onDone={() => {}}
      {...edit}
    >
      {(form) => (
        <>
          {reloadButton}
          <ContactsFields form={form} />
        </>
      )}
    </ActionForm>
  );
}

/** One group per contact (name, email, kind), with adding and removing contacts. */
function ContactsFields<S extends z.ZodType>({ form }: { form: Form<S> }) {
  const { t } = useI18n();
  const contacts = (getPath(form.values, 'contacts') as unknown[] | undefined) ?? [];
  const kinds = CONTACT_KINDS.map((k) => ({ value: k, label: labelOf(t, 'contactKind', k) }));
  return (
    <fieldset>
      <legend>{t('agencies.contacts')}</legend>
      <p className="hint">{t('agencies.contactKindHint')}</p>
      {form.errors.contacts ? (
        <p className="error" role="alert">
          {form.errors.contacts}
        </p>
      ) : null}
      {contacts.map((_, i) => (
        <fieldset key={i} className="contact">
          <legend>{t('agencies.contact', { n: i + 1 })}</legend>
          <TextField
            form={form}
            name={`contacts.${i}.name`}
            label={t('agencies.contactName')}
            required
          />
          <TextField
            form={form}
            name={`contacts.${i}.email`}
            type="email"
            label={t('agencies.contactEmail')}
            required
          />
          <SelectField
            form={form}
            name={`contacts.${i}.kind`}
            label={t('agencies.contactKind')}
            required
            options={kinds}
          />
          {contacts.length > 1 ? (
            <button
              type="button"
              onClick={() =>
                form.set(
                  'contacts',
                  contacts.filter((_, j) => j !== i),
                )
              }
            >
              {t('agencies.removeContact', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      {contacts.length < 20 ? (
        <button
          type="button"
          onClick={() => form.set('contacts', [...contacts, { kind: 'liaison' }])}
        >
          {t('agencies.addContact')}
        </button>
      ) : null}
    </fieldset>
  );
}
