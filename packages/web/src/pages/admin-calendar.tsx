/**
 * Central admin: the working-day calendar. Adding a day (a cuti bersama announced at short notice)
 * or removing one is saved at once; a job then re-computes every open deadline it touches, and
 * its progress shows here. A year's decree is pasted as a list and saved in one edit, one job
 * (components/calendar-paste.tsx). Removing asks first, saying how many deadlines would move. A
 * year with no holidays at all (this one, the next, or the one shown) is flagged: its deadlines
 * count weekends only. Once a year's holidays are all in, the admin declares it complete, and the
 * deadlines into it are no longer flagged as liable to move. A date typed that the calendar has
 * already is said at its field, with the day it holds, and the button says "Ganti" (the API's
 * PUT replaces); the date is emptied once a day is saved, so the next day cannot replace it.
 * After a question is answered (or the declaration's button is gone) focus goes to the line
 * saying what was done; a question cancelled gives it back to the button that asked it.
 * Another admin at work on it meanwhile: a day they removed (the API's 404, as the question
 * counts what it would move or on "Ya, hapus") is said so, and the lists are read again; a day
 * they added is not replaced unseen: a new date goes with `If-None-Match: *`, and the API's 412
 * has the lists read again and their day said; nor one they changed or removed: "Ganti" goes
 * with the listed day's `version`, and the API's 409 is said, the lists read again, as the 412.
 */
import { useEffect, useRef, useState } from 'react';
import { CalendarDayBody } from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { ActionForm } from '../components/action-form';
import { CalendarPaste } from '../components/calendar-paste';
import { DateWords, dateWordsRef } from '../components/date-words';
import { SelectField, TextField } from '../components/field';
import { ImpactQuestion } from '../components/impact-question';
import { JobProgress } from '../components/job-progress';
import { useReturnFocus } from '../components/return-focus';
import { Loading, PageTitle, ProblemAlert, problemSentence, Refusal } from '../components/ui';
import { useLoad } from '../data';
import { dateIn, formatDate, formatDateLong } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';

const CALENDAR = 'id';

