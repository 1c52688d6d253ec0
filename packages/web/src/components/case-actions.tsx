/**
 * Central's actions on a case, each a form of its own: verify and classify (verify-form.tsx),
 * forward and re-forward (forward-form.tsx), settle a "not ours" (settle-redirect-form.tsx), plan
 * an activity (plan-form.tsx) and act on those still to be held (activity-actions.tsx), close
 * (close-form.tsx). This one composes them for the case page.
 */
import type { Schemas } from '../api/client';
import { useSession } from '../auth/session-context';
import { labelOf, useI18n } from '../i18n/i18n';
import { ReadAgainProvider, useUnsent } from './action-form';
import { ActivityActions, awaitingReforward, isActivityOpen } from './activity-actions';
import { useAgencies } from './agencies';
import { CloseForm } from './close-form';
import { ForwardForm } from './forward-form';
import { PlanForm } from './plan-form';
import { SettleRedirectForm } from './settle-redirect-form';
import { VerifyForm } from './verify-form';

export function CaseActions({ kase, onChange }: { kase: Schemas['Case']; onChange: () => void }) {
  // Each case its own forms: the page stays mounted when it opens another case (the
  // complainant's other case), whose forms must not start from this one's text.
  return <Actions key={kase.id} kase={kase} onChange={onChange} />;
}

function Actions({ kase, onChange }: { kase: Schemas['Case']; onChange: () => void }) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const id = kase.id;
  // Central's long texts (a rejection's reason, instructions, a close's note) survive an expired
  // session's trip to sign-in: per tab, per user and case, as the agencies' forms keep theirs.
  const sub = useSession().session?.sub;
  const draft = (action: string) => (sub ? `${sub}:${id}:${action}` : undefined);
  // The forms holding text not yet sent. The page reads the case again after every action: a
  // form whose action that made impossible (the case closed meanwhile) stays while it holds
  // text, saying why, rather than vanish with it; an untouched one just goes.
  const { unsent, holds, shows } = useUnsent();
  const goneSince = t('caseActions.formGone', { status: labelOf(t, 'status', kase.status) });
  const gone = (possible: boolean) => (possible ? undefined : goneSince);
  const canVerify = kase.status === 'received' || kase.status === 'needs_info';
  const canForward = ['verified', 'forwarded', 'in_follow_up', 'reopened'].includes(kase.status);
  const closed = kase.status === 'closed' || kase.status === 'rejected';
  const canPlan = !closed && kase.status !== 'received';
  const awaiting = closed ? [] : awaitingReforward(kase);
  // A redirect settled (or answered by a forward) meanwhile, its reason still typed.
  const settling = [
    ...awaiting.map((a) => a.agencyId),
    ...[...unsent].flatMap((form) => (form.startsWith('settle:') ? [form.slice(7)] : [])),
  ].filter((agencyId, i, all) => all.indexOf(agencyId) === i);
  // A closed case keeps an activity already held to be reported (the close called off the rest).
  if (closed && !kase.activities.some(isActivityOpen) && unsent.size === 0) return null;
  return (
    <section className="card" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('caseActions.title')}</h2>
      {/* A form refused because the case moved on unseen has the case read again: its action
      gone, it stays with its text to discard (its form is then shown only for the text). */}
      <ReadAgainProvider reload={onChange}>
        {shows('verify', canVerify) ? (
          <VerifyForm
            kase={kase}
            draftKey={draft('verify')}
            gone={gone(canVerify)}
            onDirty={holds('verify')}
            onChange={onChange}
          />
        ) : null}
        {shows('forward', canForward) ? (
          <ForwardForm
            kase={kase}
            draftKey={draft('forward')}
            gone={gone(canForward)}
            onDirty={holds('forward')}
            onChange={onChange}
          />
        ) : null}
        {settling.map((agencyId) => {
          const open = awaiting.some((a) => a.agencyId === agencyId);
          // Settling the only agency's redirect would leave nobody to answer the complainant (the
          // API refuses it, 409): the case needs a forward.
          const alone = open && !othersHold(kase, agencyId);
          const agency = nameOf(agencyId);
          return alone && !unsent.has(`settle:${agencyId}`) ? (
            <p className="hint" key={agencyId}>
              {t('caseActions.settleRedirectAlone', { agency })}
            </p>
          ) : (
            <SettleRedirectForm
              key={agencyId}
              kase={kase}
              agencyId={agencyId}
              gone={
                alone
                  ? t('caseActions.settleRedirectAlone', { agency })
                  : open
                    ? undefined
                    : t('caseActions.settleRedirectGone', { agency })
              }
              onDirty={holds(`settle:${agencyId}`)}
              onChange={onChange}
            />
          );
        })}
        {shows('plan', canPlan) ? (
          <PlanForm
            kase={kase}
            draftKey={draft('activity-plan')}
            gone={gone(canPlan)}
            onDirty={holds('plan')}
            onChange={onChange}
          />
        ) : null}
        <ActivityActions
          kase={kase}
          closed={closed}
          unsent={unsent}
          holds={holds}
          onChange={onChange}
        />
        {shows('close', !closed) ? (
          <CloseForm
            kase={kase}
            draftKey={draft('close')}
            gone={gone(!closed)}
            onDirty={holds('close')}
            onChange={onChange}
          />
        ) : null}
      </ReadAgainProvider>
    </section>
  );
}

/** What each of central's forms on the case is given by the page that hosts them. */
export interface CaseFormProps {
  readonly kase: Schemas['Case'];
  /** Where its unsent text is kept (per officer, case and form). */
  readonly draftKey?: string | undefined;
  /** Why its action is no longer possible (the case moved on): the text stays until discarded. */
  readonly gone: string | undefined;
  readonly onDirty: (dirty: boolean) => void;
  readonly onChange: () => void;
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
