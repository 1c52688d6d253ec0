/**
 * The complaint as the case page shows it: its text, who complained (or why an agency is not
 * told), where, what kind, and the case's own dates (verification, the complainant's reply
 * window, the legal limit), how it was refused or closed; central restates it here.
 */
import {
  CLOSED_SATISFIED_NOTE,
  CLOSED_UNANSWERED_NOTE,
  phoneForReading,
  RESTATABLE,
} from '@pantau/core/schemas';
import type { Schemas } from '../../api/client';
import { MayMove, useDeclaredYears } from '../../components/deadlines';
import { FoldedText } from '../../components/folded-text';
import { IncomingLetter } from '../../components/incoming-letter';
import { Restatement } from '../../components/restatement';
import { Time } from '../../components/ui';
import { dateIn, formatDate, type TimeZone } from '../../format';
import { labelOf, useI18n } from '../../i18n/i18n';

/**
 * One of the complainant's details on a line of its own (the NIK to check a signed letter
 * against, the address to write back to by post), when the case holds it and the reader may.
 */
function ComplainantDetail({
  label,
  value,
  prose,
}: {
  label: string;
  value: string | null | undefined;
  /** Kept as typed, its line breaks too (a postal address). */
  prose?: boolean;
}) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={prose ? 'prose' : undefined}>{value}</dd>
    </>
  );
}

/**
 * The agency's part in the case ended without its doing the work: each of its assignments
 * withdrawn or redirected. The API then withholds the complainant from it even when the identity
 * was never hidden (`identityHidden` stays the case's own): the page must not say the
 * complainant asked for secrecy.
 */
const partEnded = (assignments: readonly Schemas['Assignment'][]) =>
  assignments.length > 0 &&
  assignments.every((a) => a.state === 'withdrawn' || a.state === 'redirected');

