import { describe, expect, it } from 'vitest';
import { type AssignmentRecord, newAssignment, withDeadlines } from '../assignment.ts';
import { Calendar } from '../calendar.ts';
import {
  advance,
  INITIAL_LADDER_STATE,
  inZone,
  type LadderLetter,
  type LadderState,
  observe,
  projectLadder,
  type SkippedStep,
} from './rules.ts';
import { DEFAULT_LADDER, type LadderStep } from '../policy.ts';
import { INDONESIAN_HOLIDAYS } from '../seed-data.ts';

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
const at10 = (date: string) => `${date}T03:00:00.000Z`;

/** Something that happens to the assignment; `rearm` as the service does (deadlines moved). */
interface Change {
  readonly at: string;
  readonly apply: (a: AssignmentRecord) => AssignmentRecord;
  readonly rearm?: boolean;
  /** A policy edit: the ladder's steps from now on. */
  readonly steps?: readonly LadderStep[];
}

/**
 * The engine on time: it wakes at every instant the ladder asks for, and changes land when
 * they happen (a re-arm looks at the ladder under the old, then the new record).
 */
function simulate(a0: AssignmentRecord, changes: readonly Change[], until: string) {
  let a = a0;
  let steps: readonly LadderStep[] = DEFAULT_LADDER;
  let state: LadderState = { ...INITIAL_LADDER_STATE, observedAt: a0.forwardedAt };
  let wake: number | null = Date.parse(a0.forwardedAt);
  const letters: LadderLetter[] = [];
  const skipped: SkippedStep[] = [];
  const pending = [...changes];
  const end = Date.parse(until);
  for (let guard = 0; guard < 500; guard += 1) {
    const change = pending[0];
    const nextChange = change ? Date.parse(change.at) : Number.POSITIVE_INFINITY;
    const t = Math.min(wake ?? Number.POSITIVE_INFINITY, nextChange);
    if (t > end) break;
    const now = new Date(t);
    const ctx = (assignment: AssignmentRecord) => ({ assignment, steps, calendar, now });
    if (nextChange <= (wake ?? Number.POSITIVE_INFINITY)) {
      pending.shift();
      const before = a;
      a = { ...change!.apply(a), updatedAt: now.toISOString() };
      steps = change!.steps ?? steps;
      if (change!.rearm) {
        const seen = observe(state, ctx(before));
        // As `rearmedLadder` does: an agency's zone corrected re-anchors the open episode.
        const after = observe(inZone(seen.state, before.timeZone, a.timeZone), ctx(a));
        skipped.push(...seen.skipped, ...after.skipped);
        state = after.state;
        wake = t;
      }
      continue;
    }
    const plan = advance(state, ctx(a));
    letters.push(...plan.letters);
    skipped.push(...plan.skipped);
    state = plan.state;
    wake = plan.wakeAt === null ? null : Date.parse(plan.wakeAt);
  }
  return { letters, skipped, state };
}

const brief = (letters: readonly LadderLetter[]) =>
  letters.map((e) => [e.step, e.scheduledAt, e.targets.join('+')]);
const rungs = (letters: readonly LadderLetter[]) =>
  letters.filter((e) => e.level > 0).map((e) => [e.step, e.episode, e.targets.join('+')]);