export default function CalendarPage() {
  const { t, lang } = useI18n();
  const { zone } = useSignedIn();
  const [year, setYear] = useState(Number(dateIn(new Date(), zone).slice(0, 4)));
  const [saved, setSaved] = useState<Saved | null>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  // What was done takes focus when the control used is gone (a question answered, the
  // declaration's button): as `ActionResultProvider` does, not left to <body>. A day added
  // from the form too: the form says nothing of its own, so the sentence is not said twice.
  useEffect(() => {
    if (saved?.focus) savedRef.current?.focus();
  }, [saved]);
  const [error, setError] = useState<unknown>(null);
  const [date, setDate] = useState('');
  // The date is outside the form's schema (it is the path): its own "required", at its field.
  const [dateMissing, setDateMissing] = useState(false);
  const complete = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const days = useLoad(
    () =>
      unwrap(
        api.GET('/v1/calendars/{id}/days', { params: { path: { id: CALENDAR }, query: { year } } }),
      ),
    [year],
  );
  // Every day of the calendar, for the years that have none.
  const all = useLoad(
    () => unwrap(api.GET('/v1/calendars/{id}/days', { params: { path: { id: CALENDAR } } })),
    [],
  );
  const thisYear = Number(dateIn(new Date(), zone).slice(0, 4));
  const covered = new Set((all.data?.items ?? []).map((d) => Number(d.date.slice(0, 4))));
  // The day the date typed already holds: saving replaces it.
  const existing = complete ? all.data?.items.find((d) => d.date === date) : undefined;
  const bare = all.data
    ? [...new Set([thisYear, thisYear + 1, year])].filter((y) => !covered.has(y)).sort()
    : [];
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  // A request in flight: its button waits for the answer (a second click would send another).
  const [removing, setRemoving] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  // The "Hapus" button that asked: focus goes back to it when the question closes unanswered.
  const { target: asker, closing } = useReturnFocus<HTMLElement>(confirming !== null);
  const closeQuestion = () => {
    closing(true);
    setConfirming(null);
  };
  const ask = (day: { date: string; name: string }, from: HTMLElement) => {
    asker.current = from;
    closing(false);
    setError(null);
    setSaved(null);
    setConfirming({ ...day, impact: null });
    unwrap(
      api.GET('/v1/calendars/{id}/days/{date}/impact', {
        params: { path: { id: CALENDAR, date: day.date } },
      }),
    ).then(
      (impact) => setConfirming((c) => (c?.date === day.date ? { ...c, impact } : c)),
      (failure: unknown) => {
        if (removedAlready(day, failure)) return;
        closeQuestion();
        setError(failure);
      },
    );
  };
  const declare = () => {
    setError(null);
    setDeclaring(true);
    unwrap(
      api.PUT('/v1/calendars/{id}/years/{year}', {
        params: { path: { id: CALENDAR, year } },
      }),
    )
      .then((change) => {
        setSaved({ message: t('calendar.declared', { year }), job: change.job, focus: true });
        days.reload();
      })
      .catch(setError)
      .finally(() => setDeclaring(false));
  };
  /**
   * The API's 404 on a day the page lists: another admin (or this one, in another window)
   * removed it since the page read the calendar. Said so where the question was, in a line
   * that takes focus (its "Hapus" goes with the day), and the lists are read again; not the
   * 404's "not found, or not your agency's", beside a list still showing the day.
   */
  const removedAlready = (day: { date: string; name: string }, failure: unknown): boolean => {
    if (!(failure instanceof ApiError && failure.problem?.code === 'not_found')) return false;
    closing(false);
    setConfirming(null);
    setSaved({
      message: t('calendar.removedAlready', { date: formatDate(day.date, lang), name: day.name }),
      focus: true,
    });
    days.reload();
    all.reload();
    return true;
  };
  const remove = (day: { date: string; name: string }) => {
    const { date } = day;
    setError(null);
    setRemoving(true);
    unwrap(
      api.DELETE('/v1/calendars/{id}/days/{date}', { params: { path: { id: CALENDAR, date } } }),
    )
      .then((change) => {
        // Answered: focus goes to the line saying so, not back to a button now gone.
        closing(false);
        setConfirming(null);
        setSaved({
          message: t('calendar.removed', { date: formatDate(date, lang) }),
          job: change.job,
          focus: true,
        });
        days.reload();
        all.reload();
      })
      .catch((failure: unknown) => {
        if (!removedAlready(day, failure)) setError(failure);
      })
      .finally(() => setRemoving(false));
  };
  return (
    <section>
      <PageTitle>{t('calendar.title')}</PageTitle>
      <div className="field">
        <label htmlFor="calendar-year">{t('calendar.year')}</label>
        <input
          id="calendar-year"
          type="number"
          value={year}
          min={2000}
          max={2100}
          onChange={(e) => setYear(Number(e.target.value))}
        />
      </div>
      {saved ? (
        <>
          {/* As the case page's result line: its focus ring shows after a mouse click too. */}
          <p className="ok action-result" role="status" tabIndex={-1} ref={savedRef}>
            {saved.message}
          </p>
          {saved.job ? <JobProgress job={saved.job} /> : null}
        </>
      ) : null}
      {bare.map((y) => (
        <p key={y} className="alert">
          {t('calendar.noHolidays', { year: y })}
        </p>
      ))}
      <ProblemAlert error={error ?? days.error} />
      {confirming ? (
        // Esc cancels, as "Batal" does (as the console's other questions).
        <ImpactQuestion
          question={
            confirming.impact
              ? t('calendar.confirmRemove', {
                  name: confirming.name,
                  date: formatDate(confirming.date, lang),
                  deadlines: confirming.impact.deadlines,
                  assignments: confirming.impact.assignments,
                })
              : null
          }
          yes={t('calendar.confirmYes')}
          busy={removing}
          asking={confirming.date}
          onConfirm={() => remove(confirming)}
          onCancel={closeQuestion}
        />
      ) : null}
      <ActionForm
        title={t('calendar.add')}
        schema={CalendarDayBody}
        initial={{ kind: 'collective_leave' }}
        // Days are entered in runs of a kind (the decree lists its national holidays, then its
        // cuti bersama): the next day keeps the kind just saved (it went back to cuti bersama).
        nextValues={(body) => ({ kind: body.kind })}
        submitLabel={existing ? t('calendar.replace') : t('actions.save')}
        result={() => null}
        onDone={() => {
          // The next day is another date: one left filled would replace the day just saved.
          setDate('');
          days.reload();
          all.reload();
        }}
        send={async (body) => {
          if (!complete) {
            setDateMissing(true);
            throw new Refusal(t('calendar.dateRequired'));
          }
          // A date the page did not list goes with `If-None-Match: *`: a day another admin
          // added since the page read the calendar (however close the two requests) is refused
          // (412), not replaced unseen. "Ganti" goes with the version of the day listed: one
          // another admin changed (or removed) since is refused (409) in the same way. Either
          // way the lists are read again, the field says whose day it is, and "Ganti" replaces
          // it knowingly (on the version now listed).
          const change = await unwrap(
            api.PUT('/v1/calendars/{id}/days/{date}', {
              params: {
                path: { id: CALENDAR, date },
                ...(existing ? {} : { header: { 'if-none-match': '*' as const } }),
              },
              body: existing ? { ...body, version: existing.version } : body,
            }),
          ).catch(async (failure: unknown) => {
            const code = failure instanceof ApiError ? failure.problem?.code : undefined;
            if (code !== 'precondition_failed' && code !== 'version_conflict') throw failure;
            const now = await unwrap(
              api.GET('/v1/calendars/{id}/days', {
                params: { path: { id: CALENDAR }, query: { year: Number(date.slice(0, 4)) } },
              }),
            );
            days.reload();
            all.reload();
            const theirs = now.items.find((d) => d.date === date);
            const words = theirs && {
              date: formatDate(date, lang),
              name: theirs.name,
              kind: labelOf(t, 'dayKind', theirs.kind),
            };
            if (code === 'version_conflict')
              throw new Refusal(
                words
                  ? t('calendar.changedMeanwhile', words)
                  : t('calendar.removedMeanwhile', { date: formatDate(date, lang) }),
              );
            // Gone again by the time it was read (removed meanwhile): the lists say so.
            throw new Refusal(
              words ? t('calendar.addedMeanwhile', words) : problemSentence(t, failure),
            );
          });
          // Said once, by the page's line with the job's progress (the form says nothing).
          setSaved({
            message: existing
              ? t('calendar.replaced', { date: formatDate(date, lang), name: existing.name })
              : t('calendar.saved', { date: formatDate(date, lang) }),
            job: change.job,
            focus: true,
          });
          // The list shows the year of the day saved (next year's, entered in December), with
          // its declaration: on the year shown before, the day saved was nowhere to be seen.
          setYear(Number(date.slice(0, 4)));
        }}
      >
        {(form) => (
          <>
            <div className="field">
              <label htmlFor="calendar-date">{t('calendar.date')}</label>
              <input
                id="calendar-date"
                type="date"
                required
                value={date}
                onChange={(e) => {
                  setDate(e.target.value);
                  setDateMissing(false);
                }}
                aria-invalid={dateMissing ? true : undefined}
                aria-describedby={
                  dateMissing
                    ? 'calendar-date-error'
                    : existing
                      ? 'calendar-date-exists'
                      : dateWordsRef('calendar-date', date) || undefined
                }
              />
              {/* The field orders day and month as the browser's language does (6/1 is 1 June
                  in an English one): the date it holds, in words, before it is saved; and the
                  day it would replace, when it has one. */}
              {existing ? (
                <p className="alert small" id="calendar-date-exists">
                  {t('calendar.exists', {
                    date: formatDateLong(existing.date, lang),
                    name: existing.name,
                    kind: labelOf(t, 'dayKind', existing.kind),
                  })}
                </p>
              ) : null}
              <DateWords id="calendar-date" value={existing || dateMissing ? '' : date} />
              {dateMissing ? (
                <p className="error" id="calendar-date-error">
                  {t('calendar.dateRequired')}
                </p>
              ) : null}
            </div>
            <SelectField
              form={form}
              name="kind"
              label={t('calendar.kind')}
              options={CalendarDayBody.shape.kind.options.map((k) => ({
                value: k,
                label: labelOf(t, 'dayKind', k),
              }))}
            />
            <TextField form={form} name="name" label={t('calendar.name')} required />
          </>
        )}
      </ActionForm>
      {/* Once every day of the calendar is known: a pasted day already there is left out. */}
      {all.data ? (
        <CalendarPaste
          calendar={all.data.items}
          onSaved={(change) => {
            setError(null);
            setConfirming(null);
            setSaved({ message: change.message, job: change.job, focus: true });
            // As a day saved: the list shows the year pasted, with its declaration.
            setYear(change.year);
            days.reload();
            all.reload();
          }}
          onReadAgain={() => {
            days.reload();
            all.reload();
          }}
        />
      ) : null}
      {days.data && days.data.years.includes(year) ? (
        <p className="muted small">{t('calendar.isDeclared', { year })}</p>
      ) : null}
      {/* A year without any holiday has its own word above; one with some can be declared. */}
      {days.data && days.data.items.length > 0 && !days.data.years.includes(year) ? (
        <div className="alert">
          <p>{t('calendar.undeclared', { year })}</p>
          <button type="button" onClick={declare} disabled={declaring} aria-busy={declaring}>
            {declaring ? t('common.working') : t('calendar.declare', { year })}
          </button>
        </div>
      ) : null}
      {days.loading && !days.data ? <Loading /> : null}
      {/* On a phone each day is a card, labelled cells (four columns cut "Hapus" off at the
          right edge of 390 px); the kind and "Hapus" keep their words whole (the body's
          overflow-wrap stacked "Hapus" letter by letter). */}
      {days.data ? (
        <div className="table-scroll">
          <table className="cards">
            <caption>{t('calendar.daysOf', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.name')}</th>
                <th scope="col">{t('calendar.kind')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('calendar.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {days.data.items.map((day) => (
                <tr key={day.date}>
                  <td data-label={t('calendar.date')}>{formatDate(day.date, lang)}</td>
                  <td data-label={t('calendar.name')}>{day.name}</td>
                  <td className="label" data-label={t('calendar.kind')}>
                    {labelOf(t, 'dayKind', day.kind)}
                  </td>
                  <td className="label">
                    <button
                      type="button"
                      aria-label={t('calendar.removeDay', { name: day.name })}
                      onClick={(e) => ask(day, e.currentTarget)}
                    >
                      {t('calendar.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

interface Saved {
  readonly message: string;
  /** The re-arming job the change started; none when nothing changed (already removed). */
  readonly job?: Schemas['Job'];
  /** Said where the control used is gone (a question answered): the line takes focus. */
  readonly focus?: boolean;
}

interface Confirming {
  readonly date: string;
  readonly name: string;
  readonly impact: { assignments: number; deadlines: number } | null;
}
