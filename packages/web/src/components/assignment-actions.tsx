/** What an agency (or central) can do on one assignment, each as a small form. */
import { useState } from 'react';
import {
  ExtensionDecisionBody,
  ExtensionRequestBody,
  isOpenState,
  PauseBody,
  RedirectBody,
  ResponseBody,
  WithdrawBody,
} from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session-context';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { getPath } from '../forms/use-form';
import { TARGETS } from '../deadline';
import { formatInstant } from '../format';
import { ActionForm, useUnsent } from './action-form';
import { AgencySelect, useAgencies } from './agencies';
import { AnswerFilesField, useAnswerFiles } from './answer-files';
import { IfApproved } from './extension-if-approved';
import { NumberField, SelectField, TextField } from './field';
import { useSavedSince } from './ui';

/**
 * Why a form on assignment `a` can no longer be sent once the assignment has ended (withdrawn,
 * completed, redirected), as `ActionForm`'s `gone` says it; undefined while it is open.
 */
export const endedGone = (
  t: Translate,
  a: Pick<Schemas['Assignment'], 'state'>,
): string | undefined =>
  isOpenState(a.state)
    ? undefined
    : t('assignment.formGone', { state: labelOf(t, 'state', a.state) });

type Request = Schemas['CaseExtensionRequest'];

