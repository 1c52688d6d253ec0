import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  Calendar,
  computeDeadline,
  endOfLocalDay,
  localDate,
  pausedWorkingDays,
  workingDaysBetween,
} from './calendar.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';

const indonesia = new Calendar(INDONESIAN_HOLIDAYS);

describe('working-day deadlines', () => {
  it('holds the DOMAIN.md example: forwarded Mon 2026-03-16, 5 working days → end of Mon 2026-03-30 WIB', () => {
    const forwarded = new Date('2026-03-16T03:00:00.000Z'); // 10:00 WIB
    const due = computeDeadline(indonesia, forwarded, 5, 'Asia/Jakarta');
    expect(due.end).toBe('2026-03-30');
    expect(due.dueAt.toISOString()).toBe('2026-03-30T16:59:59.999Z');
    expect(due.skipped.map((d) => d.date)).toEqual([
      '2026-03-18',
      '2026-03-19',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
    ]);
    expect(due.skipped.find((d) => d.date === '2026-03-19')?.name).toBe('Hari Suci Nyepi');
    expect(due.uncoveredYears).toEqual([]);
  });

  it('counts strictly after the local day of the event, not the UTC day', () => {
    // 2026-03-13 18:30 UTC is already Saturday 14 March 01:30 WIB: counting starts after Saturday.
    const lateFriday = new Date('2026-03-13T18:30:00.000Z');
    expect(localDate(lateFriday, 'Asia/Jakarta')).toBe('2026-03-14');
    expect(computeDeadline(indonesia, lateFriday, 1, 'Asia/Jakarta').end).toBe('2026-03-16');
    // The same instant is still Friday 13 March in no zone of Indonesia but UTC itself: check WIT.
    expect(localDate(new Date('2026-03-13T14:30:00.000Z'), 'Asia/Jayapura')).toBe('2026-03-13');
    expect(localDate(new Date('2026-03-13T15:30:00.000Z'), 'Asia/Jayapura')).toBe('2026-03-14');
  });

  it('ends the day at 23:59:59.999 in each of WIB, WITA and WIT', () => {
    expect(endOfLocalDay('2026-06-02', 'Asia/Jakarta').toISOString()).toBe(
      '2026-06-02T16:59:59.999Z',
    );
    expect(endOfLocalDay('2026-06-02', 'Asia/Makassar').toISOString()).toBe(
      '2026-06-02T15:59:59.999Z',
    );
    expect(endOfLocalDay('2026-06-02', 'Asia/Jayapura').toISOString()).toBe(
      '2026-06-02T14:59:59.999Z',
    );
  });

  it('skips weekends', () => {
    // Thu 2026-07-02 + 3 → Fri 3, Mon 6, Tue 7.
    expect(addWorkingDays(indonesia, '2026-07-02', 3).end).toBe('2026-07-07');
    // From a Saturday, the first working day is Monday.
    expect(addWorkingDays(indonesia, '2026-07-04', 1).end).toBe('2026-07-06');
  });

  it('skips national holidays and cuti bersama but lists only those on weekdays', () => {
    // Idulfitri 2026: Fri 20 (cuti), Sat 21, Sun 22 (holidays on a weekend), Mon 23, Tue 24 (cuti).
    const span = addWorkingDays(indonesia, '2026-03-19', 1);
    expect(span.end).toBe('2026-03-25');
    expect(span.skipped.map((d) => [d.date, d.kind])).toEqual([
      ['2026-03-20', 'collective_leave'],
      ['2026-03-23', 'collective_leave'],
      ['2026-03-24', 'collective_leave'],
    ]);
  });

  it('lists a skipped day as people read it: date, kind and name, not its edit version', () => {
    // A day read from the store carries the version admins edit it on; the deadline
    // explanation (and the API's schema) gives the day alone.
    const stored = new Calendar({
      id: 'id',
      years: [2026],
      days: [{ date: '2026-03-19', kind: 'national_holiday', name: 'Hari Suci Nyepi', version: 3 }],
    });
    expect(addWorkingDays(stored, '2026-03-16', 5).skipped).toEqual([
      { date: '2026-03-19', kind: 'national_holiday', name: 'Hari Suci Nyepi' },
    ]);
  });

  it('crosses a year boundary with the next year’s holidays', () => {
    // Wed 2025-12-24 + 3: Thu 25 Natal, Fri 26 cuti, Mon 29, Tue 30, Wed 31.
    expect(addWorkingDays(indonesia, '2025-12-24', 3).end).toBe('2025-12-31');
    // Tue 2025-12-30 + 2: Wed 31, Thu 1 Jan holiday, Fri 2 Jan.
    const span = addWorkingDays(indonesia, '2025-12-30', 2);
    expect(span.end).toBe('2026-01-02');
    expect(span.skipped.map((d) => d.name)).toEqual(['Tahun Baru Masehi']);
    expect(span.uncoveredYears).toEqual([]);
  });

  it('says so when a count runs into a year the calendar has no holidays for', () => {
    // Mon 2026-11-23 + 60 working days runs into 2027, which the seed data does not cover.
    const due = computeDeadline(indonesia, new Date('2026-11-23T02:00:00Z'), 60, 'Asia/Makassar');
    expect(due.uncoveredYears).toEqual([2027]);
    expect(due.skipped.map((d) => d.date)).toEqual(['2026-12-24', '2026-12-25']);
    // Counted as weekdays only beyond 2026: 60 working days from 23 Nov → 2027-02-17.
    expect(due.end).toBe('2027-02-17');
    expect(
      computeDeadline(indonesia, new Date('2026-11-23T02:00:00Z'), 5, 'Asia/Makassar')
        .uncoveredYears,
    ).toEqual([]);
  });

  it('treats 0 working days as the end of the event day', () => {
    expect(addWorkingDays(indonesia, '2026-03-19', 0).end).toBe('2026-03-19');
  });

  it('counts working days between two instants for lateness', () => {
    const tz = 'Asia/Jakarta';
    // Due Mon 30 March, answered Thu 2 April: 31, 1, 2 → 3 working days late.
    expect(
      workingDaysBetween(
        indonesia,
        new Date('2026-03-30T10:00:00Z'),
        new Date('2026-04-02T05:00:00Z'),
        tz,
      ),
    ).toBe(3);
    // Over Easter Friday 3 April: Thu 2 → Mon 6 is 1 working day.
    expect(
      workingDaysBetween(
        indonesia,
        new Date('2026-04-02T05:00:00Z'),
        new Date('2026-04-06T05:00:00Z'),
        tz,
      ),
    ).toBe(1);
    expect(
      workingDaysBetween(
        indonesia,
        new Date('2026-04-06T05:00:00Z'),
        new Date('2026-04-02T05:00:00Z'),
        tz,
      ),
    ).toBe(0);
  });
});

