/**
 * The three deadlines of an assignment, each with "how was this computed" (counted from, working
 * days by policy and adjustments, the holidays skipped with their names, paused intervals), and
 * below them on central's page the escalation ladder (`ladder.tsx`).
 */
import { isOpenState } from '@pantau/core/schemas';
import { api, type Schemas, unwrap } from '../api/client';
import { useLoad } from '../data';
import { deadlineStatus } from '../deadline';
import { dateIn, formatDate, formatInstant, type TimeZone } from '../format';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { useAgencies } from './agencies';
import { useDeadlines } from './deadlines-read';
import { LadderView } from './ladder';
import { Deadline, Loading, ProblemAlert, Time } from './ui';

export function DeadlinesPanel({
  caseId,
  assignment,
  zone,
  readerZone = zone,
  version,
  ladder = true,
}: {
  caseId: string;
  assignment: Schemas['Assignment'];
  /** The assignment's own zone: its deadlines are its day's end. */
  zone: TimeZone;
  /** The reader's zone, for when a pause began (by default the assignment's). */
  readerZone?: TimeZone;
  version: number;
  /** The ladder below the deadlines (central's); an agency reads it below its actions. */
  ladder?: boolean;
}) {
  const loaded = useDeadlines(caseId, assignment.agencyId, version);
  // "Soon" by the API's clock, as the queue says it, not by a badly set PC's.
  const now = useServerNow();
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data) return <ProblemAlert error={loaded.error} />;
  const ended = !isOpenState(assignment.state);
  return (
    <>
      {/* Every target lists the same pauses; the last is the one running. */}
      <PausedClock
        assignment={assignment}
        reason={loaded.data.targets[0]?.pausedIntervals.at(-1)?.reason}
        zone={readerZone}
      />
      <InheritedClock assignment={assignment} zone={zone} />
      <DeadlinesView
        deadlines={loaded.data}
        zone={zone}
        now={now ?? new Date()}
        ended={ended}
        paused={assignment.paused}
        ladder={ladder}
      />
    </>
  );
}

/**
 * Re-forwarded under a policy whose clock carries on (`reforwardClock: inherit`), an assignment
 * counts from the case's first forwarding, not its own: it may arrive overdue. Said, with the
 * agency it inherited from when the reader may know it (the API names it to central, and to
 * that agency or its focal point).
 */
