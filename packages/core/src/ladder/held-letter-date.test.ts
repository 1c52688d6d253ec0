/**
 * A property of what a held rung's letter says comes next ("Apabila sampai dengan … tindak
 * lanjut belum kami terima, …"): whatever pauses, resumes and holidays added happen while it
 * waits (held for letter hours, the runtime down), the date it names as it goes is the end of
 * the day before the ladder's next rung really comes, the ladder's own projection from where
 * it stands then (`projectLadder`). Paused still as it goes: the date were the clock to run
 * again then, and the rung comes no sooner however long the pause lasts. Pure and cheap (no
 * store, no engine: the ladder model, `packages/local/src/ladder-model.int.test.ts`, takes a
 * minute); the seed is fixed, so it cannot flake.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentRecord, newAssignment } from '../assignment.ts';
import { pause, resume } from '../assignment-clock.ts';
import { addCalendarDays, Calendar, type CalendarDay, localDate } from '../calendar.ts';
import { newCase } from '../case.ts';
import { formatLocal } from '../date-words.ts';
import { type LetterParties } from '../letter-addresses.ts';
import { DEFAULT_LADDER, DEFAULT_POLICY } from '../policy.ts';
import type { Agency } from '../schemas.ts';
import { INDONESIAN_HOLIDAYS } from '../seed-data.ts';
import { letterAsItHolds, letterVoidReason, nextLetterHour } from './outbox.ts';
import { letterWrite } from './records.ts';
import {
  advance,
  INITIAL_LADDER_STATE,
  type LadderState,
  observe,
  projectLadder,
  rungsOf,
} from './rules.ts';

const HOUR = 3_600_000;
const steps = DEFAULT_LADDER;
const forwardedAt = '2026-05-04T03:00:00.000Z'; // Monday 10:00 WIB

const agency = (id: string): Agency => ({
  id,
  name: `Instansi ${id}`,
  kind: 'agency',
  focalPointId: null,
  timeZone: 'Asia/Jakarta',
  contacts: [
    { name: 'Bagian Umum', email: `umum@${id}.example.go.id`, kind: 'liaison' },
    { name: 'Kepala', email: `kepala@${id}.example.go.id`, kind: 'head' },
  ],
  createdAt: forwardedAt,
  updatedAt: forwardedAt,
  version: 1,
});
const parties: LetterParties = {
  agency: agency('polri'),
  focalPoint: undefined,
  central: agency('setneg'),
};
const complaint = newCase({
  id: 'C1',
  trackingCode: 'AAAA-BBBB-CCCCC',
  body: {
    channel: 'letter',
    complainant: { name: 'Siti Aminah' },
    subject: 'Sertifikat tanah belum terbit',
    description: 'Sudah dua tahun.',
  },
  now: new Date(forwardedAt),
  verificationDueAt: new Date('2026-05-07T16:59:59.999Z'),
});

/** Something that happens while the letter waits. */
type Happening =
  | { readonly kind: 'pass'; readonly hours: number }
  | { readonly kind: 'pause' | 'resume' }
  | { readonly kind: 'pausedFor'; readonly hours: number }
  | { readonly kind: 'holiday'; readonly day: number };

const happening: fc.Arbitrary<Happening> = fc.oneof(
  fc.record({ kind: fc.constant('pass' as const), hours: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const) }),
  // A pause, time passing and a resume, as one: so that pauses of working days are reached.
  fc.record({ kind: fc.constant('pausedFor' as const), hours: fc.integer({ min: 1, max: 72 }) }),
  // A day off added from the letter's day on (central adding a regional holiday).
  fc.record({ kind: fc.constant('holiday' as const), day: fc.integer({ min: 0, max: 20 }) }),
);

/** A silent agency's ladder up to the letter of `rung`, which it writes `lateHours` late. */
function writtenRung(a: AssignmentRecord, calendar: Calendar, rung: string, lateHours: number) {
  let state: LadderState = { ...INITIAL_LADDER_STATE, observedAt: a.forwardedAt };
  let now = new Date(a.forwardedAt);
  let late = lateHours;
  for (;;) {
    const plan = advance(state, { assignment: a, steps, calendar, now });
    const letter = plan.letters.find((l) => l.step === rung);
    if (letter && late > 0) {
      // The ladder woke late (an outage): the same look, hours on.
      now = new Date(now.getTime() + late * HOUR);
      late = 0;
      continue;
    }
    if (letter) return { state: plan.state, letter, now, wake: plan.wakeAt };
    state = plan.state;
    now = new Date(plan.wakeAt!);
  }
}