describe('the escalation ladder', () => {
  it('climbs on the same days after an agency’s zone is corrected mid-episode as had it been right from the start (audit s23)', () => {
    // Registered WIB, corrected to WIT after reminder I: its later rungs came a working day
    // late, the episode's anchors (WIB ends of day) read in WIT falling on the next local day.
    const corrected = simulate(
      forwarded(),
      [
        {
          at: at10('2026-03-30'),
          apply: (a) => withDeadlines({ ...a, timeZone: 'Asia/Jayapura' }, calendar),
          rearm: true,
        },
      ],
      '2026-06-01T00:00:00.000Z',
    );
    const fromTheStart = simulate(forwarded('Asia/Jayapura'), [], '2026-06-01T00:00:00.000Z');
    const later = (letters: readonly LadderLetter[]) =>
      letters
        .filter((e) => e.level > 0 && Date.parse(e.scheduledAt) > Date.parse(at10('2026-03-30')))
        .map((e) => [e.step, e.scheduledAt]);
    expect(later(corrected.letters)).toEqual(later(fromTheStart.letters));
    expect(later(corrected.letters).map(([step]) => step)).toEqual([
      'reminder_2',
      'formal_warning',
      'central_intervention',
    ]);
  });

  it('does not warn again of a deadline warned about before the agency’s zone was corrected', () => {
    // Warned on Wednesday 18 March of the acknowledgement's deadline (Thursday 26, 23:59 WIB),
    // corrected to WIT on the 19th: the same Thursday, ending at 23:59 WIT. Its warnings were
    // kept by their WIB instants, so the deadline read in WIT was warned about a second time.
    const corrected = simulate(
      forwarded(),
      [
        {
          at: at10('2026-03-19'),
          apply: (a) => withDeadlines({ ...a, timeZone: 'Asia/Jayapura' }, calendar),
          rearm: true,
        },
      ],
      '2026-06-01T00:00:00.000Z',
    );
    const warnings = (letters: readonly LadderLetter[]) =>
      letters.filter((e) => e.level === 0).map((e) => e.targets.join('+'));
    expect(warnings(corrected.letters)).toEqual(['acknowledge', 'followUp', 'resolution']);
    expect(corrected.state.warned['warning']).toEqual({
      acknowledge: ['2026-03-26T14:59:59.999Z'],
      followUp: ['2026-03-30T14:59:59.999Z'],
      resolution: ['2026-04-13T14:59:59.999Z'],
    });
  });

  it('walks every rung for a silent agency, on the right working days (DOMAIN.md example)', () => {
    const a = forwarded();
    expect(a.due).toEqual({
      acknowledge: '2026-03-26T16:59:59.999Z',
      followUp: '2026-03-30T16:59:59.999Z',
      resolution: '2026-04-13T16:59:59.999Z',
    });
    const expected = [
      ['warning', wib('2026-03-18'), 'acknowledge'], // end of Tue 17 March: 2 working days left (25, 26)
      ['warning', wib('2026-03-27'), 'followUp'], // end of Thu 26: 27 and 30 left
      ['reminder_1', wib('2026-03-27'), 'acknowledge'], // the acknowledgement deadline passed
      ['reminder_2', wib('2026-04-03'), 'acknowledge+followUp'], // 5 working days: 27, 30, 31, 1, 2
      ['warning', wib('2026-04-10'), 'resolution'],
      ['formal_warning', wib('2026-04-11'), 'acknowledge+followUp'], // 6, 7, 8, 9, 10 (3 April is Good Friday)
      ['central_intervention', wib('2026-04-18'), 'acknowledge+followUp+resolution'], // 13–17
    ];
    const run = simulate(a, [], '2026-06-01T00:00:00.000Z');
    expect(brief(run.letters)).toEqual(expected);
    // On time, a letter is written the instant it is due, and each rung in one episode.
    expect(run.letters.every((l) => l.at === l.scheduledAt)).toBe(true);
    expect(new Set(run.letters.filter((l) => l.level > 0).map((l) => l.episode))).toEqual(
      new Set([1]),
    );
    // The projection from the forwarding is the same ladder.
    const projected = projectLadder(
      { ...INITIAL_LADDER_STATE, observedAt: a.forwardedAt },
      { assignment: a, steps: DEFAULT_LADDER, calendar, now: forwardedAt },
    );
    expect(brief(projected)).toEqual(expected);
  });

  it('counts in the agency’s own time zone', () => {
    const run = simulate(forwarded('Asia/Jayapura'), [], '2026-04-01T00:00:00.000Z');
    expect(run.letters.find((e) => e.step === 'reminder_1')?.scheduledAt).toBe(
      new Date('2026-03-27T00:00:00.000+09:00').toISOString(),
    );
  });

  it('ends the episode when the agency catches up; a later miss starts again at reminder I', () => {
    // Acknowledges and answers (progress) on Tue 31 March, after reminder I.
    const answer: Change = {
      at: at10('2026-03-31'),
      apply: (a) => ({
        ...a,
        state: 'responded',
        met: { acknowledge: at10('2026-03-31'), followUp: at10('2026-03-31'), resolution: null },
      }),
    };
    const run = simulate(forwarded(), [answer], '2026-06-01T00:00:00.000Z');
    expect(rungs(run.letters)).toEqual([
      ['reminder_1', 1, 'acknowledge'],
      ['reminder_1', 2, 'resolution'],
      ['reminder_2', 2, 'resolution'],
      ['formal_warning', 2, 'resolution'],
      ['central_intervention', 2, 'resolution'],
    ]);
    expect(brief(run.letters.filter((l) => l.episode === 2))[0]![1]).toBe(wib('2026-04-14'));
  });

  it('writes reminder I on time for a deadline missed after the agency caught up between rungs', () => {
    // Acknowledges on Fri 27 March, the morning after reminder I, which ends the episode: the
    // service re-arms the ladder then (an answer ending an episode), since its next wake was
    // reminder II (3 April) while the follow-up deadline passes first (end of Mon 30 March).
    const acknowledge: Change = {
      at: at10('2026-03-27'),
      apply: (a) => ({
        ...a,
        state: 'acknowledged',
        met: { ...a.met, acknowledge: at10('2026-03-27') },
      }),
      rearm: true,
    };
    const run = simulate(forwarded(), [acknowledge], '2026-06-01T00:00:00.000Z');
    expect(rungs(run.letters).slice(0, 2)).toEqual([
      ['reminder_1', 1, 'acknowledge'],
      ['reminder_1', 2, 'followUp'],
    ]);
    // The engine never slept: every letter is written the instant it is due.
    expect(run.letters.filter((l) => l.at !== l.scheduledAt)).toEqual([]);
    expect(run.letters.find((l) => l.episode === 2)?.at).toBe(wib('2026-03-31'));

    // Not re-armed, the ladder slept to reminder II's instant: that reminder I came 3 working
    // days late (what the service did before it re-armed on such an answer).
    const unarmed = simulate(
      forwarded(),
      [{ ...acknowledge, rearm: false }],
      '2026-06-01T00:00:00.000Z',
    );
    expect(unarmed.letters.find((l) => l.episode === 2)?.at).toBe(wib('2026-04-03'));
  });

  it('never writes a step twice: a deadline moved and moved back is not warned about again', () => {
    // A holiday added on 18 March moves the acknowledgement to the end of 27 March (warned on
    // 26 March); removed on 26 March, the deadline is back where it was warned about on 18th.
    const ACK = '2026-03-26T16:59:59.999Z';
    const move = (at: string, acknowledge: string): Change => ({
      at,
      apply: (a) => ({ ...a, due: { ...a.due, acknowledge } }),
      rearm: true,
    });
    const run = simulate(
      forwarded(),
      [move(at10('2026-03-18'), '2026-03-27T16:59:59.999Z'), move(at10('2026-03-26'), ACK)],
      '2026-06-01T00:00:00.000Z',
    );
    const ids = run.letters.map((l) => l.id);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(
      run.letters
        .filter((l) => l.step === 'warning' && l.targets.includes('acknowledge'))
        .map((l) => l.id),
    ).toEqual([`warning:acknowledge@${ACK}`, 'warning:acknowledge@2026-03-27T16:59:59.999Z']);
  });

  it('never writes a rung twice: an admin inserting a rung mid-episode climbs on from the rung reached', () => {
    // After reminder II (3 April), an admin adds a rung between reminder I and reminder II.
    const inserted: LadderStep = { ...DEFAULT_LADDER[2]!, name: 'reminder_1b' };
    const edited = [...DEFAULT_LADDER.slice(0, 2), inserted, ...DEFAULT_LADDER.slice(2)];
    const edit: Change = { at: at10('2026-04-06'), apply: (a) => a, rearm: true, steps: edited };
    const run = simulate(forwarded(), [edit], '2026-06-01T00:00:00.000Z');
    expect(rungs(run.letters).map(([step]) => step)).toEqual([
      'reminder_1',
      'reminder_2',
      'formal_warning',
      'central_intervention',
    ]);
    // And one that removes a rung already written goes on to the one after it.
    const removed = DEFAULT_LADDER.filter((step) => step.name !== 'reminder_2');
    const cut: Change = { at: at10('2026-04-06'), apply: (a) => a, rearm: true, steps: removed };
    const shorter = simulate(forwarded(), [cut], '2026-06-01T00:00:00.000Z');
    expect(rungs(shorter.letters).map(([step]) => step)).toEqual([
      'reminder_1',
      'reminder_2',
      'formal_warning',
      'central_intervention',
    ]);
    // One that removes every rung written so far climbs from the first rung left.
    const first = DEFAULT_LADDER.filter((step) => step.name !== 'reminder_1');
    const gone: Change = { at: at10('2026-03-30'), apply: (a) => a, rearm: true, steps: first };
    const restarted = simulate(forwarded(), [gone], '2026-06-01T00:00:00.000Z');
    expect(rungs(restarted.letters).map(([step]) => step)).toEqual([
      'reminder_1',
      'reminder_2',
      'formal_warning',
      'central_intervention',
    ]);
  });

  it('lets a target missed mid-episode join it instead of starting another', () => {
    const acknowledgeLate: Change = {
      at: '2026-04-01T03:00:00.000Z',
      apply: (a) => ({
        ...a,
        state: 'acknowledged',
        met: { ...a.met, acknowledge: at10('2026-04-01') },
      }),
    };
    const run = simulate(forwarded(), [acknowledgeLate], '2026-06-01T00:00:00.000Z');
    expect(rungs(run.letters)).toEqual([
      ['reminder_1', 1, 'acknowledge'],
      ['reminder_2', 1, 'followUp'],
      ['formal_warning', 1, 'followUp'],
      ['central_intervention', 1, 'followUp+resolution'],
    ]);
  });

  it('stops for good when the assignment ends, and warns nobody about met targets', () => {
    const completeEarly: Change = {
      at: '2026-03-17T02:00:00.000Z',
      apply: (a) => ({
        ...a,
        state: 'completed',
        met: {
          acknowledge: '2026-03-17T02:00:00.000Z',
          followUp: '2026-03-17T02:00:00.000Z',
          resolution: '2026-03-17T02:00:00.000Z',
        },
      }),
    };
    expect(simulate(forwarded(), [completeEarly], '2026-06-01T00:00:00.000Z').letters).toEqual([]);
    const redirect: Change = {
      at: '2026-03-30T03:00:00.000Z',
      apply: (a) => ({
        ...a,
        state: 'redirected',
        redirect: { reason: 'r', suggestedAgencyId: null, at: '2026-03-30T03:00:00.000Z' },
      }),
    };
    const run = simulate(forwarded(), [redirect], '2026-06-01T00:00:00.000Z');
    expect(run.letters.map((l) => l.step)).toEqual(['warning', 'warning', 'reminder_1']);
  });

  it('continues from the rung reached when an extension is approved after its new deadline passed', () => {
    const a = forwarded();
    const extendLate: Change = {
      at: '2026-04-08T03:00:00.000Z', // after reminder II; the new deadlines (7 April) passed too
      apply: (x) => ({
        ...x,
        due: {
          ...x.due,
          acknowledge: '2026-04-07T16:59:59.999Z',
          followUp: '2026-04-07T16:59:59.999Z',
        },
      }),
      rearm: true,
    };
    const run = simulate(a, [extendLate], '2026-06-01T00:00:00.000Z');
    expect(rungs(run.letters).map(([step, episode]) => `${step}#${episode}`)).toEqual([
      'reminder_1#1',
      'reminder_2#1',
      'formal_warning#1',
      'central_intervention#1',
    ]);
    // No warning about the new deadlines: they had passed when the ladder learnt of them.
    const afterwards = run.letters.filter(
      (l) => l.action === 'warning' && Date.parse(l.at) >= Date.parse(extendLate.at),
    );
    expect(afterwards.map((l) => l.targets.join('+'))).toEqual(['resolution']);
    expect(run.skipped.filter((x) => x.reason === 'deadline_passed')).toHaveLength(2);
  });

  it('ends the episode when an extension moves every overdue deadline into the future', () => {
    const extendInTime: Change = {
      at: '2026-03-31T03:00:00.000Z',
      apply: (x) => ({
        ...x,
        due: {
          ...x.due,
          acknowledge: '2026-04-20T16:59:59.999Z',
          followUp: '2026-04-20T16:59:59.999Z',
        },
      }),
      rearm: true,
    };
    const run = simulate(forwarded(), [extendInTime], '2026-06-01T00:00:00.000Z');
    const episodes = rungs(run.letters);
    expect(episodes[0]).toEqual(['reminder_1', 1, 'acknowledge']);
    expect(episodes[1]).toEqual(['reminder_1', 2, 'resolution']); // 13 April missed: a new episode
    expect(
      run.letters.filter((l) => l.action === 'warning').map((l) => l.targets.join('+')),
    ).toEqual([
      'acknowledge',
      'followUp',
      'resolution',
      'acknowledge+followUp', // the new deadlines, warned once each
    ]);
  });

  it('parks while paused and moves the next rung on by the paused working days', () => {
    const pause: Change = {
      at: at10('2026-03-30'),
      apply: (x) => ({ ...x, paused: true }),
      rearm: true,
    };
    // Resumed on Mon 6 April: 31 Mar, 1, 2 and 6 April are working days (3 April is Good Friday).
    const resume: Change = {
      at: at10('2026-04-06'),
      apply: (x) => ({
        ...x,
        paused: false,
        due: {
          acknowledge: '2026-04-01T16:59:59.999Z', // moved, but still past
          followUp: '2026-04-06T16:59:59.999Z',
          resolution: '2026-04-17T16:59:59.999Z',
        },
      }),
      rearm: true,
    };
    const run = simulate(forwarded(), [pause, resume], '2026-06-01T00:00:00.000Z');
    const written = run.letters.filter((l) => l.level > 0);
    expect(written.map((l) => `${l.step}#${l.episode}`)).toEqual([
      'reminder_1#1',
      'reminder_2#1',
      'formal_warning#1',
      'central_intervention#1',
    ]);
    // Reminder II was due on 3 April (within the pause): it comes 4 working days later instead.
    expect(written[1]!.scheduledAt).toBe(wib('2026-04-10'));
    expect(
      run.letters.some(
        (l) => Date.parse(l.at) > Date.parse(pause.at) && Date.parse(l.at) < Date.parse(resume.at),
      ),
    ).toBe(false);
  });

  it('after a late wake writes one rung, dated now, and skips warnings past their deadline', () => {
    const a = forwarded();
    const now = new Date('2026-04-08T03:00:00.000Z'); // asleep since the forwarding
    const plan = advance(
      { ...INITIAL_LADDER_STATE, observedAt: a.forwardedAt },
      { assignment: a, steps: DEFAULT_LADDER, calendar, now },
    );
    expect(plan.letters.map((l) => [l.step, l.at, l.scheduledAt, l.targets.join('+')])).toEqual([
      ['reminder_1', now.toISOString(), wib('2026-03-27'), 'acknowledge+followUp'],
    ]);
    expect(plan.skipped.map((s) => [s.step, s.targets.join('+'), s.reason])).toEqual([
      ['warning', 'acknowledge', 'deadline_passed'],
      ['warning', 'followUp', 'deadline_passed'],
    ]);
    // Reminder II counts 5 working days after the day before reminder I was written (8 April),
    // as an on-time rung written at the first instant of its day counts from the day before.
    expect(plan.wakeAt).toBe(wib('2026-04-10')); // the resolution warning comes first
    const next = projectLadder(plan.state, { assignment: a, steps: DEFAULT_LADDER, calendar, now });
    expect(next.find((l) => l.step === 'reminder_2')?.scheduledAt).toBe(wib('2026-04-15'));
  });

  it('records the rung due while the engine slept as skipped when the agency caught up meanwhile', () => {
    const a = forwarded();
    const start = advance(
      { ...INITIAL_LADDER_STATE, observedAt: a.forwardedAt },
      { assignment: a, steps: DEFAULT_LADDER, calendar, now: new Date(wib('2026-03-27')) },
    );
    expect(start.letters.map((l) => l.step)).toEqual(['warning', 'reminder_1']);
    const answered: AssignmentRecord = {
      ...a,
      state: 'responded',
      met: { acknowledge: at10('2026-04-06'), followUp: at10('2026-04-06'), resolution: null },
    };
    const late = advance(start.state, {
      assignment: answered,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date('2026-04-08T03:00:00.000Z'),
    });
    expect(late.letters).toEqual([]);
    expect(late.skipped).toEqual([
      expect.objectContaining({ step: 'reminder_2', reason: 'caught_up', episode: 1 }),
    ]);
    expect(late.state.episode).toBeNull();
  });
});
