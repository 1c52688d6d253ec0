/** Central admin: the agencies Pantau forwards to, their time zones and focal-point membership. */
import {
  AGENCY_KINDS,
  CreateAgencyBody,
  TimeZoneSchema,
  UpdateAgencyBody,
} from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { ActionForm } from '../components/action-form';
import { SelectField, TextField } from '../components/field';
import { PageTitle, Pager, ProblemAlert } from '../components/ui';
import { usePaged } from '../data';
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
  const agencies = list.items;
  const zoneOptions = ZONES.map((z) => ({ value: z, label: `${t(`zone.${z}`)} (${z})` }));
  return (
    <section>
      <PageTitle>{t('agencies.title')}</PageTitle>
      <ProblemAlert error={list.error} />
      <table>
        <caption className="visually-hidden">{t('agencies.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agencies.id')}</th>
            <th scope="col">{t('agencies.name')}</th>
            <th scope="col">{t('agencies.kind')}</th>
            <th scope="col">{t('agencies.zone')}</th>
            <th scope="col">{t('agencies.focalPoint')}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id}>
              <td>
                <code>{a.id}</code>
              </td>
              <td>{a.name}</td>
              <td>{labelOf(t, 'agencyKind', a.kind)}</td>
              <td>{t(`zone.${a.timeZone}`)}</td>
              <td>
                {a.id === 'setneg' ? (
                  '—'
                ) : (
                  <Membership agency={a} all={agencies} onDone={list.reload} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
      <ActionForm
        title={t('agencies.add')}
        schema={CreateAgencyBody}
        initial={{ kind: 'agency', timeZone: 'Asia/Jakarta', contacts: [{}] }}
        submitLabel={t('actions.save')}
        onDone={list.reload}
        send={(body) => unwrap(api.POST('/v1/agencies', { body }))}
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
              options={AGENCY_KINDS.map((k) => ({ value: k, label: labelOf(t, 'agencyKind', k) }))}
            />
            <SelectField
              form={form}
              name="timeZone"
              label={t('agencies.zone')}
              options={zoneOptions}
            />
            <SelectField
              form={form}
              name="focalPointId"
              label={t('agencies.focalPoint')}
              empty={t('agencies.noFocalPoint')}
              options={agencies
                .filter((a) => a.id !== 'setneg')
                .map((a) => ({ value: a.id, label: a.name }))}
            />
            <TextField
              form={form}
              name="contacts.0.name"
              label={t('agencies.contactName')}
              required
            />
            <TextField
              form={form}
              name="contacts.0.email"
              type="email"
              label={t('agencies.contactEmail')}
              required
            />
          </>
        )}
      </ActionForm>
    </section>
  );
}

/** Make an agency a member unit of a focal point, or independent again. */
function Membership({
  agency,
  all,
  onDone,
}: {
  agency: Schemas['Agency'];
  all: readonly Schemas['Agency'][];
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <ActionForm
      title={all.find((a) => a.id === agency.focalPointId)?.name ?? t('agencies.noFocalPoint')}
      schema={UpdateAgencyBody}
      initial={{ focalPointId: agency.focalPointId ?? '' }}
      submitLabel={t('actions.save')}
      onDone={onDone}
      toBody={(v) => ({ focalPointId: v.focalPointId ? v.focalPointId : null })}
      send={(body) =>
        unwrap(api.PATCH('/v1/agencies/{id}', { params: { path: { id: agency.id } }, body }))
      }
    >
      {(form) => (
        <SelectField
          form={form}
          name="focalPointId"
          label={t('agencies.focalPointOf', { agency: agency.name })}
          empty={t('agencies.noFocalPoint')}
          options={all
            .filter((a) => a.id !== agency.id && a.id !== 'setneg')
            .map((a) => ({ value: a.id, label: a.name }))}
        />
      )}
    </ActionForm>
  );
}
