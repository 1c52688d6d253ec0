import { describe, expect, it } from 'vitest';
import { type AssignmentRecord, newAssignment } from './assignment.ts';
import { Calendar } from './calendar.ts';
import { ladderDue, ladderSchedule, rungAt } from './ladder.ts';
import { DEFAULT_LADDER } from './policy.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';

const calendar = new Calendar(INDONESIAN_HOLIDAYS);
const forwardedAt = new Date('2026-03-16T03:00:00.000Z'); // Monday 10:00 WIB
const WD = { acknowledge: 3, followUp: 5, resolution: 14 };

/** A normative complaint forwarded on the DOMAIN.md example day: 3 / 5 / 14 working days. */
function forwarded(tz: AssignmentRecord['timeZone'] = 'Asia/Jakarta'): AssignmentRecord {
  return newAssignment({
    caseId: 'C1',
    agencyId: 'polri',
    instructions: null,
    forwardedAt,
    forwardedBy: 'o',
    timeZone: tz,
    calendar,
    policyId: 'default',
    workingDays: WD,
    previous: undefined,
  });
}
/** Midnight starting a WIB day, as an instant. */
const wib = (date: string) => new Date(`${date}T00:00:00.000+07:00`).toISOString();
const brief = (a: AssignmentRecord) =>
  ladderSchedule(a, DEFAULT_LADDER, calendar).map((e) => [e.step, e.at, e.targets.join('+')]);

describe('the escalation ladder', () => {
  it('walks every rung for a silent agency, on the right working days (DOMAIN.md example)', () => {
    const a = forwarded();
    expect(a.due).toEqual({
      acknowledge: '2026-03-26T16:59:59.999Z',
      followUp: '2026-03-30T16:59:59.999Z',
      resolution: '2026-04-13T16:59:59.999Z',
    });
    expect(brief(a)).toEqual([
      ['warning', wib('2026-03-18'), 'acknowledge'], // end of Tue 17 March: 2 working days left (25, 26)
      ['warning', wib('2026-03-27'), 'followUp'], // end of Thu 26: 27 and 30 left
      ['reminder_1', wib('2026-03-27'), 'acknowledge'], // the acknowledgement deadline passed
      ['reminder_2', wib('2026-04-03'), 'acknowledge+followUp'], // 5 working days: 27, 30, 31, 1, 2
      ['warning', wib('2026-04-10'), 'resolution'],
      ['formal_warning', wib('2026-04-11'), 'acknowledge+followUp'], // 6, 7, 8, 9, 10 (3 April is Good Friday)
      ['central_intervention', wib('2026-04-18'), 'acknowledge+followUp+resolution'], // 13–17
    ]);
  });

  it('counts in the agency’s own time zone', () => {
    const events = ladderSchedule(forwarded('Asia/Jayapura'), DEFAULT_LADDER, calendar);
    expect(events.find((e) => e.step === 'reminder_1')?.at).toBe(
      new Date('2026-03-27T00:00:00.000+09:00').toISOString(),
    );
  });

  it('stops at the rung where the agency has caught up', () => {
    // Acknowledges and answers (progress) on Tue 31 March, after reminder I.
    const answered: AssignmentRecord = {
      ...forwarded(),
      state: 'responded',
      met: {
        acknowledge: '2026-03-31T03:00:00.000Z',
        followUp: '2026-03-31T03:00:00.000Z',
        resolution: null,
      },
    };
    const steps = brief(answered).filter(([step]) => step !== 'warning');
    // Reminder II would come on 3 April: nothing is overdue then, so the round ended on 31 March.
    // The resolution deadline (13 April) is missed later: a new round starts at reminder I.
    expect(steps).toEqual([
      ['reminder_1', wib('2026-03-27'), 'acknowledge'],
      ['reminder_1', wib('2026-04-14'), 'resolution'],
      ['reminder_2', wib('2026-04-21'), 'resolution'],
      ['formal_warning', wib('2026-04-28'), 'resolution'],
      ['central_intervention', wib('2026-05-06'), 'resolution'], // 1 May is Labour Day
    ]);
    const ids = ladderSchedule(answered, DEFAULT_LADDER, calendar).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets a target missed mid-round join the round instead of starting another', () => {
    const acknowledgedLate: AssignmentRecord = {
      ...forwarded(),
      state: 'acknowledged',
      met: { acknowledge: '2026-04-01T03:00:00.000Z', followUp: null, resolution: null },
    };
    const rungs = ladderSchedule(acknowledgedLate, DEFAULT_LADDER, calendar).filter(
      (e) => e.level > 0,
    );
    expect(new Set(rungs.map((e) => e.round))).toEqual(
      new Set([new Date(wib('2026-03-27')).toISOString()]),
    );
    expect(rungs.map((e) => e.targets.join('+'))).toEqual([
      'acknowledge',
      'followUp',
      'followUp',
      'followUp+resolution',
    ]);
  });

  it('stops for good when the assignment ends, and warns nobody about met targets', () => {
    const completedEarly: AssignmentRecord = {
      ...forwarded(),
      state: 'completed',
      met: {
        acknowledge: '2026-03-17T02:00:00.000Z',
        followUp: '2026-03-17T02:00:00.000Z',
        resolution: '2026-03-17T02:00:00.000Z',
      },
    };
    expect(brief(completedEarly)).toEqual([]);
    const redirected: AssignmentRecord = {
      ...forwarded(),
      state: 'redirected',
      redirect: { reason: 'r', suggestedAgencyId: null, at: '2026-03-30T03:00:00.000Z' },
    };
    expect(brief(redirected).map(([step]) => step)).toEqual(['warning', 'warning', 'reminder_1']);
  });

  it('re-arms by itself when a deadline moves: a new round has a new identity', () => {
    const a = forwarded();
    const before = ladderSchedule(a, DEFAULT_LADDER, calendar);
    const extended: AssignmentRecord = {
      ...a,
      due: {
        ...a.due,
        acknowledge: '2026-04-08T16:59:59.999Z',
        followUp: '2026-04-08T16:59:59.999Z',
      },
    };
    const after = ladderSchedule(extended, DEFAULT_LADDER, calendar);
    const firstRung = (events: typeof before) => events.find((e) => e.level === 1)!;
    expect(firstRung(after).at).toBe(wib('2026-04-09'));
    expect(firstRung(after).id).not.toBe(firstRung(before).id);
  });

  it('tells which steps are due now, the next instant, and the rung reached', () => {
    const events = ladderSchedule(forwarded(), DEFAULT_LADDER, calendar);
    const { due, next } = ladderDue(events, new Date(wib('2026-04-05')));
    expect(due.map((e) => e.step)).toEqual(['warning', 'warning', 'reminder_1', 'reminder_2']);
    expect(next).toBe(wib('2026-04-10'));
    expect(rungAt(events, new Date(wib('2026-04-05')))).toMatchObject({
      level: 2,
      step: 'reminder_2',
    });
    expect(ladderDue(events, new Date(wib('2026-05-01'))).next).toBeNull();
  });
});