export function InheritedClock({
  assignment,
  zone,
}: {
  assignment: Schemas['Assignment'];
  zone: TimeZone;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  const { clock, forwardedAt } = assignment;
  if (clock.basis !== 'inherited') return null;
  const vars = {
    from: formatInstant(clock.from, zone, lang),
    forwarded: formatInstant(forwardedAt, zone, lang),
  };
  return (
    <p className="inherited-clock">
      {clock.inheritedFrom
        ? t('deadlines.inheritedFrom', { ...vars, agency: nameOf(clock.inheritedFrom) })
        : t('deadlines.inherited', vars)}
    </p>
  );
}

export function DeadlinesView({
  deadlines,
  zone,
  now,
  ended = false,
  paused = false,
  ladder = true,
}: {
  deadlines: Schemas['Deadlines'];
  zone: TimeZone;
  now: Date;
  ended?: boolean;
  /** The assignment's clock is paused: its open targets' dates move on resume. */
  paused?: boolean;
  /** With the ladder below (else `LadderPanel` shows it). */
  ladder?: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="deadlines">
      <h3>{t('deadlines.title')}</h3>
      <p className="muted small">{t('deadlines.zone', { zone: deadlines.timeZoneLabel })}</p>
      <ul className="targets">
        {deadlines.targets.map((target) => (
          <li key={target.target}>
            <strong>{labelOf(t, 'target', target.target)}</strong>:{' '}
            <Deadline
              due={target.due}
              met={target.met}
              overdue={target.overdue}
              zone={zone}
              now={now}
              ended={ended}
              paused={paused}
            />
            {target.met ? (
              <span className="muted small">
                {' '}
                ({t('deadlines.metAt')} <Time at={target.met} zone={zone} />)
              </span>
            ) : null}
            <DaysLeft target={target} now={now} ended={ended} paused={paused} />
            <details>
              <summary>
                {t('deadlines.how')}
                {/* Three to an assignment, six on a case sent to two agencies: tabbing from one
                    to the next, a screen reader said the same words each time. Which target it
                    explains is heard, not shown (the line above shows it). */}
                <span className="visually-hidden">: {labelOf(t, 'target', target.target)}</span>
              </summary>
              <ul className="explain">
                <li>
                  {/* A local date (the forwarding day): the count starts the working day after. */}
                  {t('deadlines.countedFromDate', {
                    date: formatDate(target.countedFrom.slice(0, 10), lang),
                  })}
                </li>
                <li>
                  {t('deadlines.workingDays', {
                    days: target.workingDays,
                    policy: target.policyWorkingDays,
                  })}
                </li>
                {target.adjustments.map((adj, i) => (
                  <li key={i}>
                    {t(adj.kind === 'extension' ? 'deadlines.extension' : 'deadlines.pause', {
                      days: adj.workingDays,
                    })}{' '}
                    — {adj.reason}
                  </li>
                ))}
                <li>
                  {t('deadlines.lastWorkingDay')} {formatDate(target.lastWorkingDay, lang)}
                </li>
                {target.skipped.length > 0 ? (
                  <li>
                    {t('deadlines.skipped')}
                    <ul>
                      {target.skipped.map((day) => (
                        <li key={day.date}>
                          {formatDate(day.date, lang)} — {day.name} (
                          {labelOf(t, 'dayKind', day.kind)})
                        </li>
                      ))}
                    </ul>
                  </li>
                ) : (
                  <li>{t('deadlines.noHolidays')}</li>
                )}
                {target.pausedIntervals.map((p, i) => (
                  <li key={`p${i}`}>
                    {t('deadlines.paused')} <Time at={p.from} zone={zone} /> –{' '}
                    {p.to ? <Time at={p.to} zone={zone} /> : t('deadlines.stillPaused')} ({p.reason}
                    )
                  </li>
                ))}
                {target.uncoveredYears.length > 0 ? (
                  <li className="error">
                    {t('deadlines.uncovered', { years: target.uncoveredYears.join(', ') })}
                  </li>
                ) : null}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      {ladder ? (
        <>
          <h3>{t('ladder.title')}</h3>
          <LadderView ladder={deadlines.ladder} agencyId={deadlines.agencyId} zone={zone} />
        </>
      ) : null}
    </div>
  );
}

/**
 * How many working days a running target has left, as the API counts them on the agency's
 * calendar: the date alone does not say whether a Monday deadline read on a Friday is one day
 * away or three. An overdue one says how late it is (as its letters say it). Not on a met or
 * paused target, nor on an ended assignment.
 */
function DaysLeft({
  target,
  now,
  ended,
  paused,
}: {
  target: Schemas['Deadlines']['targets'][number];
  now: Date;
  ended: boolean;
  paused: boolean;
}) {
  const status = deadlineStatus({ ...target, paused }, now);
  if (ended) return null;
  if (status === 'overdue') return <WorkingDaysNote left={null} late={target.workingDaysLate} />;
  if (status !== 'open' && status !== 'due_soon') return null;
  return <WorkingDaysNote left={target.workingDaysLeft} late={null} />;
}

/**
 * "(tinggal 2 hari kerja lagi)", "(hari ini hari kerja terakhir)" or "(terlambat 3 hari kerja)"
 * beside a deadline: working days as counted on the agency's calendar. Nothing without a figure.
 */
export function WorkingDaysNote({
  left,
  late,
}: {
  left: number | null | undefined;
  late: number | null | undefined;
}) {
  const { t } = useI18n();
  const text = workingDaysText(t, left, late);
  if (text === null) return null;
  return <span className="muted small working-days"> ({text})</span>;
}

/** "tinggal 2 hari kerja lagi", "hari ini hari kerja terakhir", "terlambat 3 hari kerja", or null. */
export function workingDaysText(
  t: Translate,
  left: number | null | undefined,
  late: number | null | undefined,
): string | null {
  return late !== null && late !== undefined
    ? t('deadlines.daysLate', { days: late })
    : left === 0
      ? t('deadlines.lastDay')
      : left !== null && left !== undefined
        ? t('deadlines.daysLeft', { days: left })
        : null;
}

/**
 * Said above an assignment's deadlines while its clock is paused: since when (in the reader's
 * zone), why (the reason of the last pause, which the deadlines carry), and that the dates
 * shown move when the clock resumes.
 */
function PausedClock({
  assignment,
  reason,
  zone,
}: {
  assignment: Schemas['Assignment'];
  reason: string | undefined;
  zone: TimeZone;
}) {
  const { t, lang } = useI18n();
  if (!assignment.paused) return null;
  const since = assignment.pausedSince;
  return (
    <p className="paused-clock">
      {since
        ? t('assignment.pausedSince', { since: formatInstant(since, zone, lang) })
        : t('assignment.pausedClock')}
      {reason ? `: ${reason}` : null}{' '}
      <span className="muted small">({t('assignment.pausedMoves')})</span>
    </p>
  );
}

/** The years whose holidays the calendar declares complete (undefined while it loads). */
export function useDeclaredYears(): readonly number[] | undefined {
  const calendar = useLoad(
    () => unwrap(api.GET('/v1/calendars/{id}/days', { params: { path: { id: 'id' } } })),
    [],
  );
  return calendar.data?.years;
}

/**
 * Said under a deadline that falls in a year whose holidays are not declared complete: counted
 * without the days off not yet entered, it may move when they are (as an assignment's says).
 */
export function MayMove({
  at,
  zone,
  declared,
}: {
  at: string;
  zone: TimeZone;
  declared: readonly number[] | undefined;
}) {
  const { t } = useI18n();
  const year = Number(dateIn(at, zone).slice(0, 4));
  if (!declared || declared.includes(year)) return null;
  return <div className="muted small">{t('deadlines.uncovered', { years: String(year) })}</div>;
}
