/**
 * A year's holidays at once: the admin pastes the decree's list (one day a line), chooses the
 * kind of its lines (a line that says "cuti bersama" is one), and reads it back in words before
 * anything is sent: each new day as "Jumat, 1 Januari 2027" with its name and kind, and in
 * sentences, by line number, the days already in the calendar or listed twice (left out) and
 * the lines it cannot read (nothing is saved until they are fixed or removed). Saving asks
 * first, saying how many deadlines would move, reads the calendar again (a day another admin
 * added meanwhile would be replaced: said by its line, left out, nothing sent), then sends the
 * days in one edit, each with its version in that read (0: not there), so that one changed
 * between the read and the write is refused (the API's 409, said by its line, the calendar read
 * again), not replaced: one re-arming job, all of them or none. Saved, focus goes to the page's
 * line saying so (`onSaved`); the question cancelled or failed, back to the button it replaced.
 */
import { CalendarDayBody, CalendarDaysBody } from '@pantau/core/schemas';
import { useEffect, useId, useMemo, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import {
  type CalendarDayEntry,
  type DayKind,
  type ListedLine,
  readDayList,
} from '../calendar-list';
import { fieldSentence, issueOf } from '../forms/field-errors';
import { formatDate, formatDateLong, type Lang } from '../format';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { ImpactQuestion } from './impact-question';
import { useReturnFocus } from './return-focus';
import { ProblemAlert, problemSentence, Refusal } from './ui';

const CALENDAR = 'id';

export function CalendarPaste({
  calendar,
  onSaved,
  onReadAgain,
}: {
  /** Every day the calendar has (the list's days already there are left out). */
  calendar: readonly CalendarDayEntry[];
  onSaved: (change: { message: string; job: Schemas['Job']; year: number }) => void;
  /** The calendar was read again (a day added meanwhile): the page reads its lists again. */
  onReadAgain: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DayKind>('national_holiday');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Asking first: null while the deadlines that would move are counted.
  const [asking, setAsking] = useState<{ assignments: number; deadlines: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // The question closed without saving: focus goes back to the button it replaced.
  const { target: saveButton, closing } = useReturnFocus<HTMLButtonElement>(confirming);
  // The calendar as read again before sending, until the page's own list is read again.
  const [latest, setLatest] = useState<readonly CalendarDayEntry[] | null>(null);
  useEffect(() => setLatest(null), [calendar]);
  const known = latest ?? calendar;
  const lines = useMemo(() => readDayList(text, kind, known), [text, kind, known]);
  const fresh = lines.flatMap((l) => (l.status === 'new' ? [l] : []));
  const unreadable = lines.filter((l) => !['new', 'inCalendar', 'repeated'].includes(l.status));
  const left = lines.filter((l) => l.status === 'inCalendar' || l.status === 'repeated');
  const body = { days: fresh.map((l) => l.day) };
  // A 400 names an entry (`days.3.date`): said by its line.
  const labels = Object.fromEntries(
    fresh.flatMap(({ line }, i) => [
      [`days.${i}.date`, t('calendarPaste.lineDate', { line })],
      [`days.${i}.name`, t('calendarPaste.lineName', { line })],
      [`days.${i}.kind`, t('calendarPaste.lineKind', { line })],
    ]),
  );
  labels.days = t('calendarPaste.list');

  /** The question closed: back to the list, focus on its button unless the list was saved. */
  const cancel = ({ saved = false } = {}) => {
    closing(!saved);
    setConfirming(false);
    setAsking(null);
  };
  const ask = () => {
    setRefusal(null);
    setError(null);
    if (lines.length === 0) return setRefusal(t('calendarPaste.empty'));
    if (unreadable.length > 0)
      return setRefusal(t('calendarPaste.fixFirst', { n: unreadable.length }));
    if (fresh.length === 0) return setRefusal(t('calendarPaste.nothing'));
    // As the API checks it (the number of days in one edit, above all): said before asking.
    const checked = CalendarDaysBody.safeParse(body);
    if (!checked.success)
      return setRefusal(
        checked.error.issues
          .map((issue) => fieldSentence(t, issueOf(issue), labels[issue.path.join('.')]))
          .join(' '),
      );
    setConfirming(true);
    setAsking(null);
    unwrap(
      api.POST('/v1/calendars/{id}/days/impact', {
        params: { path: { id: CALENDAR } },
        body: checked.data,
      }),
    ).then(setAsking, (failure: unknown) => {
      cancel();
      setError(failure);
    });
  };
  const save = () => {
    setBusy(true);
    // Read again first: the list was compared with the calendar as the page read it, and the
    // PATCH replaces a day another admin added since. One it would replace with another day is
    // said by its line, the preview (now against the calendar read) leaves it out, and nothing
    // is sent until the admin saves again.
    unwrap(api.GET('/v1/calendars/{id}/days', { params: { path: { id: CALENDAR } } }))
      .then(async (now) => {
        const theirs = new Map(now.items.map((d) => [d.date, d]));
        const replaced = fresh.flatMap(({ line, day }) => {
          const held = theirs.get(day.date);
          return held && (held.name !== day.name || held.kind !== day.kind)
            ? [
                t('calendarPaste.theirs', {
                  line,
                  date: formatDateLong(day.date, lang),
                  name: held.name,
                }),
              ]
            : [];
        });
        if (replaced.length > 0) {
          cancel();
          setLatest(now.items);
          onReadAgain();
          setRefusal(
            t('calendarPaste.addedMeanwhile', { n: replaced.length, days: replaced.join('; ') }),
          );
          return;
        }
        // Each day on the calendar as just read (0: it had none): one another admin saves (or
        // adds) before this write lands is refused (409 naming its entry), not replaced.
        const versioned = {
          days: body.days.map((day) => ({ ...day, version: theirs.get(day.date)?.version ?? 0 })),
        };
        const change = await unwrap(
          api.PATCH('/v1/calendars/{id}/days', {
            params: { path: { id: CALENDAR } },
            body: versioned,
          }),
        ).catch(async (failure: unknown) => {
          if (!(failure instanceof ApiError && failure.problem?.code === 'version_conflict'))
            throw failure;
          // Said by the lines of the entries it names, once the calendar is read again (the
          // preview then leaves out, or keeps, each day as it is now).
          const changed = (failure.problem.errors ?? []).flatMap(({ path }) => {
            const entry = fresh[Number(/^days\.(\d+)\.version$/.exec(path)?.[1] ?? -1)];
            return entry
              ? [
                  t('calendarPaste.lineDay', {
                    line: entry.line,
                    date: formatDateLong(entry.day.date, lang),
                  }),
                ]
              : [];
          });
          const again = await unwrap(
            api.GET('/v1/calendars/{id}/days', { params: { path: { id: CALENDAR } } }),
          );
          setLatest(again.items);
          onReadAgain();
          throw new Refusal(
            changed.length > 0
              ? t('calendarPaste.changedMeanwhile', { n: changed.length, days: changed.join('; ') })
              : problemSentence(t, failure),
          );
        });
        cancel({ saved: true });
        setText('');
        const first = change.dates[0] ?? '';
        const last = change.dates.at(-1) ?? first;
        onSaved({
          message: t('calendarPaste.saved', {
            n: change.dates.length,
            from: formatDate(first, lang),
            to: formatDate(last, lang),
          }),
          job: change.job,
          year: Number(first.slice(0, 4)),
        });
      })
      .catch((failure: unknown) => {
        cancel();
        if (failure instanceof Refusal) setRefusal(failure.message);
        else setError(failure);
      })
      .finally(() => setBusy(false));
  };

  return (
    <details className="action">
      <summary>{t('calendarPaste.title')}</summary>
      <fieldset className="bare" disabled={confirming}>
        <div className="field">
          <label htmlFor={`${id}-list`}>{t('calendarPaste.list')}</label>
          <textarea
            id={`${id}-list`}
            rows={10}
            value={text}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              setRefusal(null);
              setError(null);
            }}
          />
          <p className="hint" id={`${id}-hint`}>
            {t('calendarPaste.hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('calendarPaste.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as DayKind)}
          >
            {CalendarDayBody.shape.kind.options.map((k) => (
              <option key={k} value={k}>
                {labelOf(t, 'dayKind', k)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {lines.length > 0 ? <Preview lines={lines} fresh={fresh.length} left={left} /> : null}
      {unreadable.length > 0 ? (
        <ul className="alert" aria-label={t('calendarPaste.unreadable')}>
          {unreadable.map((l) => (
            <li key={l.line}>{sentenceOf(t, l, lang)}</li>
          ))}
        </ul>
      ) : null}
      {refusal ? (
        <p className="alert alert-error" role="alert">
          {refusal}
        </p>
      ) : null}
      <ProblemAlert error={error} labels={labels} />
      {confirming ? (
        <ImpactQuestion
          question={
            asking
              ? t('calendarPaste.confirm', {
                  n: fresh.length,
                  deadlines: asking.deadlines,
                  assignments: asking.assignments,
                })
              : null
          }
          yes={t('calendarPaste.confirmYes', { n: fresh.length })}
          busy={busy}
          lockCancel
          asking={fresh.length}
          onConfirm={save}
          onCancel={() => cancel()}
        />
      ) : (
        <button type="button" className="primary" onClick={ask} ref={saveButton}>
          {fresh.length > 0
            ? t('calendarPaste.save', { n: fresh.length })
            : t('calendarPaste.saveList')}
        </button>
      )}
    </details>
  );
}

/** The new days in a table, then what is left out, each in a sentence. */
function Preview({
  lines,
  fresh,
  left,
}: {
  lines: readonly ListedLine[];
  fresh: number;
  left: readonly ListedLine[];
}) {
  const { t, lang } = useI18n();
  return (
    <div className="calendar-preview">
      <p>{fresh > 0 ? t('calendarPaste.toSave', { n: fresh }) : t('calendarPaste.noneNew')}</p>
      {fresh > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('calendarPaste.preview')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendarPaste.line')}</th>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.name')}</th>
                <th scope="col">{t('calendar.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) =>
                l.status === 'new' ? (
                  <tr key={l.line}>
                    <td>{l.line}</td>
                    <td>{formatDateLong(l.day.date, lang)}</td>
                    <td>{l.day.name}</td>
                    <td className="label">{labelOf(t, 'dayKind', l.day.kind)}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {left.length > 0 ? (
        <ul className="muted" aria-label={t('calendarPaste.leftOut')}>
          {left.map((l) => (
            <li key={l.line}>{sentenceOf(t, l, lang)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A line left out or not read, in a sentence that names its line. */
function sentenceOf(t: Translate, l: ListedLine, lang: Lang): string {
  const date = 'date' in l ? formatDateLong(l.date, lang) : '';
  switch (l.status) {
    case 'new':
      return '';
    case 'inCalendar':
      return t('calendarPaste.inCalendar', {
        line: l.line,
        date,
        name: l.existing.name,
        kind: labelOf(t, 'dayKind', l.existing.kind),
      });
    case 'repeated':
      return t('calendarPaste.repeated', { line: l.line, date, first: l.firstLine });
    case 'noDate':
      return t('calendarPaste.noDate', { line: l.line, text: l.text });
    case 'noSuchDay':
      return t('calendarPaste.noSuchDay', { line: l.line, text: l.text });
    case 'noName':
      return t('calendarPaste.noName', { line: l.line, date });
    case 'badName':
      return fieldSentence(t, issueOf(l.issue), t('calendarPaste.lineName', { line: l.line }));
  }
}
