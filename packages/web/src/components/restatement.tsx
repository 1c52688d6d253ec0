/**
 * Central restates a verified case for the agencies: the subject their queues and letters
 * show, and the complaint as they read it (an e-mail's signature taken out). An e-mail accepted
 * with its identity hidden before a restatement was required is withheld from the agencies
 * until it is: the form is open, and says so.
 */
import { RestateCaseBody } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session-context';
import { compact, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { TextField } from './field';
import { useSavedSince } from './ui';

/** The complaint as the agencies read it: restated by central, or the complainant's own. */
export const forAgencies = (kase: Pick<Schemas['Case'], 'description' | 'agencyDescription'>) =>
  kase.agencyDescription ?? kase.description;

/** An e-mail's own text, its identity hidden and never restated: the agencies cannot read it. */
export const withheldFromAgencies = (
  kase: Pick<Schemas['Case'], 'channel' | 'identityHidden' | 'agencyDescription'>,
) => kase.channel === 'email' && kase.identityHidden && kase.agencyDescription === null;

/**
 * Whether an assignment still shows another subject than the case's: a restatement cut short
 * after the case was saved (the rest goes on by sending it again).
 */
const queuesBehind = (kase: Pick<Schemas['Case'], 'subject' | 'assignments'>) =>
  kase.assignments.some((a) => a.subject !== null && a.subject !== kase.subject);

export function Restatement({ kase, onChange }: { kase: Schemas['Case']; onChange: () => void }) {
  const { t } = useI18n();
  const savedSince = useSavedSince(t('restate.savedSince'), onChange);
  const withheld = withheldFromAgencies(kase);
  const behind = queuesBehind(kase);
  // Kept until sent, per officer and case. It follows the case as it is read again (after an
  // action on the page, or given back after signing in): a field left as it was takes the case's,
  // and one a colleague restated under the officer's text is said at the field, with theirs, and
  // not sent before the officer chooses (`useForm`'s `follow`): a draft made on a version saved
  // over since must not undo that change unseen. Sent on the version read last.
  const sub = useSession().session?.sub;
  return (
    <ActionForm
      follow
      open={withheld || behind}
      title={t('restate.title')}
      schema={RestateCaseBody}
      initial={{ subject: kase.subject, agencyDescription: forAgencies(kase) }}
      toBody={(values) => restatementBody(values, kase)}
      submitLabel={t('restate.submit')}
      draftKey={sub ? `${sub}:${kase.id}:restate` : undefined}
      onDone={onChange}
      send={(body) =>
        unwrap(api.PATCH('/v1/cases/{id}', { params: { path: { id: kase.id } }, body })).catch(
          (e: unknown) => {
            throw savedSince.refused(e);
          },
        )
      }
    >
      {(form) => (
        <>
          {savedSince.reloadButton}
          {withheld ? <p className="alert">{t('restate.withheld')}</p> : null}
          {behind ? <p className="alert">{t('restate.queuesBehind')}</p> : null}
          <p className="hint">{t('restate.hint')}</p>
          <TextField
            form={form}
            name="subject"
            label={t('caseActions.subject')}
            hint={t('caseActions.subjectHint')}
          />
          <TextField
            form={form}
            name="agencyDescription"
            label={t('caseActions.description')}
            hint={t('caseActions.descriptionHint')}
            multiline
          />
        </>
      )}
    </ActionForm>
  );
}

/**
 * The form's values as the body: only what central changed (a field left as it was, or
 * emptied, stays as it is), on the version the page read last (the form follows it).
 */
export function restatementBody(
  values: Values,
  kase: Pick<
    Schemas['Case'],
    'subject' | 'description' | 'agencyDescription' | 'version' | 'assignments'
  >,
): unknown {
  const { subject, agencyDescription } = compact(values) as Values;
  const changed = (value: unknown, was: string) =>
    typeof value === 'string' && value.trim() !== was.trim();
  return {
    // The subject as it is, to bring the agencies' queues to it (the API writes only those).
    ...(changed(subject, kase.subject)
      ? { subject }
      : queuesBehind(kase)
        ? { subject: kase.subject }
        : {}),
    // A withheld e-mail's text starts the form as it came: sent unchanged, it would give the
    // agencies the signature, so it is not a restatement (the API asks for one).
    ...(changed(agencyDescription, forAgencies(kase)) ? { agencyDescription } : {}),
    version: kase.version,
  };
}
