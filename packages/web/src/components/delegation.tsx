/**
 * A focal point's coordinator hands its assignment to one of its member units, and takes it
 * back (`POST …/delegate`, `memberId: null`; asked first, as the unit loses the case at once).
 * The focal point stays accountable: its deadlines, letters and statistics stay its own. A delegation typed while the assignment ends (withdrawn,
 * closed) or another coordinator delegates it stays, locked, with its text and a sentence saying
 * why, until discarded (`useUnsent`, as the assignment's own forms).
 */
import { useRef, useState } from 'react';
import { DelegateBody } from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { formatInstant, type TimeZone } from '../format';
import { useI18n } from '../i18n/i18n';
import { ActionForm, useActionResult, useUnsent } from './action-form';
import { endedGone } from './assignment-actions';
import { ImpactQuestion } from './impact-question';
import { byLabel, useAgencies, useMemberUnits } from './agencies';
import { SelectField, TextField } from './field';
import { ProblemAlert, useSavedSince } from './ui';

export function Delegation({
  caseId,
  assignment: a,
  onChange,
}: {
  caseId: string;
  assignment: Schemas['Assignment'];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const announce = useActionResult();
  // Another coordinator delegated it, or took it back, since the page was read: a 409.
  const movedSince = useSavedSince(t('delegate.savedSince'), onChange);
  const path = { id: caseId, agencyId: a.agencyId };
  // Delegated while open and held by no unit; a delegation still typed once it is not (read
  // again after any action on the page) stays, saying why.
  const { holds, shows } = useUnsent();
  const gone =
    endedGone(t, a) ??
    (a.delegatedTo ? t('delegate.formGoneHeld', { agency: nameOf(a.delegatedTo) }) : undefined);
  const form = shows('delegate', gone === undefined) ? (
    <DelegateForm
      path={path}
      movedSince={movedSince}
      onChange={onChange}
      gone={gone}
      onDirty={holds('delegate')}
    />
  ) : null;
  const from = a.delegatedTo;
  const holder = from ? nameOf(from) : '';
  const takeBack = () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    unwrap(
      api.POST('/v1/cases/{id}/assignments/{agencyId}/delegate', {
        params: { path },
        // From the unit the button names: taken from no other one.
        body: { memberId: null, from },
      }),
    )
      .then(
        () => {
          // Said where the page says what an action did: the button goes with the
          // change. The API took it back from `from`, as checked.
          announce?.(t('delegate.takenBack', { agency: holder }));
          onChange();
        },
        (e: unknown) => setError(movedSince.refused(e)),
      )
      .finally(() => setBusy(false));
  };
  /** Back to the button, nothing sent: "Batal", or Esc as in any dialog. */
  const cancel = () => {
    setAsking(false);
    buttonRef.current?.focus();
  };
  // One tree either way: the form keeps its place (and its text) when a unit comes to hold it.
  return (
    <>
      {from ? (
        <div className="delegation">
          <ProblemAlert error={error} />
          {movedSince.reloadButton}
          {/* The unit loses the case at once, and what it is typing with it: asked first, as
              every action that cannot be undone (`ActionForm`'s `confirm`). */}
          <button
            ref={buttonRef}
            type="button"
            disabled={busy}
            aria-busy={busy}
            onClick={() => setAsking(true)}
          >
            {busy ? t('common.working') : t('delegate.takeBack', { agency: holder })}
          </button>
          {asking ? (
            <ImpactQuestion
              question={t('delegate.takeBackConfirm', { agency: holder })}
              yes={t('delegate.takeBackYes')}
              busy={busy}
              asking={holder}
              onConfirm={takeBack}
              onCancel={cancel}
            />
          ) : null}
        </div>
      ) : null}
      {form}
    </>
  );
}

/**
 * Which member unit holds the assignment, if one does, and since when (in the reader's zone): a
 * coordinator with many units tells a fresh delegation from one the unit has sat on.
 */
