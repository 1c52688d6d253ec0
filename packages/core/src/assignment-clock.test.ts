/** Ended pauses counted again on a calendar: each by the rule it was counted under when it ended. */
import { describe, expect, it } from 'vitest';
import { entriesOn, type ClockEntry } from './assignment-clock.ts';
import { Calendar } from './calendar.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';

const calendar = new Calendar(INDONESIAN_HOLIDAYS);

/** A pause of the acknowledgement from Monday 09:00 to Tuesday 08:00 WIB, 2 February 2026. */
const pause = (over: Partial<ClockEntry>): ClockEntry => ({
  caseId: 'C1',
  agencyId: 'pln',
  generation: 1,
  id: '01KZ0000000000000000000000',
  kind: 'pause',
  workingDays: 1,
  targets: ['acknowledge'],
  at: '2026-02-03T01:00:00.000Z',
  reason: 'Menunggu pengadu',
  pause: { from: '2026-02-02T02:00:00.000Z', to: '2026-02-03T01:00:00.000Z', by: 'u' },
  ...over,
});

describe('an ended pause counted again on the calendar', () => {
  it('keeps the days of one that ended before pauses were measured in time (dates touched)', () => {
    // Stored with 1: Tuesday was touched. Counted by time it would be 0 (23 hours), and a
    // calendar edit would pull the agency's deadline a day earlier than it was told.
    expect(entriesOn([pause({})], calendar, 'Asia/Jakarta')[0]!.workingDays).toBe(1);
  });

  it('counts one measured in time by time', () => {
    expect(
      entriesOn([pause({ workingDays: 0, measure: 'time' })], calendar, 'Asia/Jakarta')[0]!
        .workingDays,
    ).toBe(0);
  });
});
