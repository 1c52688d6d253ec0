/**
 * An assignment's escalation ladder: the steps already taken, each with how its letter stands
 * when it did not reach everyone, and those still to come.
 */
import { type Schemas } from '../api/client';
import { isCentral } from '../auth/session';
import { useSession } from '../auth/session-context';
import { formatDate, type TimeZone } from '../format';
import { labelOf, stepLabel, useI18n } from '../i18n/i18n';
import { useDeadlines } from './deadlines-read';
import { Time } from './ui';

/**
 * An assignment's escalation ladder, folded ("Tahapan eskalasi (7)"): an agency's, below its
 * actions. On a phone the steps ran about 700 px between its deadlines and its acknowledgement.
 */
export function LadderPanel({
  caseId,
  agencyId,
  version,
  zone,
}: {
  caseId: string;
  agencyId: string;
  version: number;
  /** The assignment's own zone. */
  zone: TimeZone;
}) {
  const { t } = useI18n();
  const loaded = useDeadlines(caseId, agencyId, version);
  // The deadlines above say it when the read fails or is still under way.
  if (!loaded.data) return null;
  const { taken, toCome } = loaded.data.ladder;
  return (
    <details className="ladder-fold">
      <summary>{t('ladder.folded', { count: taken.length + toCome.length })}</summary>
      <LadderView ladder={loaded.data.ladder} agencyId={agencyId} zone={zone} />
    </details>
  );
}

export function LadderView({
  ladder,
  agencyId,
  zone,
}: {
  ladder: Schemas['Deadlines']['ladder'];
  agencyId: string;
  zone: TimeZone;
}) {
  const { t } = useI18n();
  return (
    <div className="ladder">
      <LadderSteps title={t('ladder.taken')} steps={ladder.taken} agencyId={agencyId} zone={zone} />
      <LadderSteps
        title={t('ladder.toCome')}
        steps={ladder.toCome}
        agencyId={agencyId}
        zone={zone}
      />
    </div>
  );
}

function LadderSteps({
  title,
  steps,
  agencyId,
  zone,
}: {
  title: string;
  steps: Schemas['Deadlines']['ladder']['taken'];
  agencyId: string;
  zone: TimeZone;
}) {
  const { t, lang } = useI18n();
  return (
    <div>
      <h4>{title}</h4>
      {steps.length === 0 ? (
        <p className="muted small">{t('common.none')}</p>
      ) : (
        <ol>
          {steps.map((step) => (
            <li key={step.id}>
              {/* Letters go in letter hours: one at 00.00, on a Saturday or a holiday goes at
                  08.00 (or minutes after) that working day or the next, and bears that day. The
                  day, as the letters list says it; the instant only for a letter older than it. */}
              {step.datedOn ? (
                <time dateTime={step.datedOn}>{formatDate(step.datedOn, lang)}</time>
              ) : (
                <Time at={step.at} zone={zone} />
              )}{' '}
              — {stepLabel(t, step.step)}
              <span className="muted small">
                {' '}
                ({step.targets.map((target) => labelOf(t, 'target', target)).join(', ')})
              </span>
              <StepLetter letter={step.letter} agencyId={agencyId} zone={zone} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * How a step's letter stands, when not delivered: a step taken whose letter failed reached no
 * one, and said only in the letters at the foot of a long case page it read as five steps done
 * to an agency that never got one ("Surat tidak terkirim: alamat surel … ditolak"). A letter sent
 * with addresses refused says which did not get it (an intervention went to central, its copy to
 * the agency refused): the agency's officials' addresses, named to central and to that agency.
 * Nothing on a letter sent to all, nor on a step to come.
 */
function StepLetter({
  letter,
  agencyId,
  zone,
}: {
  letter: Schemas['Deadlines']['ladder']['taken'][number]['letter'];
  agencyId: string;
  zone: TimeZone;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  if (!letter) return null;
  if (letter.status === 'sent') {
    if (letter.refusedAddresses.length === 0) return null;
    const named = session !== null && (isCentral(session) || session.agency === agencyId);
    return (
      <div className="error small step-letter">
        {named
          ? t('ladder.letterPartlyRefused', { addresses: letter.refusedAddresses.join(', ') })
          : t('ladder.letterPartlyRefusedUnnamed')}
        {letter.handled ? ` (${t('letters.handled')})` : null}
      </div>
    );
  }
  if (letter.status === 'failed')
    return (
      <div className="error small step-letter">
        {t('ladder.letterFailed', { reason: t(`letterFailure.${letter.failure ?? 'mailer'}`) })}
        {letter.handled ? ` (${t('letters.handled')})` : null}
      </div>
    );
  if (letter.status === 'cancelled')
    return (
      <div className="muted small step-letter">
        {letter.cancelled
          ? t('ladder.letterCancelled', { reason: t(`letterVoid.${letter.cancelled}`) })
          : t('letterStatus.cancelled')}
      </div>
    );
  // Queued: refused and waiting for its retry (said as a failure is, with when it is tried
  // again), held for letter hours, or going now.
  if (letter.refused)
    return (
      <div className="error small step-letter">
        {t('ladder.letterRefused', { reason: t(`letterFailure.${letter.refused}`) })}
        {letter.sendsAt ? (
          <>
            {'; '}
            {t('ladder.letterRetry')} <Time at={letter.sendsAt} zone={zone} />
          </>
        ) : null}
      </div>
    );
  return (
    <div className="muted small step-letter">
      {letter.sendsAt ? (
        <>
          {t('ladder.letterHeld')} <Time at={letter.sendsAt} zone={zone} />
        </>
      ) : (
        t('ladder.letterPending')
      )}
    </div>
  );
}