export function Complaint({
  kase,
  zone,
  central,
  onChange,
}: {
  kase: Schemas['Case'];
  zone: TimeZone;
  central: boolean;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const declared = useDeclaredYears();
  return (
    <section className="card" aria-labelledby="complaint">
      <h2 id="complaint">{t('case.complaint')}</h2>
      {/* Up to 20,000 characters: a long one folded to its first lines (a 3,000-character
        complaint filled four screens of a phone above everything else). */}
      <FoldedText text={kase.description} />
      {central && kase.agencyDescription !== null ? (
        <>
          <h3>{t('case.agencyDescription')}</h3>
          <p className="prose">{kase.agencyDescription}</p>
        </>
      ) : null}
      <dl>
        <dt>{t('case.complainant')}</dt>
        <dd>
          {kase.complainant ? (
            <>
              {kase.complainant.name}
              {kase.identityHidden ? (
                <span className="badge">{t('case.identityHiddenFromAgencies')}</span>
              ) : null}
            </>
          ) : !central && !kase.identityHidden && partEnded(kase.assignments) ? (
            <em>{t('case.identityPartEnded')}</em>
          ) : (
            <em>{t('case.identityHidden')}</em>
          )}
        </dd>
        {/* Each as the API sends it: central always; an agency never when the identity is hidden. */}
        <ComplainantDetail
          label={t('case.complainantIdNumber')}
          value={kase.complainant?.idNumber}
        />
        <ComplainantDetail label={t('case.complainantEmail')} value={kase.complainant?.email} />
        {/* As an officer reads and dials it (0812-3456-7890), not as stored (+6281234567890). */}
        <ComplainantDetail
          label={t('case.complainantPhone')}
          value={kase.complainant?.phone && phoneForReading(kase.complainant.phone)}
        />
        <ComplainantDetail
          label={t('case.complainantAddress')}
          value={kase.complainant?.address}
          prose
        />
        <IncomingLetter letter={kase.letter} />
        {kase.respondent ? (
          <>
            <dt>{t('case.respondent')}</dt>
            <dd>{kase.respondent}</dd>
          </>
        ) : null}
        {kase.location ? (
          <>
            <dt>{t('case.location')}</dt>
            <dd>{[kase.location.regency, kase.location.province].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        {kase.classification ? (
          <>
            <dt>{t('case.type')}</dt>
            <dd>
              {labelOf(t, 'type', kase.classification.type)}
              {kase.classification.category ? ` · ${kase.classification.category}` : ''}
            </dd>
          </>
        ) : null}
        {central && (kase.status === 'received' || kase.status === 'verified') ? (
          <>
            <dt>{t('case.verificationDue')}</dt>
            <dd>
              <Time at={kase.verificationDueAt} zone={zone} />
              {kase.overdue ? (
                <span className="badge deadline-overdue">{t('deadline.overdue')}</span>
              ) : null}
              <MayMove at={kase.verificationDueAt} zone={zone} declared={declared} />
            </dd>
          </>
        ) : null}
        {kase.replyWindowClosesAt ? (
          <>
            <dt>{t('case.replyWindow')}</dt>
            <dd>
              <Time at={kase.replyWindowClosesAt} zone={zone} />
              <div className="muted small">{t('case.replyWindowHint')}</div>
              <MayMove at={kase.replyWindowClosesAt} zone={zone} declared={declared} />
            </dd>
          </>
        ) : null}
        {kase.legalLimit ? (
          <>
            <dt>{t('case.legalLimit')}</dt>
            <dd>
              {/* A count of calendar days ending at 23.59.59 WIB: the day in WIB, in any zone. */}
              <time dateTime={kase.legalLimit.at}>
                {formatDate(dateIn(kase.legalLimit.at, 'Asia/Jakarta'), lang)}
              </time>
              {kase.legalLimit.passed ? (
                <span className="badge deadline-overdue">{t('case.legalLimitPassed')}</span>
              ) : null}
              <div className="muted small">{t('case.legalLimitHint')}</div>
            </dd>
          </>
        ) : null}
        {central && kase.status === 'needs_info' ? (
          <>
            {/* Stopped: counted again from when the complainant's answer is accepted. */}
            <dt>{t('case.verificationDue')}</dt>
            <dd className="muted">{t('case.verificationStopped')}</dd>
          </>
        ) : null}
        {kase.infoRequest ? (
          <>
            <dt>{t('case.infoRequest')}</dt>
            <dd>
              <span className="prose">{kase.infoRequest.missing ?? '—'}</span>{' '}
              <span className="muted small">
                <Time at={kase.infoRequest.requestedAt} zone={zone} />
              </span>
            </dd>
          </>
        ) : null}
        {kase.rejection ? (
          <>
            <dt>{t('case.rejection')}</dt>
            <dd>
              <span className="prose">{kase.rejection.reason ?? t('case.rejectionNoReason')}</span>{' '}
              <span className="muted small">
                <Time at={kase.rejection.at} zone={zone} />
              </span>
              {kase.rejection.note ? (
                <p className="small">
                  {t('actions.note')}: <span className="prose">{kase.rejection.note}</span>
                </p>
              ) : null}
            </dd>
          </>
        ) : null}
        {kase.closure ? (
          <>
            <dt>{t('case.closure')}</dt>
            <dd>
              {labelOf(t, 'outcome', kase.closure.outcome)} ·{' '}
              <Time at={kase.closure.at} zone={zone} />
              {/* Central's alone (an agency gets no note): why it was closed. */}
              <ClosureNote note={kase.closure.note} />
            </dd>
          </>
        ) : null}
      </dl>
      {central && RESTATABLE.includes(kase.status) ? (
        <Restatement kase={kase} onChange={onChange} />
      ) : null}
    </section>
  );
}

/**
 * Why the case was closed, under its outcome: the complainant's "satisfied" or their window
 * ending in silence, said in the reader's language; otherwise the note the officer who closed
 * it wrote, as typed (before, it was kept and shown nowhere).
 */
function ClosureNote({ note }: { note: string | null }) {
  const { t } = useI18n();
  if (!note) return null;
  if (note === CLOSED_SATISFIED_NOTE) return <p className="small">{t('case.closedSatisfied')}</p>;
  if (note === CLOSED_UNANSWERED_NOTE) return <p className="small">{t('case.closedUnanswered')}</p>;
  return (
    <p className="small">
      {t('actions.note')}: <span className="prose">{note}</span>
    </p>
  );
}