export function AssignmentActions({
  caseId,
  assignment: a,
  central,
  pendingExtensions = [],
  lastOnCase = false,
  onFiled,
  onChange,
}: {
  caseId: string;
  assignment: Schemas['Assignment'];
  central: boolean;
  /** No other agency has the case: withdrawing this one sends it back to be forwarded. */
  lastOnCase?: boolean;
  /** This assignment's extension requests awaiting central's decision (the case lists them). */
  pendingExtensions?: readonly Schemas['CaseExtensionRequest'][];
  /**
   * A file chosen with the agency's answer was stored (or refused): the case's attachments card
   * reads its list again.
   */
  onFiled?: () => void;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  const agency = nameOf(a.agencyId);
  const path = { id: caseId, agencyId: a.agencyId };
  // The long texts an agency writes survive an expired session's trip to sign-in (per tab,
  // per user: another officer signing in at this tab does not get them).
  const session = useSession().session;
  const sub = session?.sub;
  const draft = (action: string) => (sub ? `${sub}:${caseId}:${a.agencyId}:${action}` : undefined);
  // Chosen in the answer form, stored on its "Kirim" before the answer (a separate upload was
  // forgotten, or taken for the answer; after a final answer no file can follow). Their names
  // are kept beside the answer's draft: the files themselves cannot come back with it.
  const answerFiles = useAnswerFiles({
    caseId,
    agencyId: a.agencyId,
    onStored: onFiled,
    draftKey: draft('response'),
  });
  const fileNames = answerFiles.files.map((f) => f.upload.file.name);
  // Each action is sent for the forwarding the page showed (`generation`): central withdrew it
  // and forwarded again since (other instructions), a 409, said at the form that was sent,
  // with the latest to load; what was typed stays (the forms and their drafts outlive it).
  const reforwarded = t('actions.reforwardedSince');
  const since = {
    response: useSavedSince(reforwarded, onChange),
    redirect: useSavedSince(reforwarded, onChange),
    extension: useSavedSince(reforwarded, onChange),
    pause: useSavedSince(reforwarded, onChange),
  };
  const forThisForwarding =
    (saidSince: ReturnType<typeof useSavedSince>) =>
    (e: unknown): never => {
      throw saidSince.refused(e);
    };
  // Refused as the assignment moved on unseen (central withdrew it, a colleague answered): the
  // page reads the case again. A form holding text then stays, its action gone, until discarded.
  const { unsent, holds, shows } = useUnsent();
  const open = isOpenState(a.state);
  const ended = endedGone(t, a);
  // Paused meanwhile (by a colleague): a pause still typed cannot be sent.
  const pauseGone = ended ?? (a.paused ? t('assignment.pauseGone') : undefined);
  // Central's decisions: every request the page has listed, so that one decided by a colleague
  // or lapsed (the assignment ended) while central typed its note stays with it, saying why.
  const [requests, setRequests] = useState<ReadonlyMap<string, Request>>(() => new Map());
  if (pendingExtensions.some((x) => !requests.has(x.id)))
    setRequests(new Map([...requests, ...pendingExtensions.map((x) => [x.id, x] as const)]));
  const awaiting = new Set(pendingExtensions.map((x) => x.id));
  const decisionGone = open
    ? t('assignment.extensionDecided')
    : t('assignment.extensionLapsed', { state: labelOf(t, 'state', a.state) });
  if (!open && unsent.size === 0) return null;
  // A focal point's people answering what one of its member units holds (the unit reads
  // it as its own, and may be typing its answer now): said before they send, above the
  // acknowledgement (`Acknowledge`) while it is pending.
  const heldBy =
    !central && open && a.state !== 'pending' && a.delegatedTo && a.delegatedTo !== session?.agency
      ? nameOf(a.delegatedTo)
      : null;
  return (
    <div className="actions">
      {heldBy ? (
        <p className="hint">{t('delegate.answeringHeld', { unit: heldBy, agency })}</p>
      ) : null}
      {!central ? (
        <>
          {shows('response', open) ? (
            <ActionForm
              title={t('actions.respond')}
              gone={ended}
              onDirty={holds('response')}
              // Files chosen and not yet sent with an answer are unsent work, as typed text is.
              holding={answerFiles.files.length > 0}
              onDiscard={answerFiles.clear}
              schema={ResponseBody}
              initial={{ kind: 'progress' }}
              draftKey={draft('response')}
              submitLabel={t('actions.send')}
              // The final one ends the assignment for good (no answer or file after it), so it
              // names the files going with it, or says there are none; a progress update does
              // not, and goes at once.
              confirm={(body) =>
                body.kind === 'final'
                  ? {
                      message: `${t('actions.finalConfirm')} ${
                        fileNames.length > 0
                          ? t('actions.finalWithFiles', { files: fileNames.join(', ') })
                          : t('actions.finalNoFiles')
                      }`,
                      label: t('actions.finalConfirmYes'),
                    }
                  : null
              }
              onDone={onChange}
              // The files first: once a final answer has ended the assignment the API takes none.
              // One not stored stops the answer, the text and the other files kept.
              send={async (body, key) => {
                const files = await answerFiles.store();
                await unwrap(
                  api.POST('/v1/cases/{id}/assignments/{agencyId}/responses', {
                    params: { path },
                    body: { ...body, generation: a.generation },
                    headers: { 'idempotency-key': key },
                  }),
                ).catch(forThisForwarding(since.response));
                answerFiles.clear();
                return files;
              }}
              result={(_, files) =>
                files.length > 0
                  ? t('actions.sentWithFiles', { files: files.join(', ') })
                  : t('common.saved')
              }
            >
              {(form) => (
                <>
                  {since.response.reloadButton}
                  <SelectField
                    form={form}
                    name="kind"
                    label={t('actions.responseKind')}
                    required
                    options={(['progress', 'final'] as const).map((k) => ({
                      value: k,
                      label: labelOf(t, 'responseKind', k),
                    }))}
                    // The assignment ends with it, and an ended one takes no more files.
                    {...(getPath(form.values, 'kind') === 'final'
                      ? { hint: t('actions.finalAttachFirst') }
                      : {})}
                  />
                  <TextField
                    form={form}
                    name="message"
                    label={t('actions.message')}
                    multiline
                    required
                  />
                  <AnswerFilesField files={answerFiles} />
                </>
              )}
            </ActionForm>
          ) : null}
          {shows('redirect', open) ? (
            <ActionForm
              title={t('actions.redirect')}
              gone={ended}
              onDirty={holds('redirect')}
              schema={RedirectBody}
              draftKey={draft('redirect')}
              submitLabel={t('actions.send')}
              // Ends the assignment and its ladder: only central can involve the agency again.
              confirm={{
                message: t('actions.redirectConfirm'),
                label: t('actions.redirectConfirmYes'),
              }}
              onDone={onChange}
              send={(body, key) =>
                unwrap(
                  api.POST('/v1/cases/{id}/assignments/{agencyId}/redirect', {
                    params: { path },
                    body: { ...body, generation: a.generation },
                    headers: { 'idempotency-key': key },
                  }),
                ).catch(forThisForwarding(since.redirect))
              }
            >
              {(form) => (
                <>
                  {since.redirect.reloadButton}
                  {form.describe('suggestedAgencyId', {
                    label: t('actions.suggestedAgency'),
                    id: `suggest-${a.agencyId}`,
                  })}
                  <TextField
                    form={form}
                    name="reason"
                    label={t('actions.reason')}
                    multiline
                    required
                  />
                  <AgencySelect
                    label={t('actions.suggestedAgency')}
                    hint={t('actions.suggestedAgencyHint')}
                    error={form.errors.suggestedAgencyId}
                    value={getPath(form.values, 'suggestedAgencyId') as string | undefined}
                    exclude={new Set([a.agencyId, 'setneg'])}
                    inputId={`suggest-${a.agencyId}`}
                    hold={(message) => form.hold('suggestedAgencyId', message)}
                    onChange={(id) => form.set('suggestedAgencyId', id)}
                  />
                </>
              )}
            </ActionForm>
          ) : null}
          {shows('extension', open) ? (
            <ActionForm
              title={t('actions.extension')}
              gone={ended}
              onDirty={holds('extension')}
              // One request at a time: the API answers a second with already_exists.
              disabledReason={
                open && pendingExtensions[0]
                  ? t('actions.extensionPending', { days: pendingExtensions[0].workingDays })
                  : undefined
              }
              schema={ExtensionRequestBody}
              draftKey={draft('extension')}
              submitLabel={t('actions.send')}
              onDone={onChange}
              send={(body, key) =>
                unwrap(
                  api.POST('/v1/cases/{id}/assignments/{agencyId}/extension-requests', {
                    params: { path },
                    body: { ...body, generation: a.generation },
                    headers: { 'idempotency-key': key },
                  }),
                ).catch(forThisForwarding(since.extension))
              }
            >
              {(form) => (
                <>
                  {since.extension.reloadButton}
                  {/* Which deadlines it moves, and how approval counts them: the agency asked
                      for days without seeing either. */}
                  <p className="small">
                    {t('actions.extensionMoves', {
                      deadlines: TARGETS.filter((x) => a.met[x] === null)
                        .map(
                          (x) => `${t(`target.${x}`)} ${formatInstant(a.due[x], a.timeZone, lang)}`,
                        )
                        .join('; '),
                    })}
                  </p>
                  <NumberField
                    form={form}
                    name="workingDays"
                    label={t('actions.workingDays')}
                    min={1}
                    max={60}
                    required
                  />
                  <TextField
                    form={form}
                    name="reason"
                    label={t('actions.reason')}
                    multiline
                    required
                  />
                </>
              )}
            </ActionForm>
          ) : null}
        </>
      ) : null}
      {central
        ? [...requests.values()]
            .filter((ext) => shows(`decide:${ext.id}`, open && awaiting.has(ext.id)))
            .map((ext) => (
              <ActionForm
                key={ext.id}
                open
                title={t('actions.decideExtension', { days: ext.workingDays, reason: ext.reason })}
                gone={open && awaiting.has(ext.id) ? undefined : decisionGone}
                onDirty={holds(`decide:${ext.id}`)}
                schema={ExtensionDecisionBody}
                submitLabel={t('actions.decide')}
                onDone={onChange}
                send={(body) =>
                  unwrap(
                    api.POST(
                      '/v1/cases/{id}/assignments/{agencyId}/extension-requests/{requestId}/decision',
                      { params: { path: { ...path, requestId: ext.id } }, body },
                    ),
                  )
                }
                // Approved: where the open targets moved, in the assignment's zone, named.
                result={(body, decided) => {
                  if (!body.approve) return t('actions.extensionRefused', { agency });
                  const moved = TARGETS.filter((x) => decided.assignment.met[x] === null).map(
                    (x) =>
                      `${t(`target.${x}`)} ${formatInstant(decided.assignment.due[x], decided.assignment.timeZone, lang)}`,
                  );
                  return moved.length > 0
                    ? t('actions.extensionApproved', { agency, deadlines: moved.join('; ') })
                    : t('actions.extensionApprovedNone', { agency });
                }}
              >
                {(form) => (
                  <>
                    <IfApproved
                      at={pendingExtensions.find((x) => x.id === ext.id)?.proposedDueAt}
                      zone={a.timeZone}
                    />
                    <SelectField
                      form={form}
                      name="approve"
                      label={t('actions.decision')}
                      required
                      empty=""
                      parse={(v) => (v === '' ? undefined : v === 'true')}
                      options={[
                        { value: 'true', label: t('actions.approve') },
                        { value: 'false', label: t('actions.refuse') },
                      ]}
                    />
                    <TextField
                      form={form}
                      name="note"
                      label={t('actions.decisionNote')}
                      hint={t('actions.decisionNoteHint')}
                      multiline
                    />
                  </>
                )}
              </ActionForm>
            ))
        : null}
      {central && shows('withdraw', open) ? (
        <ActionForm
          title={t('actions.withdraw')}
          gone={ended}
          onDirty={holds('withdraw')}
          schema={WithdrawBody}
          submitLabel={t('actions.withdraw')}
          // Its ladder stops and a request for more time lapses: not undone by anything.
          confirm={{
            message: t('actions.withdrawConfirm', { agency }),
            label: t('actions.withdrawConfirmYes'),
          }}
          result={() => t('actions.withdrawn', { agency })}
          onDone={onChange}
          send={(body, key) =>
            unwrap(
              api.POST('/v1/cases/{id}/assignments/{agencyId}/withdraw', {
                params: { path },
                body,
                headers: { 'idempotency-key': key },
              }),
            )
          }
        >
          {(form) => (
            <>
              <p className="hint">{t('actions.withdrawHint')}</p>
              {lastOnCase ? <p className="alert">{t('actions.withdrawLast')}</p> : null}
              <TextField
                form={form}
                name="reason"
                label={t('actions.withdrawReason')}
                multiline
                required
              />
            </>
          )}
        </ActionForm>
      ) : null}
      {/* Each in a place of its own: a pause still typed is not carried into "resume". */}
      {open && a.paused ? (
        <ActionForm
          key="resume"
          title={t('actions.resume')}
          schema={PauseBody.pick({})}
          submitLabel={t('actions.resume')}
          onDone={onChange}
          send={() =>
            unwrap(
              api.POST('/v1/cases/{id}/assignments/{agencyId}/resume', {
                params: { path },
                body: {},
              }),
            )
          }
        >
          {() => null}
        </ActionForm>
      ) : null}
      {shows('pause', open && !a.paused) ? (
        <ActionForm
          key="pause"
          title={t('actions.pause')}
          gone={pauseGone}
          onDirty={holds('pause')}
          schema={PauseBody}
          submitLabel={t('actions.pause')}
          onDone={onChange}
          send={(body) =>
            unwrap(
              api.POST('/v1/cases/{id}/assignments/{agencyId}/pause', {
                params: { path },
                body: { ...body, generation: a.generation },
              }),
            ).catch(forThisForwarding(since.pause))
          }
        >
          {(form) => (
            <>
              {since.pause.reloadButton}
              <TextField
                form={form}
                name="reason"
                label={t('actions.pauseReason')}
                multiline
                required
              />
              <TextField
                form={form}
                name="askComplainant"
                label={t('actions.pauseAsk')}
                hint={t('actions.pauseAskHint')}
                multiline
              />
            </>
          )}
        </ActionForm>
      ) : null}
    </div>
  );
}
