/** Central closes a case: what the close withdraws, settles, calls off and ends, asked first. */
import { useId } from 'react';
import { CloseBody, isOpenState } from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { compact, getPath, type Values } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';
import { ActionForm } from './action-form';
import { activityTitle, awaitingReforward, calledOffByClose } from './activity-actions';
import { useAgencies } from './agencies';
import type { CaseFormProps } from './case-actions';
import { SelectField, TextField } from './field';
import { Time, useSavedSince } from './ui';

/**
 * Closing the case: terminal for central, and it withdraws every assignment still open. Said
 * before it is sent (what it withdraws, settles and calls off, the complainant's reply window it
 * ends), asked first, and sent on the version whose open assignments the question named.
 */
export function CloseForm({ kase, draftKey, gone, onDirty, onChange }: CaseFormProps) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const id = kase.id;
  // The agencies a close would withdraw, by name (the close form lists them and says so after).
  const withdrawnByClose = kase.assignments.filter(isOpen).map((a) => nameOf(a.agencyId));
  // Closed on the version the page showed: a colleague's forward or an agency's answer since is
  // a 409, said here with the latest to load (the note kept).
  const closedSince = useSavedSince(t('caseActions.closeSavedSince'), onChange);
  /**
   * What changed, when the close was refused as changed since: the complainant's "not
   * satisfied" (the case, read again, reopened since the page showed it) is said as theirs, not
   * as a colleague's. Undefined: a colleague's change, as the sentence says by default.
   */
  const changedSince = async (error: unknown): Promise<string | undefined> => {
    const conflict = error instanceof ApiError && error.problem?.code === 'version_conflict';
    if (!conflict || kase.status === 'reopened') return undefined;
    const now = await unwrap(api.GET('/v1/cases/{id}', { params: { path: { id } } })).catch(
      () => null,
    );
    return now?.status === 'reopened' ? t('caseActions.closeReopenedSince') : undefined;
  };
  return (
    <ActionForm
      gone={gone}
      onDirty={onDirty}
      title={t('caseActions.close')}
      schema={CloseBody}
      draftKey={draftKey}
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
          async (e: unknown) => {
            throw closedSince.refused(e, await changedSince(e));
          },
        )
      }
    >
      {(form) => (
        <>
          {closedSince.reloadButton}
          <ReplyWindowEndsWithClose closesAt={kase.replyWindowClosesAt} />
          <WithdrawnByClose kase={kase} resolved={getPath(form.values, 'outcome') === 'resolved'} />
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
 * kind and date (or none), that the agencies invited by letter get one calling it off, and to
 * report first any of them that took place all the same (a
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
      {/* Each agency holding an invitation letter to one gets a "Pembatalan" (the API writes
      them in the close): a head holding a Surat Undangan would come otherwise. */}
      {calledOff.some((a) => a.scheduledAt && a.agencyIds.length > 0) ? (
        <p>{t('caseActions.closeCancellationLetters')}</p>
      ) : null}
      <p>{t('caseActions.closeReportFirst')}</p>
    </div>
  );
}
