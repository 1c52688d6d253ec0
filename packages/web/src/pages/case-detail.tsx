/**
 * One case. Central sees everything and acts on the case (verify, forward, re-forward, decide
 * extensions, plan and report activities, close). An agency sees the complaint (identity hidden
 * where it must be), central's instructions, its deadlines with how they were computed, the
 * ladder, the timeline, how its case was closed (by whom, when) or that it was reopened, and acts
 * on its assignment.
 */
import { useEffect, useState } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import {
  CLOSED_SATISFIED_NOTE,
  CLOSED_UNANSWERED_NOTE,
  isOpenState,
  phoneForReading,
  RESTATABLE,
} from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { isCentral } from '../auth/session';
import { useSignedIn } from '../auth/session-context';
import { useAgencies } from '../components/agencies';
import { AgencyAnswers } from '../components/agency-answers';
import { ActionResultProvider, ReadAgainProvider, useUnsent } from '../components/action-form';
import { AssignmentActions } from '../components/assignment-actions';
import { CaseAttachments } from '../components/attachments';
import { CaseNotice } from '../components/case-notice';
import { CaseActivities } from '../components/case-activities';
import { CaseLetters, ReceiptButton } from '../components/document-links';
import { ComplainantCases } from '../components/complainant-cases';
import { IncomingLetter } from '../components/incoming-letter';
import { CaseActions, othersHold } from '../components/case-actions';
import { Delegation, HeldBy, ReturnDelegation } from '../components/delegation';
import { FoldedText } from '../components/folded-text';
import { Restatement } from '../components/restatement';
import { AcknowledgedBy } from '../components/assignment-acknowledged';
import { DeadlinesPanel, MayMove, useDeclaredYears } from '../components/deadlines';
import { Loading, PageTitle, Pager, ProblemAlert, StatusBadge, Time } from '../components/ui';
import { type Paged, useLoad, usePaged } from '../data';
import { dateIn, formatDate, formatInstant, type TimeZone } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';
import { actorKind, describeEvent, eventText } from '../timeline';

