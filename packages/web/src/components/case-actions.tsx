/** Central's actions on a case: verify and classify, forward (and re-forward), activities, close. */
import { useId, useMemo } from 'react';
import {
  CloseBody,
  ForwardBody,
  isOpenState,
  RESTATE_HIDDEN_EMAIL,
  VerificationBody,
  WithdrawBody,
} from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession, useSignedIn } from '../auth/session-context';
import { compact, getPath, maxLengthAt, type Values } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import {
  ActivityActions,
  activityTitle,
  awaitingReforward,
  calledOffByClose,
  CENTRAL,
  isActivityOpen,
  openAgencies,
} from './activity-actions';
import { AgencyPicker, useAgencies } from './agencies';
import { CheckboxField, SelectField, TextField } from './field';
import { forAgencies } from './restatement';
import { Time, useSavedSince } from './ui';

export function CaseActions({ kase, onChange }: { kase: Schemas['Case']; onChange: () => void }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const id = kase.id;
  // Central's long texts (a rejection's reason, instructions, a close's note) survive an expired
  // session's trip to sign-in: per tab, per user and case, as the agencies' forms keep theirs.
  const sub = useSession().session?.sub;
  const draft = (action: string) => (sub ? `${sub}:${id}:${action}` : undefined);
  // The agencies a close would withdraw, by name (the close form lists them and says so after).
  const withdrawnByClose = kase.assignments.filter(isOpen).map((a) => nameOf(a.agencyId));
  // The API takes needs_info without saying what is missing (older clients); the console
  // always asks, since the complainant is shown it on the tracking page (or, on a confidential
  // report, whose tracking page leaves it out, central tells them itself).
  const verification = useMemo(
    () =>
      VerificationBody.refine((b) => b.decision !== 'needs_info' || b.missing !== undefined, {
        path: ['missing'],
        message: t('caseActions.missingRequired'),
      }).refine(
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
  // Decided, or confirmed, on the version the page showed: a colleague's decision, forward or
  // an agency's answer since is a 409, said here with the latest to load (the text kept).
  const decidedSince = useSavedSince(t('caseActions.verifySavedSince'), onChange);
  const closedSince = useSavedSince(t('caseActions.closeSavedSince'), onChange);
  const canVerify = kase.status === 'received' || kase.status === 'needs_info';
  const canForward = ['verified', 'forwarded', 'in_follow_up', 'reopened'].includes(kase.status);
  const closed = kase.status === 'closed' || kase.status === 'rejected';
  const contact = contactOf(kase);
  const missingHint = !kase.confidential
    ? t('caseActions.missingHint')
    : contact !== null
      ? t('caseActions.missingHintConfidential', { contact })
      : t('caseActions.missingHintUnreachable');
  // A closed case keeps an activity already held to be reported (the close called off the rest).
  if (closed && !kase.activities.some(isActivityOpen)) return null;
  return (
    <section className="card" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('caseActions.title')}</h2>
      {canVerify ? (
        <ActionForm
          // Started afresh from a subject restated meanwhile (needs_info keeps the form).
          key={`verify-${kase.subject}`}
          open
          title={t('caseActions.verify')}
          schema={verification}
          initial={{ subject: kase.subject, description: forAgencies(kase) }}
          draftKey={draft('verify')}
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
            unwrap(
              api.POST('/v1/cases/{id}/verification', { params: { path: { id } }, body }),
            ).catch((e: unknown) => {
              throw decidedSince.refused(e);
            })
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
      ) : null}
      {canForward ? <Forward kase={kase} draftKey={draft('forward')} onChange={onChange} /> : null}
      {(closed ? [] : awaitingReforward(kase)).map((a) =>
        // Settling the only agency's redirect would leave nobody to answer the complainant (the
        // API refuses it, 409): the case needs a forward.
        !othersHold(kase, a.agencyId) ? (
          <p className="hint" key={a.agencyId}>
            {t('caseActions.settleRedirectAlone', { agency: nameOf(a.agencyId) })}
          </p>
        ) : (
          <ActionForm
            key={a.agencyId}
            title={t('caseActions.settleRedirect', { agency: nameOf(a.agencyId) })}
            schema={WithdrawBody}
            submitLabel={t('caseActions.settleRedirectSubmit')}
            onDone={onChange}
            send={(body, key) =>
              unwrap(
                api.POST('/v1/cases/{id}/assignments/{agencyId}/withdraw', {
                  params: { path: { id, agencyId: a.agencyId } },
                  body,
                  headers: { 'idempotency-key': key },
                }),
              )
            }
          >
            {(form) => (
              <>
                <p className="hint">{t('caseActions.settleRedirectHint')}</p>
                <TextField
                  form={form}
                  name="reason"
                  label={t('caseActions.settleRedirectReason')}
                  multiline
                  required
                />
              </>
            )}
          </ActionForm>
        ),
      )}
      <ActivityActions kase={kase} closed={closed} onChange={onChange} />
      {!closed ? (
        <ActionForm
          title={t('caseActions.close')}
          schema={CloseBody}
          draftKey={draft('close')}
          submitLabel={t('caseActions.close')}
          // Terminal for central, and it withdraws every assignment still open.
          confirm={(body) => ({
            message: [
              withdrawnByClose.length > 0
                ? t('caseActions.closeConfirmWithdraws', {
                    outcome: labelOf(t, 'outcome', body.outcome),
                    agencies: withdrawnByClose.join(', '),
                  })
                : t('caseActions.closeConfirm', { outcome: labelOf(t, 'outcome', body.outcome) }),
              // The complainant's say on the answers, still open, is over with the close.
              ...(kase.replyWindowClosesAt ? [t('caseActions.closeConfirmReplyWindow')] : []),
            ].join(' '),
            label: t('caseActions.closeConfirmYes'),
          })}
          // What the close did, from its answer: the assignments it withdrew.
          result={(body, closedCase: Schemas['Case']) => {
            const withdrawn = withdrawnBy(kase, closedCase).map((a) => nameOf(a.agencyId));
            return withdrawn.length > 0
              ? t('caseActions.closedWithdrawn', {
                  outcome: labelOf(t, 'outcome', body.outcome),
                  agencies: withdrawn.join(', '),
                })
              : t('caseActions.closed', { outcome: labelOf(t, 'outcome', body.outcome) });
          }}
          onDone={onChange}
          // On the version whose open assignments the confirmation named.
          toBody={(values) => ({ ...(compact(values) as Values), version: kase.version })}
          send={(body) =>
            unwrap(api.POST('/v1/cases/{id}/close', { params: { path: { id } }, body })).catch(
              (e: unknown) => {
                throw closedSince.refused(e);
              },
            )
          }
        >
          {(form) => (
            <>
              {closedSince.reloadButton}
              <ReplyWindowEndsWithClose closesAt={kase.replyWindowClosesAt} />
              <WithdrawnByClose
                kase={kase}
                resolved={getPath(form.values, 'outcome') === 'resolved'}
              />
              <CalledOffByClose activities={kase.activities} />
              <SelectField
                form={form}
                name="outcome"
                label={t('caseActions.outcomeSelect')}
                required
                empty=""
                options={(['resolved', 'unresolved', 'withdrawn'] as const).map((o) => ({
                  value: o,
                  label: labelOf(t, 'outcome', o),
                }))}
              />
              <TextField form={form} name="note" label={t('actions.note')} multiline />
            </>
          )}
        </ActionForm>
      ) : null}
    </section>
  );
}

/** An assignment the agency still works on: a close withdraws it. */
const isOpen = (a: Schemas['Assignment']) => isOpenState(a.state);

/**
 * The assignments a close withdrew, as its answer (`closed`) says: withdrawn there, and not
 * already withdrawn on the page (`before`) in the same forwarding.
 */
export function withdrawnBy(
  before: Pick<Schemas['Case'], 'assignments'>,
  closed: Pick<Schemas['Case'], 'assignments'>,
): Schemas['Assignment'][] {
  return closed.assignments.filter((a) => {
    if (a.state !== 'withdrawn') return false;
    const was = before.assignments.find((b) => b.agencyId === a.agencyId);
    return !(was?.state === 'withdrawn' && was.forwardedAt === a.forwardedAt);
  });
}

const DECISIONS = ['accept', 'needs_info', 'reject'] as const;
const isDecision = (v: unknown): v is (typeof DECISIONS)[number] =>
  (DECISIONS as readonly unknown[]).includes(v);

/**
 * What the close does to the agencies, said before it is sent (as `closeCase` does it): each
 * assignment still open is withdrawn and its reminders stop, its extension request awaiting a
 * decision lapses, and a "not ours" awaiting its re-forward is settled. Closing as resolved
 * while they are open records the complaint settled without their final answer: said too.
 */
function WithdrawnByClose({ kase, resolved }: { kase: Schemas['Case']; resolved: boolean }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const listId = useId();
  const open = kase.assignments.filter(isOpen);
  const settled = awaitingReforward(kase);
  if (open.length === 0 && settled.length === 0) return null;
  return (
    <div className="alert" role="note">
      {open.length > 0 ? (
        <>
          <p id={listId}>{t('caseActions.closeWithdraws')}</p>
          <ul aria-label={t('caseActions.closeWithdrawsList')} aria-describedby={listId}>
            {open.map((a) => {
              const lapsing = kase.extensionRequests.find((x) => x.agencyId === a.agencyId);
              return (
                <li key={a.agencyId}>
                  {t('caseActions.closeWithdrawsItem', { agency: nameOf(a.agencyId) })}
                  {lapsing
                    ? ` ${t('caseActions.closeLapses', { days: lapsing.workingDays })}`
                    : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {settled.map((a) => (
        <p key={a.agencyId}>{t('caseActions.closeSettles', { agency: nameOf(a.agencyId) })}</p>
      ))}
      {resolved && open.length > 0 ? (
        <p>
          {t('caseActions.closeNoFinalAnswer', {
            agencies: open.map((a) => nameOf(a.agencyId)).join(', '),
          })}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A resolved case whose complainant may still reply: the close ends their window, so they can
 * no longer say whether they are satisfied (not satisfied would reopen it). Said before it is
 * sent: before, the form said nothing of it, and the complainant lost their say unawares.
 */
function ReplyWindowEndsWithClose({ closesAt }: { closesAt: string | null }) {
  const { t } = useI18n();
  const { zone } = useSignedIn();
  if (!closesAt) return null;
  return (
    <p className="alert" role="note">
      {t('caseActions.closeReplyWindowUntil')} <Time at={closesAt} zone={zone} />.{' '}
      {t('caseActions.closeReplyWindowEnds')}
    </p>
  );
}

/**
 * What the close will call off, said before it is sent: the activities not yet held, each by
 * kind and date (or none), and to report first any of them that took place all the same (a
 * clarification by phone never given a date): once cancelled, it can no longer be reported.
 */
function CalledOffByClose({ activities }: { activities: readonly Schemas['Activity'][] }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const { zone } = useSignedIn();
  const listId = useId();
  const calledOff = activities.filter(calledOffByClose);
  if (calledOff.length === 0) return null;
  return (
    <div className="alert" role="note">
      <p id={listId}>{t('caseActions.closeCallsOff')}</p>
      <ul aria-label={t('caseActions.closeCallsOffList')} aria-describedby={listId}>
        {calledOff.map((a) => (
          <li key={a.id}>
            {activityTitle(t, nameOf, a)} ·{' '}
            {a.scheduledAt ? (
              <Time at={a.scheduledAt} zone={zone} />
            ) : (
              t('caseActions.closeUnscheduled')
            )}
          </li>
        ))}
      </ul>
      <p>{t('caseActions.closeReportFirst')}</p>
    </div>
  );
}

/**
 * Forward to several agencies at once, each with its own instructions, found by name with the
 * picker (an agency's suggestion listed first). Agencies with an open assignment are not
 * offered; a redirected or completed one can be chosen again (a re-forward).
 */
function Forward({
  kase,
  draftKey,
  onChange,
}: {
  kase: Schemas['Case'];
  draftKey: string | undefined;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  // Only an assignment still open keeps its agency off the list (as the API says): one that
  // completed can be forwarded again, as a reopened case is, also once it left `reopened`.
  const busy = new Set(openAgencies(kase));
  const suggested = new Set(
    kase.assignments.flatMap((a) =>
      a.redirect?.suggestedAgencyId ? [a.redirect.suggestedAgencyId] : [],
    ),
  );
  return (
    <ActionForm
      open={kase.status === 'verified' || kase.status === 'reopened' || suggested.size > 0}
      title={kase.assignments.length > 0 ? t('caseActions.reforward') : t('caseActions.forward')}
      schema={ForwardBody}
      initial={{ picked: {} }}
      draftKey={draftKey}
      submitLabel={t('caseActions.forwardButton')}
      result={(body) =>
        t('caseActions.forwardedTo', {
          agencies: body.assignments.map((a) => nameOf(a.agencyId)).join(', '),
        })
      }
      onDone={onChange}
      send={(body, key) =>
        unwrap(
          api.POST('/v1/cases/{id}/assignments', {
            params: { path: { id: kase.id } },
            body,
            headers: { 'idempotency-key': key },
          }),
        )
      }
      toBody={(values) => forwardBody(values)}
    >
      {(form) => {
        const picked = Object.entries(
          (getPath(form.values, 'picked') ?? {}) as Record<string, { on?: boolean }>,
        )
          .filter(([, v]) => v.on)
          .map(([agencyId]) => agencyId);
        const pickerId = `forward-${kase.id}`;
        form.describe('assignments', { label: t('caseActions.agencies'), id: pickerId });
        return (
          <fieldset>
            <legend>{t('caseActions.agencies')}</legend>
            <AgencyPicker
              inputId={pickerId}
              label={t('caseActions.addAgency')}
              hint={t('caseActions.agenciesHint')}
              error={form.errors.assignments}
              exclude={new Set([...busy, ...picked, CENTRAL])}
              suggested={suggested}
              hold={(message) => form.hold('assignments', message)}
              onPick={(agency) => form.set(`picked.${agency.id}.on`, true)}
            />
            {picked.length > 0 ? (
              <ul className="plain chosen-agencies" aria-label={t('picker.chosen')}>
                {picked.map((agencyId) => (
                  <li key={agencyId}>
                    <p className="chosen">
                      <strong>{nameOf(agencyId)}</strong>
                      {suggested.has(agencyId) ? (
                        <span className="badge">{t('caseActions.suggested')}</span>
                      ) : null}{' '}
                      <button
                        type="button"
                        onClick={() => {
                          form.set(`picked.${agencyId}`, {});
                          // The button goes with the agency: focus back to the picker, not <body>.
                          document.getElementById(pickerId)?.focus();
                        }}
                      >
                        {t('picker.remove', { agency: nameOf(agencyId) })}
                      </button>
                    </p>
                    <TextField
                      form={form}
                      name={`picked.${agencyId}.instructions`}
                      label={t('caseActions.instructionsFor', { agency: nameOf(agencyId) })}
                      maxLength={maxLengthAt(ForwardBody, 'assignments.0.instructions')}
                      multiline
                    />
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        );
      }}
    </ActionForm>
  );
}

/**
 * Whether an agency other than `agencyId` still has the case: an assignment open or completed,
 * or another redirect awaiting its re-forward (as the API's `noAgencyLeft` counts them).
 */
export function othersHold(kase: Schemas['Case'], agencyId: string): boolean {
  const awaiting = awaitingReforward(kase);
  return kase.assignments.some(
    (b) =>
      b.agencyId !== agencyId &&
      ((b.state !== 'redirected' && b.state !== 'withdrawn') || awaiting.includes(b)),
  );
}

/**
 * How central can reach the complainant (e-mail, phone, address), or null when they left none
 * (anonymous, or a name alone): on a confidential report the tracking page leaves out what is
 * missing (case-view.ts), so only this carries the request to them.
 */
function contactOf(kase: Pick<Schemas['Case'], 'complainant'>): string | null {
  const { email, phone, address } = kase.complainant ?? {};
  const ways = [email, phone, address].filter((w): w is string => Boolean(w?.trim()));
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

/** The forward form's checkboxes and texts as the API's body (validated by its schema after). */
export function forwardBody(values: Record<string, unknown>): unknown {
  const picked = (values.picked ?? {}) as Record<string, { on?: boolean; instructions?: string }>;
  return {
    assignments: Object.entries(picked)
      .filter(([, v]) => v.on)
      .map(([agencyId, v]) => ({
        agencyId,
        ...(v.instructions?.trim() ? { instructions: v.instructions } : {}),
      })),
  };
}
