/**
 * One case. Central sees everything and acts on the case (verify, forward, re-forward, decide
 * extensions, plan and report activities, close). An agency sees the complaint (identity hidden
 * where it must be), central's instructions, its deadlines with how they were computed, the
 * ladder, the timeline, how its case was closed (by whom, when) or that it was reopened, and acts
 * on its assignment.
 */
import { useEffect, useState } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { isOpenState } from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { isCentral } from '../auth/session';
import { useSignedIn } from '../auth/session-context';
import { useAgencies } from '../components/agencies';
import { AgencyAnswers } from '../components/agency-answers';
import { ActionResultProvider, ReadAgainProvider, useUnsent } from '../components/action-form';
import { Acknowledge } from '../components/acknowledge';
import { AssignmentActions } from '../components/assignment-actions';
import { CaseAttachments } from '../components/attachments';
import { CaseNotice } from '../components/case-notice';
import { CaseActivities } from '../components/case-activities';
import { CaseLetters, ReceiptButton } from '../components/document-links';
import { ComplainantCases } from '../components/complainant-cases';
import { CaseActions, othersHold } from '../components/case-actions';
import { Delegation, HeldBy, ReturnDelegation } from '../components/delegation';
import { AcknowledgedBy } from '../components/assignment-acknowledged';
import { AssignmentStanding } from '../components/assignment-standing';
import { DeadlinesPanel } from '../components/deadlines';
import { DeadlinesShared } from '../components/deadlines-read';
import { LadderPanel } from '../components/ladder';
import { FoldedText } from '../components/folded-text';
import { Loading, PageTitle, ProblemAlert, StatusBadge, Time } from '../components/ui';
import { useLoad, usePaged } from '../data';
import { labelOf, useI18n } from '../i18n/i18n';
import { Complaint } from './case-detail/complaint';
import { Timeline } from './case-detail/timeline';

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
  // Files the agency stored with its answer: the attachments card reads its list again.
  const [filed, setFiled] = useState(0);
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
  // Each assignment the reader acts on: what central asks, by when, and the forms. Central reads
  // them below the complaint; an agency's come first, above the complaint, which it can unfold:
  // on a phone's one column they were six screens down, past the complaint, the activities and
  // the attachments.
  const assignmentCards = assignments.map((a) => (
    <section key={a.agencyId} className="card" aria-labelledby={`assignment-${a.agencyId}`}>
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
      {/* What the agency owes first, then what central asks: its instructions, a long one
        folded to its first lines (to read whole on a click). */}
      {central ? null : <Acknowledge caseId={kase.id} assignment={a} onChange={reload} />}
      {a.instructions ? (
        <>
          <h3>{t('assignment.instructions')}</h3>
          {central ? (
            <p className="prose">{a.instructions}</p>
          ) : (
            <FoldedText text={a.instructions} at={INSTRUCTIONS_FOLD_AT} />
          )}
        </>
      ) : null}
      <HeldBy assignment={a} zone={zone} />
      <AcknowledgedBy assignment={a} zone={zone} />
      {coordinates(a) ? <Delegation caseId={kase.id} assignment={a} onChange={reload} /> : null}
      {/* Open or not: `ReturnDelegation` keeps a reason still typed when the
          assignment ends meanwhile (saying why), and shows none otherwise. */}
      {!central && a.delegatedTo === session.agency ? (
        <ReturnDelegation caseId={kase.id} assignment={a} onReturned={() => setReturned(true)} />
      ) : null}
      {a.redirect ? (
        <p className="alert">
          {t('assignment.redirected', { reason: a.redirect.reason })}
          {a.redirect.suggestedAgencyId ? ` → ${nameOf(a.redirect.suggestedAgencyId)}` : ''}
        </p>
      ) : null}
      {/* In the assignment's own zone (WITA, WIT), named: its deadlines are its day's end.
        Central reads the ladder below them, to chase; an agency below its actions, folded (on a
        phone it ran 700 px between its deadlines and its acknowledgement). */}
      <DeadlinesPanel
        caseId={kase.id}
        assignment={a}
        zone={a.timeZone}
        readerZone={zone}
        version={a.version}
        ladder={central}
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
        pendingExtensions={kase.extensionRequests.filter((x) => x.agencyId === a.agencyId)}
        lastOnCase={central && !othersHold(kase, a.agencyId)}
        // The agency's files go with its answer: chosen in the answer form and stored on its
        // "Kirim", not in the attachments card below the complaint (three screens down on a
        // phone), which reads them again. Central attaches there, to any target.
        onFiled={() => setFiled((n) => n + 1)}
        onChange={reload}
      />
      {central ? null : (
        <LadderPanel caseId={kase.id} agencyId={a.agencyId} version={a.version} zone={a.timeZone} />
      )}
    </section>
  ));
  // The agency's own (or delegated to it): how it stands, by the title.
  const ours = central
    ? []
    : assignments.filter((a) => a.agencyId === session.agency || a.delegatedTo === session.agency);
  return (
    <DeadlinesShared>
      <article>
        <PageTitle>{kase.subject}</PageTitle>
        <p className="meta">
          {kase.agendaNumber ? (
            <>
              {t('documents.agendaNumber')}: <strong className="nowrap">{kase.agendaNumber}</strong>{' '}
              ·{' '}
            </>
          ) : null}
          <StatusBadge prefix="status" value={kase.status} /> ·{' '}
          {labelOf(t, 'channel', kase.channel)} · {t('case.received')}{' '}
          <Time at={kase.receivedAt} zone={zone} />
          {central ? (
            <>
              {' '}
              · {t('case.trackingCode')}: <code>{kase.trackingCode}</code>
            </>
          ) : null}
          {kase.confidential ? <span className="badge">{t('case.confidential')}</span> : null}
        </p>
        {ours.map((a) => (
          <AssignmentStanding
            key={a.agencyId}
            caseId={kase.id}
            assignment={a}
            named={ours.length > 1}
          />
        ))}
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
                {central ? null : assignmentCards}
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
                  // An agency attaches to an answer still to be given, under its answer form
                  // (this card says so): an ended assignment takes no more files (the API's 409),
                  // and this card says that instead. Central attaches here, to any response at
                  // any time.
                  agencies={(central
                    ? assignments
                    : assignments.filter((a) => isOpenState(a.state))
                  ).map((a) => a.agencyId)}
                  activities={kase.activities}
                  zone={zone}
                  onVisibilityChanged={events.reload}
                  revision={filed}
                />
                {central ? <CaseActions kase={kase} onChange={reload} /> : null}
                {central ? assignmentCards : null}
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
    </DeadlinesShared>
  );
}

/** About four lines of central's instructions on a phone before "Tampilkan selengkapnya". */
const INSTRUCTIONS_FOLD_AT = 200;

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