describe('working days counted at once', () => {
  /** The count as a person makes it: each date after `from`, up to `to`, that is worked. */
  const walked = (calendar: Calendar, from: string, to: string) => {
    let count = 0;
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1))
      if (calendar.isWorkingDay(date)) count += 1;
    return count;
  };
  // Dates from 1969 (before day 0 and its week) to 2031; days off on weekdays and weekends,
  // several in a row, some in no declared year.
  const date = fc
    .integer({ min: -400, max: 22_600 })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
  const calendar = fc.uniqueArray(date, { maxLength: 40 }).map(
    (dates) =>
      new Calendar({
        id: 'generated',
        years: [2026],
        days: dates.map((d) => ({ date: d, kind: 'other' as const, name: 'Libur' })),
      }),
  );

  it('gives what walking the dates gives, for any calendar and any two dates', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: -30, max: 120 }), (cal, from, span) => {
        const to = addCalendarDays(from, span);
        expect(cal.workingDaysAfter(from, to)).toBe(walked(cal, from, to));
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts Indonesia’s 2026 as its 365 days less 104 weekend days and the weekdays off', () => {
    const weekdaysOff = INDONESIAN_HOLIDAYS.days.filter(
      (d) => d.date.startsWith('2026') && ![0, 6].includes(new Date(d.date).getUTCDay()),
    ).length;
    expect(indonesia.workingDaysAfter('2025-12-31', '2026-12-31')).toBe(365 - 104 - weekdaysOff);
    expect(indonesia.workingDaysAfter('2025-12-31', '2026-12-31')).toBe(
      walked(indonesia, '2025-12-31', '2026-12-31'),
    );
  });
});

describe('the working days a pause lasted', () => {
  const wib = 'Asia/Jakarta' as const;
  /** Local WIB instants: `2026-02-04 23:30`. */
  const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
  const paused = (from: string, to: string) => pausedWorkingDays(indonesia, at(from), at(to), wib);

  it('counts paused time, not dates touched: an hour across midnight is no day', () => {
    expect(paused('2026-02-04 23:30', '2026-02-05 00:30')).toBe(0); // Wed → Thu
    // Fifty such pauses, one a night, still buy nothing.
    expect(paused('2026-02-04 23:59', '2026-02-05 00:01')).toBe(0);
  });

  it('counts whole working days of pause, rounded down', () => {
    expect(paused('2026-02-04 08:00', '2026-02-04 16:00')).toBe(0); // one office day: 8 hours
    expect(paused('2026-02-03 08:00', '2026-02-05 16:00')).toBe(2); // Tue 16 h, Wed 24 h, Thu 16 h
    expect(paused('2026-02-02 10:00', '2026-02-05 15:00')).toBe(3); // Mon 14 h … Thu 15 h: 77 h
    expect(paused('2026-02-02 00:00', '2026-02-09 00:00')).toBe(5); // a whole week
  });

  it('leaves weekends and days off out: they were never the agency’s to lose', () => {
    expect(paused('2026-02-06 17:00', '2026-02-09 08:00')).toBe(0); // Fri 17:00 → Mon 08:00
    // 16 and 17 February 2026 are cuti bersama and Imlek: Fri 13 → Wed 18 is one whole day.
    expect(paused('2026-02-13 00:00', '2026-02-19 00:00')).toBe(2);
    expect(paused('2026-02-13 12:00', '2026-02-18 12:00')).toBe(1);
  });

  it('in the agency’s own zone', () => {
    // 23:30 to 00:30 WIT is 21:30 to 22:30 WIB: an hour either way, and no day.
    const from = new Date('2026-02-04T14:30:00Z');
    const to = new Date('2026-02-04T15:30:00Z');
    expect(pausedWorkingDays(indonesia, from, to, 'Asia/Jayapura')).toBe(0);
    // Two whole WIT days, Tue and Wed, from midnight to midnight there.
    expect(
      pausedWorkingDays(
        indonesia,
        new Date('2026-02-02T15:00:00Z'),
        new Date('2026-02-04T15:00:00Z'),
        'Asia/Jayapura',
      ),
    ).toBe(2);
  });
});