describe('a held rung’s letter names the date the ladder’s next rung really comes', () => {
  it('over random pauses, resumes and holidays added while it waits', () => {
    // What the sequences reached: a property that never met a moved rung would prove nothing.
    const reached = { checked: 0, moved: 0, pausedAsItGoes: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom('reminder_1', 'reminder_2', 'formal_warning'),
        fc.integer({ min: 0, max: 30 }),
        fc.array(happening, { maxLength: 6 }),
        fc.integer({ min: 1, max: 72 }),
        (rung, lateHours, happenings, pausedOnFor) => {
          const days: CalendarDay[] = [...INDONESIAN_HOLIDAYS.days];
          let calendar = new Calendar({ ...INDONESIAN_HOLIDAYS, days });
          let a = newAssignment({
            caseId: 'C1',
            agencyId: 'polri',
            instructions: null,
            forwardedAt: new Date(forwardedAt),
            forwardedBy: 'officer-1',
            timeZone: 'Asia/Jakarta',
            calendar,
            policyId: 'default',
            workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
            previous: undefined,
          });
          const written = writtenRung(a, calendar, rung, lateHours);
          let { state, now } = written;
          const letter = letterWrite({
            letter: written.letter,
            policy: DEFAULT_POLICY,
            case: complaint,
            assignment: a,
            parties,
            calendar,
            now,
          }).notification;
          const rungs = rungsOf(steps);
          const next = rungs[rungs.findIndex((r) => r.name === rung) + 1]!;
          // The engine on time: the ladder looks at each instant it asks for, and at once after
          // a change (re-armed, due now); `came` once it writes the rung after the letter's.
          let wake = written.wake === null ? null : Date.parse(written.wake);
          let came = false;
          const look = (at: Date) => {
            const plan = advance(state, { assignment: a, steps, calendar, now: at });
            state = plan.state;
            came ||= plan.letters.some((l) => l.step === next.name);
            wake = plan.wakeAt === null ? null : Date.parse(plan.wakeAt);
          };
          const runUntil = (to: Date) => {
            while (wake !== null && wake <= to.getTime()) look(new Date(wake));
          };
          /** A change landing as the service makes it: the ladder looked at before, then after. */
          const changed = (after: AssignmentRecord) => {
            const ctx = { steps, calendar, now };
            const seen = observe(state, { ...ctx, assignment: a }).state;
            state = observe(seen, { ...ctx, assignment: after }).state;
            a = after;
            look(now);
          };
          let pauses = 0;
          for (const h of happenings) {
            if (h.kind === 'pass') {
              now = new Date(now.getTime() + h.hours * HOUR);
              runUntil(now);
            } else if (h.kind === 'pausedFor' && !a.paused) {
              changed(pause(a, 'Menunggu data dari pengadu', 'officer-1', now));
              now = new Date(now.getTime() + h.hours * HOUR);
              changed(resume(a, calendar, now, `pause-${(pauses += 1)}`).assignment);
            } else if (h.kind === 'pause' && !a.paused)
              changed(pause(a, 'Menunggu data dari pengadu', 'officer-1', now));
            else if (h.kind === 'resume' && a.paused)
              changed(resume(a, calendar, now, `pause-${(pauses += 1)}`).assignment);
            else if (h.kind === 'holiday') {
              const date = addCalendarDays(
                localDate(new Date(letter.createdAt), a.timeZone),
                h.day,
              );
              if (!calendar.isWorkingDay(date)) continue;
              days.push({ date, kind: 'other', name: 'Libur daerah' });
              calendar = new Calendar({ ...INDONESIAN_HOLIDAYS, days });
              changed(a);
            }
          }
          // It goes at the next letter hour, if it still holds then and the ladder has not come
          // to its next rung while it waited (the runtime down for days: it names a rung gone by).
          const goesAt = nextLetterHour(calendar, a.timeZone, now);
          runUntil(goesAt);
          const reason = letterVoidReason(letter, a, goesAt, state.episode);
          fc.pre(!came && (reason === null || reason === 'paused'));
          const going = letterAsItHolds(letter, a, goesAt, calendar, state.episode, steps);

          /** When the ladder writes the rung after the letter's, the clock running from `resumedAt`. */
          const nextRungAt = (resumedAt: Date) => {
            const running = a.paused ? resume(a, calendar, resumedAt, 'last').assignment : a;
            const ctx = { steps, calendar, now: resumedAt };
            const seen = observe(state, { ...ctx, assignment: a }).state;
            const from = observe(seen, { ...ctx, assignment: running }).state;
            const ahead = projectLadder(from, { ...ctx, assignment: running });
            const at = Date.parse(ahead.find((l) => l.step === next.name)!.at);
            return { at, baseAt: from.episode?.baseAt };
          };
          const real = nextRungAt(goesAt);
          const byThen = /Apabila sampai dengan (.+? pukul \d\d\.\d\d WIB) tindak/;
          expect(byThen.exec(going.body)?.[1]).toBe(
            formatLocal(new Date(real.at - 1).toISOString(), a.timeZone),
          );
          // Paused still: resumed later, the ladder comes no sooner than the letter said.
          if (a.paused) {
            const later = nextRungAt(new Date(goesAt.getTime() + pausedOnFor * HOUR));
            expect(later.at).toBeGreaterThanOrEqual(real.at);
          }
          reached.checked += 1;
          if (real.baseAt !== written.state.episode?.baseAt) reached.moved += 1;
          if (a.paused) reached.pausedAsItGoes += 1;
        },
      ),
      { seed: 20_260_504, numRuns: 300 },
    );
    expect(reached.checked).toBeGreaterThan(150);
    expect(reached.moved).toBeGreaterThan(20);
    expect(reached.pausedAsItGoes).toBeGreaterThan(20);
  });
});