export default function CaseDetail() {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const session = useSignedIn();
  const { id } = useParams<{ id: string }>();
  const search = new URLSearchParams(useSearch());
  const focus = search.get('agency');
  const registered = search.get('registered') === '1';
  const central = isCentral(session);
  // Given back to its coordinator by this member unit: the case is no longer its to read.
  const [returned, setReturned] = useState(false);
  // What is pending (extension requests, activities) comes with the case itself; the timeline
  // is its history, read beside it a page at a time, newest first.
  const loaded = useLoad(
    () => unwrap(api.GET('/v1/cases/{id}', { params: { path: { id } } })),
    [id],
  );
  const events = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases/{id}/timeline', {
          params: {
            path: { id },
            query: { limit: 100, order: 'newest', ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    [id],
  );
  // After an action: the case, and the timeline from its newest entry again.
  const reload = () => {
    loaded.reload();
    events.reload();
  };
  // Central opened it from an agency's row (the worklist, a letter): that agency's assignment
  // among all of the case's, once, when the case has loaded.
  const ready = loaded.data !== undefined;
  useEffect(() => {
    if (ready && central && focus)
      document.getElementById(`assignment-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [ready, central, focus]);
  // Read again (after an action, a refusal, "load the latest") and answered 404: the case is no
  // longer this agency's to read (its coordinator took back what it had delegated to this unit).
  // Said instead of the case as it was, whose forms it can no longer send; not the tenancy 404
  // ("not your agency's"). Whether a form held text then is kept as the forms go with the case
  // (each keeps its draft, where it has one, in this tab).
  const { unsent, holds } = useUnsent();
  const notFound =
    !central && loaded.error instanceof ApiError && loaded.error.problem?.code === 'not_found'
      ? loaded.error.problem
      : null;
  const gone = notFound !== null && loaded.data?.id === id;
  // Opened afresh (a bookmark, a notification, the history) once its coordinator took it back:
  // the API's 404 names the focal point to a unit that held the case (`takenBackBy`), and only
  // to it, so this is said rather than the general 404 ("…or not your agency's").
  const takenBackBy = notFound?.takenBackBy;
  const [unsentWhenGone, setUnsentWhenGone] = useState<boolean | null>(null);
  if (gone && unsentWhenGone === null) setUnsentWhenGone(unsent.size > 0);
  if (!gone && unsentWhenGone !== null) setUnsentWhenGone(null);
  if (returned)
    return (
      <p className="ok" role="status">
        {t('delegate.returnedPage')} <Link href="/queue">{t('delegate.backToQueue')}</Link>
      </p>
    );
  if (gone) {
    const heldBy =
      loaded.data?.assignments.find((a) => a.delegatedTo === session.agency)?.agencyId ??
      takenBackBy;
    return (
      <p className="alert" role="alert">
        {heldBy ? t('case.goneTakenBack', { agency: nameOf(heldBy) }) : t('case.goneNotOurs')}
        {unsentWhenGone ? ` ${t('case.goneUnsent')}` : ''}{' '}
        <Link href="/queue">{t('delegate.backToQueue')}</Link>
      </p>
    );
  }
  if (takenBackBy)
    return (
      <p className="alert" role="alert">
        {t('case.takenBack', { agency: nameOf(takenBackBy) })}{' '}
        <Link href="/queue">{t('delegate.backToQueue')}</Link>
      </p>
    );
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ProblemAlert error={loaded.error} />;
  const kase = loaded.data;
  const zone = session.zone;
  // An agency acts on its own assignment, on one its focal point delegated to it (also from a
  // bookmark or an e-mail, without `?agency=`), or on a member unit's it opened. A coordinator
  // acts on every one the API lists it (its own, delegated or not, its member units' own, and
  // one delegated to it), opened from search or a letter alike, with or without `?agency=`.
  const coordinator = session.role === 'agency_coordinator';
  const assignments =
    central || coordinator
      ? kase.assignments
      : kase.assignments.filter(
          (a) =>
            a.agencyId === (focus ?? session.agency) ||
            a.agencyId === session.agency ||
            a.delegatedTo === session.agency,
        );
  // Its own agency's: delegated while open; taken back whenever (an ended one still lets the
  // unit read the case), so only "take back" once it has ended. `Delegation` decides which, and
  // keeps a delegation still typed when the assignment ends meanwhile (saying why).
  const coordinates = (a: Schemas['Assignment']) => coordinator && a.agencyId === session.agency;
  return (
    <article>
      <PageTitle>{kase.subject}</PageTitle>
      <p className="meta">
        {kase.agendaNumber ? (
          <>
            {t('documents.agendaNumber')}: <strong className="nowrap">{kase.agendaNumber}</strong>{' '}
            ·{' '}
          </>
        ) : null}
        <StatusBadge prefix="status" value={kase.status} /> · {labelOf(t, 'channel', kase.channel)}{' '}
        · {t('case.received')} <Time at={kase.receivedAt} zone={zone} />
        {central ? (
          <>
            {' '}
            · {t('case.trackingCode')}: <code>{kase.trackingCode}</code>
          </>
        ) : null}
        {kase.confidential ? <span className="badge">{t('case.confidential')}</span> : null}
      </p>
      {/* A newsletter's or a list's mail (central's alone: an agency reads false): a case all
        the same, the mail being the record, for central to verify or reject at a glance. */}
      {kase.bulkMail ? <p className="muted">{t('desk.bulkMail')}</p> : null}
      <ProblemAlert error={loaded.error} />
      {central && registered ? (
        <p className="alert" role="status">
          {kase.agendaNumber
            ? t('documents.registered', { number: kase.agendaNumber })
            : t('documents.registeredNoNumber')}
        </p>
      ) : null}
      {central && (registered || kase.channel === 'walk_in' || kase.channel === 'letter') ? (
        <ReceiptButton kase={kase} />
      ) : null}
      <ActionResultProvider>
        {/* Every form on the page, central's and the agency's alike: one the API refuses because
        the case moved on unseen (central withdrew the assignment, a colleague answered it) has the
        case read again, and keeps its text where its action is gone (`ReadAgainProvider`). */}
        <ReadAgainProvider reload={reload} unsent={(form, dirty) => holds(form)(dirty)}>
          <div className="columns">
            <div>
              <Complaint kase={kase} zone={zone} central={central} onChange={reload} />
              {/* Central's alone: an agency searches no identifier, and reads no other case of
                the complainant's. */}
              {central ? (
                <ComplainantCases caseId={kase.id} complainant={kase.complainant} zone={zone} />
              ) : null}
              <CaseActivities
                activities={kase.activities}
                earlier={kase.earlierActivities}
                zone={zone}
              />
              <CaseAttachments
                caseId={kase.id}
                central={central}
                // An agency attaches to an answer still to be given: an ended assignment takes
                // no more files (the API's 409). Central may attach to any response at any time.
                agencies={(central
                  ? assignments
                  : assignments.filter((a) => isOpenState(a.state))
                ).map((a) => a.agencyId)}
                activities={kase.activities}
                zone={zone}
                onVisibilityChanged={events.reload}
              />
              {central ? <CaseActions kase={kase} onChange={reload} /> : null}
              {assignments.map((a) => (
                <section
                  key={a.agencyId}
                  className="card"
                  aria-labelledby={`assignment-${a.agencyId}`}
                >
                  <h2 id={`assignment-${a.agencyId}`}>
                    {t('assignment.title', { agency: nameOf(a.agencyId) })}{' '}
                    <StatusBadge prefix="state" value={a.state} />
                  </h2>
                  {/* An agency reads here how its case ended or went on: withdrawn by central's
                    close (when, how; never central's note), or reopened by the complainant. */}
                  {central ? null : (
                    <CaseNotice
                      notice={a.caseNotice}
                      zone={zone}
                      withdrawn={a.state === 'withdrawn'}
                      className="alert"
                    />
                  )}
                  {a.instructions ? (
                    <>
                      <h3>{t('assignment.instructions')}</h3>
                      <p className="prose">{a.instructions}</p>
                    </>
                  ) : null}
                  <HeldBy assignment={a} zone={zone} />
                  <AcknowledgedBy assignment={a} zone={zone} />
                  {coordinates(a) ? (
                    <Delegation caseId={kase.id} assignment={a} onChange={reload} />
                  ) : null}
                  {/* Open or not: `ReturnDelegation` keeps a reason still typed when the
                      assignment ends meanwhile (saying why), and shows none otherwise. */}
                  {!central && a.delegatedTo === session.agency ? (
                    <ReturnDelegation
                      caseId={kase.id}
                      assignment={a}
                      onReturned={() => setReturned(true)}
                    />
                  ) : null}
                  {a.redirect ? (
                    <p className="alert">
                      {t('assignment.redirected', { reason: a.redirect.reason })}
                      {a.redirect.suggestedAgencyId
                        ? ` → ${nameOf(a.redirect.suggestedAgencyId)}`
                        : ''}
                    </p>
                  ) : null}
                  {/* In the assignment's own zone (WITA, WIT), named: its deadlines are its day's end. */}
                  <DeadlinesPanel
                    caseId={kase.id}
                    assignment={a}
                    zone={a.timeZone}
                    readerZone={zone}
                    version={a.version}
                  />
                  {central ? (
                    <AgencyAnswers
                      caseId={kase.id}
                      agencyId={a.agencyId}
                      agencyName={nameOf(a.agencyId)}
                      version={a.version}
                      zone={zone}
                    />
                  ) : null}
                  <AssignmentActions
                    caseId={kase.id}
                    assignment={a}
                    central={central}
                    // The case lists only those still to decide: of this forwarding, while open.
                    pendingExtensions={kase.extensionRequests.filter(
                      (x) => x.agencyId === a.agencyId,
                    )}
                    lastOnCase={central && !othersHold(kase, a.agencyId)}
                    onChange={reload}
                  />
                </section>
              ))}
            </div>
            <div>
              <Timeline
                events={events}
                zone={zone}
                zoneOf={(agencyId) =>
                  kase.assignments.find((a) => a.agencyId === agencyId)?.timeZone
                }
              />
              <CaseLetters
                caseId={kase.id}
                zone={zone}
                revision={loaded.data}
                awaiting={justForwarded(kase)}
              />
            </div>
          </div>
        </ReadAgainProvider>
      </ActionResultProvider>
    </article>
  );
}

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

function Complaint({
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
      <p className="prose">{kase.description}</p>
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

/**
 * The agencies the case's last change forwarded it to (its assignments forwarded within a
 * minute of it, by the server's clock): their forwarding letters are being written.
 */
function justForwarded(kase: Schemas['Case']): { agencyId: string; since: string }[] {
  const last = Date.parse(kase.updatedAt);
  return kase.assignments
    .filter((a) => a.state === 'pending' && last - Date.parse(a.forwardedAt) <= 60_000)
    .map((a) => ({ agencyId: a.agencyId, since: a.forwardedAt }));
}

/**
 * The case's history, newest first, a page at a time: a case sent to sixty agencies holds
 * thousands of entries, and the older ones are a "Muat lebih banyak" away, never cut off.
 */
function Timeline({
  events,
  zone,
  zoneOf,
}: {
  events: Paged<Schemas['TimelineEvent']>;
  zone: TimeZone;
  /** An agency's zone on this case: its deadlines end at the end of its day, said so there. */
  zoneOf: (agencyId: string) => TimeZone | undefined;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  // An agency's event says its deadlines in its zone, as its card above does (Jayapura's day
  // ends at 23.59 WIT; central read "21.59 WIB" here).
  const whenOf = (e: Schemas['TimelineEvent']) => {
    const at = (e.agencyId ? zoneOf(e.agencyId) : undefined) ?? zone;
    return (iso: string) => formatInstant(iso, at, lang);
  };
  return (
    <section className="card timeline" aria-labelledby="timeline">
      <h2 id="timeline">{t('case.timeline')}</h2>
      <p className="muted small">{t('case.timelineNewestFirst')}</p>
      <ProblemAlert error={events.error} />
      {events.loading && events.items.length === 0 ? <Loading /> : null}
      <ol>
        {events.items.map((e) => {
          const actor = actorKind(e.actor);
          const changed = describeEvent(e, t, nameOf, whenOf(e));
          const written = eventText(e);
          return (
            <li key={e.id}>
              <Time at={e.at} zone={zone} />
              <div>
                <strong>{labelOf(t, 'event', e.type)}</strong>
                {e.agencyId ? <span className="muted"> · {nameOf(e.agencyId)}</span> : null}
              </div>
              {changed.length > 0 ? <div>{changed.join(' · ')}</div> : null}
              {written ? <FoldedText text={written} /> : null}
              <div className="muted small">
                {actor.kind === 'person'
                  ? `${labelOf(t, 'role', actor.role)} · ${nameOf(actor.agency)}`
                  : t(`actor.${actor.kind}`)}
              </div>
            </li>
          );
        })}
      </ol>
      <Pager hasMore={events.hasMore} loading={events.loading} onMore={events.loadMore} />
    </section>
  );
}
