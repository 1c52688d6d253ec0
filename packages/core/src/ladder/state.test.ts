import { describe, expect, it } from 'vitest';
import { newAssignment } from '../assignment.ts';
import { Calendar } from '../calendar.ts';
import type { LadderRecord } from '../notification.ts';
import { DEFAULT_LADDER } from '../policy.ts';
import { INDONESIAN_HOLIDAYS } from '../seed-data.ts';
import { advance, INITIAL_LADDER_STATE } from './rules.ts';
import { ladderState, rearmLadder } from './state.ts';

const calendar = new Calendar(INDONESIAN_HOLIDAYS);
// Monday 4 May 2026, 10:00 WIB: acknowledge due Thursday 7 May, its warning at Tuesday's end.
const a = newAssignment({
  caseId: 'C1',
  agencyId: 'polri',
  instructions: null,
  forwardedAt: new Date('2026-05-04T03:00:00.000Z'),
  forwardedBy: 'o',
  timeZone: 'Asia/Jakarta',
  calendar,
  policyId: 'default',
  workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
  previous: undefined,
});
const ctx = { assignment: a, steps: DEFAULT_LADDER, calendar };
const at = (iso: string) => ({ ...ctx, now: new Date(iso) });
// Wednesday 09:00 WIB: between acknowledge's warning and its deadline.
const WEDNESDAY = '2026-05-06T02:00:00.000Z';

/** The warning the engine writes for acknowledge, looking first on Wednesday. */
const [firstWarning] = advance(INITIAL_LADDER_STATE, at(WEDNESDAY)).letters;

/** A record as b8c859d..1e6f0f2 stored it: no state; `lastStepAt` the last step's instant. */
const older = (lastStepAt: string | null, level = 0): LadderRecord => ({
  caseId: 'C1',
  agencyId: 'polri',
  generation: 1,
  token: 3,
  wakeAt: null,
  level,
  rung: level > 0 ? 'reminder' : null,
  lastStepAt,
  updatedAt: WEDNESDAY,
  version: 7,
});

describe('a ladder record written before episodes (no state), read with its context', () => {
  it('counts the warnings the older engine took by its last step as warned: none written again', () => {
    expect(firstWarning).toMatchObject({ step: 'warning', targets: ['acknowledge'] });
    const record = older(firstWarning!.scheduledAt);
    expect(ladderState(record, ctx).warned).toEqual({
      warning: { acknowledge: [a.due.acknowledge] },
    });
    expect(advance(ladderState(record, ctx), at(WEDNESDAY)).letters).toEqual([]);
    // Without its context nothing is read as warned (a look at the episode alone).
    expect(ladderState(record)).toEqual(INITIAL_LADDER_STATE);
  });

  it('leaves a warning still to come (its instant after the last step) to be written', () => {
    const before = new Date(Date.parse(firstWarning!.scheduledAt) - 1).toISOString();
    expect(ladderState(older(before), ctx).warned).toEqual({});
    expect(advance(ladderState(older(before), ctx), at(WEDNESDAY)).letters).toEqual([firstWarning]);
    expect(ladderState(older(null), ctx)).toEqual(INITIAL_LADDER_STATE);
  });

  it('reads one that had climbed as its episode, with what it warned', () => {
    // Reminder I, Friday's first minute: acknowledge's warning came before it.
    const state = ladderState(older('2026-05-07T17:00:00.000Z', 1), ctx);
    expect(state).toMatchObject({
      episodes: 1,
      episode: { n: 1, level: 1 },
      warned: { warning: { acknowledge: [a.due.acknowledge] } },
    });
  });

  it('is kept so by the sweep’s restart (no context), to be read with one by the next Tick', () => {
    const record = older(firstWarning!.scheduledAt);
    const restarted = rearmLadder(record, new Date(WEDNESDAY));
    expect(restarted).toMatchObject({ token: 4, version: 8, wakeAt: WEDNESDAY, level: 0 });
    expect(restarted.state).toBeUndefined();
    expect(advance(ladderState(restarted, ctx), at(WEDNESDAY)).letters).toEqual([]);
  });
});