export function HeldBy({
  assignment: a,
  zone,
}: {
  assignment: Schemas['Assignment'];
  zone: TimeZone;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  if (!a.delegatedTo) return null;
  const agency = nameOf(a.delegatedTo);
  // Delegated before the date was kept: who, without since when.
  return (
    <p className="muted">
      {a.delegatedAt
        ? t('delegate.heldSince', { agency, at: formatInstant(a.delegatedAt, zone, lang) })
        : t('delegate.held', { agency })}
    </p>
  );
}

/**
 * The member units come from `GET /v1/agencies` (for an agency: itself and its member units),
 * the one list that knows who belongs to whom; names are the directory's (`useAgencies`).
 */
function DelegateForm({
  path,
  movedSince,
  onChange,
  gone,
  onDirty,
}: {
  path: { id: string; agencyId: string };
  movedSince: ReturnType<typeof useSavedSince>;
  onChange: () => void;
  /** Why it can no longer be sent (`ActionForm`'s `gone`): the text stays until discarded. */
  gone: string | undefined;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const units = useMemberUnits(path.agencyId);
  const members = units.data ?? [];
  // An agency with no member unit has nothing to delegate to: no card for it.
  if (units.data && members.length === 0) return null;
  return (
    <ActionForm
      title={t('delegate.title')}
      gone={gone}
      onDirty={onDirty}
      schema={DelegateBody}
      submitLabel={t('delegate.submit')}
      onDone={onChange}
      send={(body, key) =>
        unwrap(
          api.POST('/v1/cases/{id}/assignments/{agencyId}/delegate', {
            params: { path },
            // The form shows only while no unit holds it: another coordinator's delegation
            // since is a 409, not moved away from the unit they chose.
            body: { ...body, from: null },
            headers: { 'idempotency-key': key },
          }),
        ).catch((e: unknown) => {
          // A unit moved away meanwhile: the list is read again (the error says so).
          if (e instanceof ApiError && e.problem?.code === 'validation_failed') units.reload();
          throw movedSince.refused(e);
        })
      }
    >
      {(form) => (
        <>
          {movedSince.reloadButton}
          <SelectField
            form={form}
            name="memberId"
            label={t('delegate.member')}
            required
            empty=""
            parse={(v) => (v === '' ? undefined : v)}
            options={members.map((m) => ({ value: m, label: nameOf(m) })).sort(byLabel)}
          />
          <TextField form={form} name="note" label={t('actions.note')} multiline />
        </>
      )}
    </ActionForm>
  );
}

/**
 * The member unit holding a delegated assignment gives it back to its coordinator ("not our
 * region"), saying why; it then no longer has the case, so it goes back to its queue. Its reason
 * typed while the assignment ends (read again: withdrawn, closed) or the coordinator takes it
 * back (the API's 404: the case is no longer the unit's to read) stays, locked, with the text and
 * a sentence saying why, until discarded (`useUnsent`, as `Delegation`).
 */
export function ReturnDelegation({
  caseId,
  assignment: a,
  onReturned,
}: {
  caseId: string;
  assignment: Schemas['Assignment'];
  onReturned: () => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const announce = useActionResult();
  const { holds, shows } = useUnsent();
  // Refused with a 404: taken back (or moved to another unit) since the page read the case.
  const [takenBack, setTakenBack] = useState(false);
  const coordinator = nameOf(a.agencyId);
  const gone = takenBack
    ? t('delegate.returnGoneTakenBack', { agency: coordinator })
    : endedGone(t, a);
  if (!shows('return', gone === undefined)) return null;
  return (
    <ActionForm
      title={t('delegate.return', { agency: coordinator })}
      gone={gone}
      onDirty={holds('return')}
      schema={DelegateBody}
      initial={{ memberId: null }}
      submitLabel={t('delegate.returnSubmit')}
      onDone={() => {
        announce?.(t('delegate.returned', { agency: coordinator }));
        onReturned();
      }}
      // Sent again after a lost answer, under the same key: the unit no longer reads the case
      // once it has given it back, so only the key's replay can answer it.
      send={(body, key) =>
        unwrap(
          api.POST('/v1/cases/{id}/assignments/{agencyId}/delegate', {
            params: { path: { id: caseId, agencyId: a.agencyId } },
            body: { memberId: null, note: body.note },
            headers: { 'idempotency-key': key },
          }),
        ).catch((e: unknown) => {
          // Not the tenancy 404 ("not your agency's"): the coordinator took it back meanwhile.
          if (e instanceof ApiError && e.problem?.code === 'not_found') setTakenBack(true);
          throw e;
        })
      }
    >
      {(form) => (
        <>
          <p className="hint">{t('delegate.returnHint')}</p>
          <TextField
            form={form}
            name="note"
            label={t('delegate.returnReason')}
            multiline
            required
          />
        </>
      )}
    </ActionForm>
  );
}
