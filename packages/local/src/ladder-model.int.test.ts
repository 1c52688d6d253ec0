/**
 * A model-based property test of the escalation ladder: random sequences of what happens to
 * assignments (time passing in small steps and long jumps, answers, extensions approved early
 * or late, pauses, holidays, a policy edit, an admin adding or removing a rung, redirect and
 * re-forward, a runtime restart), run on the real ASL definition and Tick handler over
 * DynamoDB Local. After each sequence the letters written are checked against what the
 * assignments really were at each instant, and no ladder execution may have failed.
 *
 * A command the domain refuses (an answer to a completed assignment, say) is counted, not
 * taken: the model moves on. So that the sequences do reach what is listed above, an
 * extension (request, time, approval) and a pause (pause, time, resume) are also generated as
 * one command each, and the run must have approved an extension mid-episode, resumed a paused
 * clock and changed a holiday, with every refusal one the model expects. The seed is fixed
 * (MODEL_SEED to try another): the same sequences every run, so that this cannot flake.
 */
import {
  advance,
  type AssignmentRecord,
  Calendar,
  DomainError,
  ladderState,
  type Mailer,
  type NotificationRecord,
  Service,
  TARGETS,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { LocalLadderEngine } from './engine.ts';

const AGENCIES = ['polri', 'pln', 'pemprov-bali'] as const;
type AgencyId = (typeof AGENCIES)[number];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Command =
  | { kind: 'pass'; hours: number } // the runtime runs while time passes
  | { kind: 'jump'; days: number } // asleep (an outage, a long jump of a stopped engine)
  | { kind: 'late'; agency: number; hours: number } // runs until `hours` past its next deadline
  | { kind: 'acknowledge' | 'progress' | 'final' | 'pause' | 'resume'; agency: number }
  | { kind: 'request'; agency: number; days: number }
  | { kind: 'approve'; agency: number }
  | { kind: 'holiday'; inDays: number }
  | { kind: 'unholiday' }
  | { kind: 'policy'; acknowledgeDays: number }
  | { kind: 'ladder'; edit: 'insert' | 'remove' } // an admin edits the ladder's rungs
  | { kind: 'redirect'; agency: number }
  | { kind: 'restart' };

/** What is generated: the commands, and sequences of them that the domain accepts together. */
type Generated =
  | Command
  // request, then some time (to past the next deadline, when late), then central approves
  | { kind: 'extend'; agency: number; days: number; late: boolean; hours: number }
  // pause, some time, resume
  | { kind: 'pauseFor'; agency: number; hours: number };

const expand = (g: Generated): Command[] => {
  switch (g.kind) {
    case 'extend':
      return [
        { kind: 'request', agency: g.agency, days: g.days },
        g.late
          ? { kind: 'late', agency: g.agency, hours: g.hours }
          : { kind: 'pass', hours: g.hours },
        { kind: 'approve', agency: g.agency },
      ];
    case 'pauseFor':
      return [
        { kind: 'pause', agency: g.agency },
        { kind: 'pass', hours: g.hours },
        { kind: 'resume', agency: g.agency },
      ];
    default:
      return [g];
  }
};

/** The refusals the model expects of its commands (an assignment completed, redirected…). */
const EXPECTED_REFUSALS = new Set(['invalid_transition', 'already_exists', 'limit_exceeded']);

const agencyIndex = fc.nat({ max: 1 });
const command: fc.Arbitrary<Generated> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('pass' as const),
      hours: fc.integer({ min: 1, max: 60 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('jump' as const),
      days: fc.integer({ min: 2, max: 25 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'acknowledge' as const,
        'progress' as const,
        'final' as const,
        'pause' as const,
        'resume' as const,
      ),
      agency: agencyIndex,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      agency: agencyIndex,
      days: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('approve' as const), agency: agencyIndex }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('extend' as const),
      agency: agencyIndex,
      days: fc.integer({ min: 1, max: 8 }),
      late: fc.boolean(),
      hours: fc.integer({ min: 1, max: 60 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pauseFor' as const),
      agency: agencyIndex,
      hours: fc.integer({ min: 1, max: 120 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('holiday' as const),
      inDays: fc.integer({ min: 0, max: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unholiday' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('policy' as const),
      acknowledgeDays: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('redirect' as const), agency: agencyIndex }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('ladder' as const),
      edit: fc.constantFrom('insert' as const, 'remove' as const),
    }),
  },
);

/**
 * The rungs an admin's edit may add (after reminder I) or take out again: every rung of either
 * ladder, in the one order they climb in.
 */
const EXTRA_RUNG = 'reminder_1b';
const RUNG_ORDER = [
  'reminder_1',
  EXTRA_RUNG,
  'reminder_2',
  'formal_warning',
  'central_intervention',
];

let store: DynamoStore;
const clock = manualClock('2026-01-05T03:00:00.000Z');
const mailer: Mailer = { send: async () => undefined };
const runtime = () => {
  const engine = new LocalLadderEngine({ store, clock: clock.now, mailer });
  return { engine, service: new Service({ store, clock: clock.now, ladders: engine }) };
};
let current: ReturnType<typeof runtime>;
const passTime = (to: Date) =>
  current.engine.passTime({ now: clock.now, set: (d) => clock.set(d.toISOString()) }, to);

beforeAll(async () => {
  store = await freshStore();
  current = runtime();
  await addAgencies(current.service, [
    { id: 'polri' },
    { id: 'pln' },
    { id: 'pemprov-bali', timeZone: 'Asia/Makassar' },
  ]);
});

/**
 * The model's record of the truth: after each step of the sequence, what every assignment of
 * the case was and at which instant, and which letters that step wrote. A step that changes
 * an assignment (an answer, a decision, a pause) changes it before the engine runs in it; a
 * step in which only time passes writes its letters under the previous step's records.
 */
interface Step {
  readonly at: number;
  readonly timeOnly: boolean;
  readonly records: ReadonlyMap<string, AssignmentRecord>;
  /** The ladder's rungs were edited in this step; the rungs in force after it. */
  readonly ladderEdited: boolean;
  readonly rungs: readonly string[];
  /** What the step was: the engine ran through a `pass` (and the final one) on time. */
  readonly kind: Command['kind'] | 'forward' | 'end';
}

async function recordStep(
  caseId: string,
  steps: Step[],
  timeOnly: boolean,
  seen: Map<string, number>,
  kind: Step['kind'],
) {
  const bundle = (await store.getCase(caseId))!;
  const policy = (await store.getPolicy('default'))!;
  steps.push({
    at: clock.now().getTime(),
    timeOnly,
    records: new Map(bundle.assignments.map((a) => [a.agencyId, a])),
    ladderEdited: kind === 'ladder',
    kind,
    rungs: policy.ladder.filter((x) => x.action !== 'warning').map((x) => x.name),
  });
  let cursor: string | undefined;
  do {
    const page = await store.listNotifications({ caseId }, { limit: 100, cursor });
    for (const n of page.items) if (!seen.has(n.id)) seen.set(n.id, steps.length - 1);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

const OPEN_STATES: readonly string[] = ['pending', 'acknowledged', 'responded'];
const overdue = (a: AssignmentRecord, t: Target, at: number) =>
  !a.paused && Date.parse(a.due[t]) < at && (a.met[t] === null || Date.parse(a.met[t]!) > at);
type Target = (typeof TARGETS)[number];

/** The next Monday at 10.00 WIB (03.00 UTC) from `t`, or `t` if it is one. */
function mondayMorning(t: number): number {
  const day = new Date(t);
  const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 3);
  const monday = at + ((8 - new Date(at).getUTCDay()) % 7) * DAY;
  return monday >= t ? monday : monday + 7 * DAY;
}

/** What the commands of a run did: taken, refused (by code), and the cases the header lists. */
type Reach = Map<string, number>;
const count = (reach: Reach, what: string) => reach.set(what, (reach.get(what) ?? 0) + 1);

async function run(
  forwardedTo: readonly AgencyId[],
  generated: readonly Generated[],
  reach: Reach = new Map(),
) {
  const commands = generated.flatMap(expand);
  // Every sequence is forwarded on a Monday at 10.00 WIB, as the first is: the fixed examples
  // below were written against that week's working days.
  clock.set(new Date(mondayMorning(clock.now().getTime())).toISOString());
  await current.engine.runDue();
  const { service } = current;
  const start = clock.now().getTime();
  const agencies = [...forwardedTo];
  const { caseId } = await forwardedCase(service, agencies);
  await current.engine.runDue();
  const steps: Step[] = [];
  const writtenIn = new Map<string, number>(); // letter id → the step that wrote it
  const holidays: string[] = [];
  const requests = new Map<string, string>();
  // Executions that failed, over every engine of the run (a restart makes a new one).
  let failures = -current.engine.stats.failures;
  await recordStep(caseId, steps, false, writtenIn, 'forward');
  for (const c of commands) {
    const agency = 'agency' in c ? agencies[c.agency]! : agencies[0]!;
    const officer = officerOf(agency);
    const s = current.service;
    // The agency's assignment as the command finds it (for the clock's commands).
    const before = ['approve', 'pause', 'resume', 'late'].includes(c.kind)
      ? (await store.getCase(caseId))!.assignments.find((a) => a.agencyId === agency)
      : undefined;
    let taken: string | undefined = c.kind;
    try {
      switch (c.kind) {
        case 'pass':
          await passTime(new Date(clock.now().getTime() + c.hours * HOUR));
          break;
        case 'late': {
          // The runtime runs on until `hours` past the agency's next deadline (or for `hours`
          // when none runs, or it has passed).
          const now = clock.now().getTime();
          const open =
            before && !before.paused && OPEN_STATES.includes(before.state)
              ? TARGETS.filter((t) => before.met[t] === null).map((t) => Date.parse(before.due[t]))
              : [];
          const next = open.length > 0 ? Math.min(...open) : now;
          await passTime(new Date(Math.max(now, next) + c.hours * HOUR));
          break;
        }
        case 'jump':
          clock.set(new Date(clock.now().getTime() + c.days * DAY).toISOString());
          await current.engine.runDue();
          break;
        case 'acknowledge':
          await s.acknowledge(officer, caseId, agency);
          break;
        case 'progress':
        case 'final':
          await s.respond(officer, caseId, agency, { kind: c.kind, message: 'Ditindaklanjuti.' });
          break;
        case 'pause':
          await s.pauseAssignment(officer, caseId, agency, 'Menunggu dokumen pengadu');
          if (before?.paused) taken = 'pause (paused already)';
          break;
        case 'resume':
          await s.resumeAssignment(officer, caseId, agency);
          taken = before?.paused ? 'pause then resume' : 'resume (not paused)';
          break;
        case 'request': {
          const r = await s.requestExtension(officer, caseId, agency, {
            workingDays: c.days,
            reason: 'Menunggu data',
          });
          requests.set(agency, r.id);
          break;
        }
        case 'approve': {
          const id = requests.get(agency);
          requests.delete(agency);
          if (!id) {
            taken = 'approve (nothing requested)';
            break;
          }
          const late = before && TARGETS.some((t) => overdue(before, t, clock.now().getTime()));
          await s.decideExtension(centralOfficer, caseId, agency, id, { approve: true });
          taken = late ? 'approve mid-episode' : 'approve before a deadline';
          break;
        }
        case 'holiday': {
          const date = new Date(clock.now().getTime() + c.inDays * DAY).toISOString().slice(0, 10);
          if (holidays.includes(date)) {
            taken = 'holiday (one already)';
            break;
          }
          await s.putCalendarDay(centralAdmin, 'id', { date, kind: 'other', name: 'Libur uji' });
          holidays.push(date);
          break;
        }
        case 'unholiday': {
          const date = holidays.pop();
          if (date) await s.deleteCalendarDay(centralAdmin, 'id', date);
          else taken = 'unholiday (none)';
          break;
        }
        case 'policy': {
          const { id: _i, version: _v, updatedAt: _u, ...body } = await s.getPolicy('default');
          await s.putPolicy(centralAdmin, 'default', {
            ...body,
            acknowledgeWorkingDays: c.acknowledgeDays,
          });
          break;
        }
        case 'redirect': {
          await s.redirect(officer, caseId, agency, { reason: 'Bukan kewenangan kami' });
          const elsewhere = AGENCIES.find((x) => !agencies.includes(x))!;
          await s.forward(centralOfficer, caseId, { assignments: [{ agencyId: elsewhere }] });
          agencies[c.agency] = elsewhere as AgencyId;
          break;
        }
        case 'ladder': {
          const { id: _i, version: _v, updatedAt: _u, ...body } = await s.getPolicy('default');
          const has = body.ladder.some((x) => x.name === EXTRA_RUNG);
          if (has === (c.edit === 'insert')) break;
          const at = body.ladder.findIndex((x) => x.name === 'reminder_1') + 1;
          const extra = { ...body.ladder.find((x) => x.name === 'reminder_2')!, name: EXTRA_RUNG };
          const ladder =
            c.edit === 'insert'
              ? [...body.ladder.slice(0, at), extra, ...body.ladder.slice(at)]
              : body.ladder.filter((x) => x.name !== EXTRA_RUNG);
          await s.putPolicy(centralAdmin, 'default', { ...body, ladder });
          break;
        }
        case 'restart':
          failures += current.engine.stats.failures;
          await current.engine.stop();
          current = runtime();
          failures -= current.engine.stats.failures;
          await current.engine.runDue();
          break;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // not possible now: the model moves on
      taken = undefined;
      count(reach, `${c.kind} refused: ${error.code}`);
    }
    if (taken) count(reach, taken);
    await current.engine.runDue();
    const timeOnly = c.kind === 'pass' || c.kind === 'jump' || c.kind === 'late';
    await recordStep(caseId, steps, timeOnly, writtenIn, c.kind);
  }
  // Then time passes with nobody acting: every ladder runs to its end.
  await passTime(new Date(clock.now().getTime() + 80 * DAY));
  await recordStep(caseId, steps, true, writtenIn, 'end');

  const letters: NotificationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listNotifications({ caseId }, { limit: 100, cursor });
    letters.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  // No Tick kept failing (a step key written twice is refused by the store, and stalls the
  // ladder there: the keys below would look fine).
  failures += current.engine.stats.failures;
  expect(failures, 'ladder executions that failed').toBe(0);

  // On time: a letter whose instant came while the engine ran through time (a pass), with
  // nothing since that could move deadlines or rungs, is written at that instant, in that
  // pass. (An answer does not move a deadline, but ends an episode: the next deadline's
  // reminder I must still come when it passes, not at the old episode's next rung.)
  const MOVES: readonly Step['kind'][] = [
    'jump',
    'approve',
    'holiday',
    'unholiday',
    'policy',
    'ladder',
    'pause',
    'resume',
    'redirect',
    'restart',
  ];
  for (const n of letters) {
    const s = Date.parse(n.scheduledAt);
    const j = steps.findIndex((x, i) => i > 0 && steps[i - 1]!.at < s && s <= x.at);
    const k = writtenIn.get(n.id)!;
    if (j < 0 || !['pass', 'late', 'end'].includes(steps[j]!.kind)) continue;
    if (steps.slice(j, k + 1).some((x) => MOVES.includes(x.kind))) continue;
    const why = `${n.step} to ${n.agencyId} due ${n.scheduledAt}, written ${n.createdAt} (step ${k}, due in step ${j})`;
    expect(n.createdAt, why).toBe(n.scheduledAt);
  }

  // Every step key once.
  const keys = letters.map((n) => `${n.agencyId}#${n.generation}#${n.stepId}`);
  expect(new Set(keys).size, keys.join('\n')).toBe(keys.length);

  /** The record an agency's letter was written under: the step's own, or the one before it. */
  const writtenUnder = (n: NotificationRecord) => {
    const k = writtenIn.get(n.id)!;
    return steps[steps[k]!.timeOnly ? k - 1 : k]!.records.get(n.agencyId)!;
  };
  for (const n of letters) {
    const a = writtenUnder(n);
    const at = Date.parse(n.createdAt);
    const why = `${n.step} to ${n.agencyId} at ${n.createdAt} naming ${n.targets.join('+')}`;
    expect(a.generation, why).toBe(n.generation);
    if (n.action === 'warning') {
      // Never written after the deadline it warns about, nor about a target met already.
      for (const t of n.targets) {
        expect(at, `${why}: ${t} due ${a.due[t]}`).toBeLessThanOrEqual(Date.parse(a.due[t]));
        expect(a.met[t], why).toBeNull();
      }
    } else {
      // Names only targets overdue when it was written.
      expect(n.targets.length, why).toBeGreaterThan(0);
      for (const t of n.targets) expect(overdue(a, t, at), `${why}: ${t}`).toBe(true);
    }
  }

  // Episodes as the model sees them, not as the system numbers them: an agency's episode ends
  // when a step leaves nothing of it overdue (its assignment ended, or every deadline passed is
  // met, while its clock runs; only a step that changes a record can do that, time alone only
  // makes things overdue). Within one episode the rungs climb one at a time, none twice; past an
  // edit of the ladder's rungs, they climb on (the next rung may be one the edit added or
  // removed, never one below or equal to the last).
  const rungNames = RUNG_ORDER;
  const clearAfter = (k: number, agencyId: string) => {
    const a = steps[k]!.records.get(agencyId);
    if (!a || !OPEN_STATES.includes(a.state)) return true;
    return !a.paused && TARGETS.every((t) => !overdue(a, t, steps[k]!.at));
  };
  for (const agencyId of new Set(letters.map((n) => n.agencyId))) {
    const climb = letters
      .filter((n) => n.agencyId === agencyId && n.action !== 'warning')
      .sort(
        (x, y) =>
          writtenIn.get(x.id)! - writtenIn.get(y.id)! ||
          Date.parse(x.createdAt) - Date.parse(y.createdAt),
      );
    for (let i = 1; i < climb.length; i += 1) {
      const [before, after] = [climb[i - 1]!, climb[i]!];
      const [k1, k2] = [writtenIn.get(before.id)!, writtenIn.get(after.id)!];
      let ended: number | undefined;
      for (let k = k1 + 1; k <= k2 && ended === undefined; k += 1)
        if (!steps[k]!.timeOnly && clearAfter(k, agencyId)) ended = k;
      const why = `${agencyId}: ${before.step} at ${before.createdAt}, then ${after.step} at ${after.createdAt}${
        ended === undefined
          ? ''
          : `; nothing overdue after step ${ended}: ${JSON.stringify(steps[ended]!.records.get(agencyId))}`
      }`;
      const edited = steps.slice(k1 + 1, k2 + 1).some((x) => x.ladderEdited);
      const inForce = steps[k2]!.rungs;
      if (ended !== undefined) expect(after.step, why).toBe(rungNames[0]);
      else if (edited)
        expect(rungNames.indexOf(after.step), why).toBeGreaterThan(rungNames.indexOf(before.step));
      else expect(inForce.indexOf(after.step), why).toBe(inForce.indexOf(before.step) + 1);
    }
  }

  // Everything the final schedule makes due by now has been written: nothing is left pending.
  const bundle = (await store.getCase(caseId))!;
  const calendar = new Calendar((await store.getCalendar('id'))!);
  const policy = (await store.getPolicy('default'))!;
  for (const a of bundle.assignments) {
    const ladder = bundle.ladders.find((l) => l.agencyId === a.agencyId)!;
    if (ladder.generation !== a.generation) continue;
    const plan = advance(ladderState(ladder), {
      assignment: a,
      steps: policy.ladder,
      calendar,
      now: clock.now(),
    });
    expect(plan.letters, `${a.agencyId}: left due`).toEqual([]);
  }

  // Tidy up so the next sequence starts on the default calendar and policy.
  for (const date of holidays) await current.service.deleteCalendarDay(centralAdmin, 'id', date);
  await current.service
    .closeCase(centralOfficer, caseId, { outcome: 'withdrawn' })
    .catch(() => undefined);
  const {
    id: _i,
    version: _v,
    updatedAt: _u,
    ...body
  } = await current.service.getPolicy('default');
  if (body.acknowledgeWorkingDays !== 3 || body.ladder.some((x) => x.name === EXTRA_RUNG))
    await current.service.putPolicy(centralAdmin, 'default', {
      ...body,
      acknowledgeWorkingDays: 3,
      ladder: body.ladder.filter((x) => x.name !== EXTRA_RUNG),
    });
  await passTime(new Date(clock.now().getTime() + 2 * DAY));
  return clock.now().getTime() - start;
}

/**
 * Besides the random ones, always these (each forwarded on a Monday at 10.00 WIB, the first on
 * 5 January): a reminder that came late, acknowledged the morning after reminder I and the
 * follow-up then missed before the old episode's reminder II; and the sequences that once
 * stalled a ladder (a step key written a second time, refused by the store, every Tick after
 * failing), a rung inserted after reminder II was written, and a deadline warned about, moved
 * by a holiday, moved back.
 */
const EXAMPLES: [AgencyId[], Generated[]][] = [
  [
    ['polri', 'pln'],
    [
      { kind: 'pass', hours: 60 },
      { kind: 'pass', hours: 40 },
      { kind: 'acknowledge', agency: 0 },
      { kind: 'pass', hours: 60 },
      { kind: 'pass', hours: 40 },
    ],
  ],
  [
    ['polri', 'pln'],
    [
      ...[60, 60, 60, 60, 24].map((hours) => ({ kind: 'pass' as const, hours })),
      { kind: 'ladder', edit: 'insert' },
    ],
  ],
  [
    ['polri', 'pemprov-bali'],
    [{ kind: 'pass', hours: 40 }, { kind: 'holiday', inDays: 2 }, { kind: 'unholiday' }],
  ],
];
const isExample = (commands: readonly Generated[]) =>
  EXAMPLES.some(([, example]) => JSON.stringify(example) === JSON.stringify(commands));

/** The seed of the random sequences (fixed: what they reach is asserted below). */
const SEED = 20_261_202;

describe('the ladder against a model of what happened', () => {
  it('writes each rung at most once per episode, only true letters, and everything due', async ({
    annotate,
  }) => {
    const reach: Reach = new Map(); // over the random sequences (not the fixed examples)
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...AGENCIES], { minLength: 2, maxLength: 2 }),
        fc.array(command, { minLength: 3, maxLength: 10 }),
        async (agencies, commands) => {
          await run(agencies, commands, isExample(commands) ? new Map() : reach);
        },
      ),
      {
        numRuns: 14,
        examples: EXAMPLES,
        // A sequence takes seconds: report the first counterexample as found; shrink it on
        // demand (MODEL_SHRINK=1, with MODEL_SEED and MODEL_PATH from the report).
        endOnFailure: process.env.MODEL_SHRINK !== '1',
        seed: process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : SEED,
        ...(process.env.MODEL_PATH ? { path: process.env.MODEL_PATH } : {}),
      },
    );
    const counts = Object.fromEntries([...reach].sort(([a], [b]) => a.localeCompare(b)));
    await annotate(`commands taken and refused: ${JSON.stringify(counts)}`);
    // The sequences reached what the header says they exercise.
    for (const what of ['approve mid-episode', 'pause then resume', 'holiday'])
      expect(reach.get(what) ?? 0, `${what}, in ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    // And the domain refused nothing the model did not expect (a refusal is not a pass).
    const refusals = [...reach.keys()].filter((k) => k.includes(' refused: '));
    expect(
      refusals.filter((k) => !EXPECTED_REFUSALS.has(k.split(' refused: ')[1]!)),
      JSON.stringify(counts),
    ).toEqual([]);
  }, 180_000); // 9 to 50 s depending on the machine
});
