import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar.ts';
import type { NotificationRecord } from '../notification.ts';
import type { AssignmentRecord } from '../assignment.ts';
import { DEFAULT_LADDER } from '../policy.ts';
import type { Episode } from './rules.ts';
import type { Agency } from '../schemas.ts';
import {
  heldForLetterHours,
  letterAddressedNow,
  letterAsItHolds,
  letterVoidReason,
  nextLetterHour,
  queuedAt,
} from './outbox.ts';

// 2026-04-06 is a Monday; 2026-04-03 (Good Friday) a national holiday.
const calendar = new Calendar({
  id: 'id',
  years: [2026],
  days: [{ date: '2026-04-03', kind: 'national_holiday', name: 'Wafat Yesus Kristus' }],
});
const at = (iso: string) => nextLetterHour(calendar, 'Asia/Jakarta', new Date(iso)).toISOString();

describe('letter hours: 08:00 to 16:00 local time, on working days', () => {
  it('holds a midnight step’s letter until 08:00 the same working day', () => {
    expect(at('2026-04-06T17:00:00.000Z')).toBe('2026-04-07T01:00:00.000Z'); // Tue 00:00 → 08:00 WIB
  });

  it('sends at once within letter hours, until 16:00', () => {
    expect(at('2026-04-07T03:00:00.000Z')).toBe('2026-04-07T03:00:00.000Z'); // Tue 10:00 WIB
    expect(at('2026-04-07T08:59:59.999Z')).toBe('2026-04-07T08:59:59.999Z'); // 15:59:59.999
    expect(at('2026-04-07T09:00:00.000Z')).toBe('2026-04-08T01:00:00.000Z'); // 16:00 → Wed 08:00
  });

  it('passes over weekends and holidays', () => {
    // Thursday 2 April, 20:00 WIB: Friday is Good Friday, then the weekend: Monday 08:00.
    expect(at('2026-04-02T13:00:00.000Z')).toBe('2026-04-06T01:00:00.000Z');
  });

  it('in the agency’s own time zone', () => {
    // Monday 00:00 WIT (Jayapura, UTC+9) is Sunday 15:00 UTC: 08:00 WIT is 23:00 UTC.
    expect(
      nextLetterHour(calendar, 'Asia/Jayapura', new Date('2026-04-05T15:00:00.000Z')).toISOString(),
    ).toBe('2026-04-05T23:00:00.000Z');
  });

  it('holds a letter by its first attempt’s not-before, and measures the outbox from it', () => {
    const letter = {
      createdAt: '2026-04-06T17:00:00.000Z',
      attempts: 0,
      nextAttemptAt: null,
    } as unknown as NotificationRecord;
    const held = heldForLetterHours(letter, calendar, 'Asia/Jakarta', new Date(letter.createdAt));
    expect(held.nextAttemptAt).toBe('2026-04-07T01:00:00.000Z');
    // Waiting for 08:00 is not an age the outbox alarm should count.
    expect(new Date(queuedAt(held)).toISOString()).toBe('2026-04-07T01:00:00.000Z');
    const inHours = new Date('2026-04-07T03:00:00.000Z');
    expect(heldForLetterHours(letter, calendar, 'Asia/Jakarta', inHours)).toBe(letter);
  });
});

describe('a letter still true when its time to go comes', () => {
  const now = new Date('2026-04-07T01:05:00.000Z');
  const assignment = {
    generation: 1,
    state: 'acknowledged',
    paused: false,
    met: { acknowledge: '2026-04-01T03:00:00.000Z', followUp: null, resolution: null },
    due: {
      acknowledge: '2026-03-26T16:59:59.999Z',
      followUp: '2026-04-06T16:59:59.999Z', // overdue by now
      resolution: '2026-04-20T16:59:59.999Z',
    },
  } as unknown as AssignmentRecord;
  // As written today: naming each target's deadline when written (`named`).
  const letter = (action: string, targets: (keyof typeof assignment.due)[]) =>
    ({
      generation: 1,
      action,
      targets,
      named: Object.fromEntries(targets.map((t) => [t, assignment.due[t]])),
    }) as unknown as NotificationRecord;

  it('holds while a target it names is still open and, for a rung, overdue', () => {
    expect(letterVoidReason(letter('reminder', ['followUp']), assignment, now)).toBeNull();
    expect(letterVoidReason(letter('warning', ['resolution']), assignment, now)).toBeNull();
    expect(letterVoidReason(letter('forwarding', []), assignment, now)).toBeNull();
  });

  it('names why it no longer holds', () => {
    expect(letterVoidReason(letter('reminder', ['acknowledge']), assignment, now)).toBe(
      'targets_met',
    );
    expect(letterVoidReason(letter('reminder', ['resolution']), assignment, now)).toBe(
      'not_overdue', // an extension moved it past now
    );
    expect(letterVoidReason(letter('warning', ['followUp']), assignment, now)).toBe(
      'deadline_passed',
    );
    expect(
      letterVoidReason(letter('reminder', ['followUp']), { ...assignment, paused: true }, now),
    ).toBe('paused');
    // Paused, and then the target it is about was met: not a letter to send (the sweep sends a
    // merely paused one, so the met target must be named first).
    expect(
      letterVoidReason(letter('reminder', ['acknowledge']), { ...assignment, paused: true }, now),
    ).toBe('targets_met');
    expect(
      letterVoidReason(
        letter('reminder', ['followUp']),
        { ...assignment, state: 'completed' },
        now,
      ),
    ).toBe('ended');
    expect(letterVoidReason(letter('forwarding', []), { ...assignment, generation: 2 }, now)).toBe(
      'ended',
    );
    expect(letterVoidReason(letter('reminder', ['followUp']), undefined, now)).toBe('ended');
  });
});

describe('a held letter whose deadline moved before it goes (audit s23, finding 1)', () => {
  // Friday 17 April 2026, 08:05 WIB: letters written at 00:00 go now.
  const now = new Date('2026-04-17T01:05:00.000Z');
  const written = {
    acknowledge: '2026-04-09T16:59:59.999Z', // Thursday 9 April
    followUp: '2026-04-13T16:59:59.999Z', // Monday 13 April
    resolution: '2026-04-24T16:59:59.999Z',
  };
  // Central approved 3 more working days at 07:30: due 14, 16 and 29 April.
  const moved = {
    acknowledge: '2026-04-14T16:59:59.999Z',
    followUp: '2026-04-16T16:59:59.999Z',
    resolution: '2026-04-29T16:59:59.999Z',
  };
  const assignment = (due: Record<string, string>) =>
    ({
      generation: 1,
      state: 'pending',
      paused: false,
      timeZone: 'Asia/Jakarta',
      met: { acknowledge: null, followUp: null, resolution: null },
      due,
    }) as unknown as AssignmentRecord;
  const ACK = 'Konfirmasi penerimaan pengaduan';
  const FOLLOW = 'Laporan tindak lanjut awal';
  const letter = (action: string, lines: string[], named: Record<string, string> | undefined) =>
    ({
      generation: 1,
      action,
      createdAt: '2026-04-16T17:00:00.000Z', // Friday 17 April 00:00 WIB
      targets: Object.keys(named ?? written).filter((t) => t !== 'resolution'),
      target: 'acknowledge',
      ...(named ? { named } : {}),
      body: ['Yth. Polri', '', 'Sampai dengan tanggal surat ini:', ...lines, '', 'Tanggal: …'].join(
        '\n',
      ),
      document: {
        blocks: [
          { kind: 'paragraph', text: 'Sampai dengan tanggal surat ini:' },
          { kind: 'list', items: lines.map((l) => l.replace(/^- /, '')) },
        ],
      },
    }) as unknown as NotificationRecord;
  const listed = (n: NotificationRecord) =>
    n.document!.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));

  it('drops a rung’s line whose deadline moved past the letter’s own date, passed since or not (review s23)', () => {
    // Sent again by central a week on: the new deadline (Tue 21 April) has passed by now, but
    // the letter is dated 17 April: "late by 0 days" of a deadline after its date, and a second
    // reminder beside the one the new episode writes for it.
    const reminder = letter(
      'reminder',
      [`- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WIB, terlambat 6 hari kerja.`],
      { acknowledge: written.acknowledge },
    );
    const later = assignment({ ...moved, acknowledge: '2026-04-21T16:59:59.999Z' });
    const weekOn = new Date('2026-04-23T01:05:00.000Z');
    expect(letterVoidReason(reminder, later, weekOn)).toBe('not_overdue');
    expect(letterAsItHolds(reminder, later, weekOn, calendar).body).not.toContain(
      'terlambat 0 hari kerja',
    );
  });

  it('re-states a rung’s line with the deadline in force and the lateness to the day it is read', () => {
    const reminder = letter(
      'reminder',
      [
        `- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WIB, terlambat 6 hari kerja.`,
        `- ${FOLLOW}: batas waktu 13 April 2026 pukul 23.59 WIB, terlambat 4 hari kerja.`,
      ],
      { acknowledge: written.acknowledge, followUp: written.followUp },
    );
    const a = assignment(moved);
    expect(letterVoidReason(reminder, a, now)).toBeNull();
    const going = letterAsItHolds(reminder, a, now, calendar);
    const restated = [
      `- ${ACK}: batas waktu 14 April 2026 pukul 23.59 WIB, terlambat 3 hari kerja.`,
      `- ${FOLLOW}: batas waktu 16 April 2026 pukul 23.59 WIB, terlambat 1 hari kerja.`,
    ];
    expect(going.body.split('\n').filter((l) => l.startsWith('- '))).toEqual(restated);
    expect(going.body).not.toContain('9 April');
    expect(listed(going)).toEqual(restated.map((l) => l.slice(2)));
    expect(going.named).toEqual({ acknowledge: moved.acknowledge, followUp: moved.followUp });
    expect(going.targets).toEqual(['acknowledge', 'followUp']);
  });

  it('drops a rung’s moved line no longer overdue, and keeps one that did not move', () => {
    const reminder = letter(
      'reminder',
      [
        `- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WIB, terlambat 6 hari kerja.`,
        `- ${FOLLOW}: batas waktu 13 April 2026 pukul 23.59 WIB, terlambat 4 hari kerja.`,
      ],
      { acknowledge: written.acknowledge, followUp: written.followUp },
    );
    // Only the follow-up moved, past now.
    const a = assignment({ ...written, followUp: '2026-04-20T16:59:59.999Z' });
    const going = letterAsItHolds(reminder, a, now, calendar);
    expect(going.targets).toEqual(['acknowledge']);
    expect(going.body).toContain(`- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WIB, terlambat 6`);
    expect(going.body).not.toContain(FOLLOW);
  });

  it('drops a warning’s moved line, and cancels a warning none of whose deadlines stands', () => {
    const now = new Date('2026-04-10T01:05:00.000Z'); // Friday 10 April 08:05 WIB
    const due = {
      acknowledge: '2026-04-13T16:59:59.999Z',
      followUp: '2026-04-13T16:59:59.999Z',
      resolution: written.resolution,
    };
    const warning = letter(
      'warning',
      [
        `- ${ACK}: batas waktu 13 April 2026 pukul 23.59 WIB.`,
        `- ${FOLLOW}: batas waktu 13 April 2026 pukul 23.59 WIB.`,
      ],
      { acknowledge: due.acknowledge, followUp: due.followUp },
    );
    // Everything moved to 20 April: nothing the warning says is in force.
    const allMoved = assignment({
      acknowledge: '2026-04-20T16:59:59.999Z',
      followUp: '2026-04-20T16:59:59.999Z',
      resolution: moved.resolution,
    });
    expect(letterVoidReason(warning, allMoved, now)).toBe('deadline_moved');
    expect(letterVoidReason(warning, { ...allMoved, paused: true }, now)).toBe('deadline_moved');
    // Only the follow-up moved: the acknowledgement's line goes alone.
    const oneMoved = assignment({ ...due, followUp: '2026-04-20T16:59:59.999Z' });
    expect(letterVoidReason(warning, oneMoved, now)).toBeNull();
    const going = letterAsItHolds(warning, oneMoved, now, calendar);
    expect(going.targets).toEqual(['acknowledge']);
    expect(going.body).not.toContain(FOLLOW);
    expect(listed(going)).toEqual([`${ACK}: batas waktu 13 April 2026 pukul 23.59 WIB.`]);
    // A letter written before letters recorded their deadlines (e648201): as its lines read.
    const older = letter(
      'warning',
      [
        `- ${ACK}: batas waktu 13 April 2026 pukul 23.59 WIB.`,
        `- ${FOLLOW}: batas waktu 13 April 2026 pukul 23.59 WIB.`,
      ],
      undefined,
    );
    expect(letterVoidReason(older, allMoved, now)).toBe('deadline_moved');
    expect(letterVoidReason(older, oneMoved, now)).toBeNull();
    expect(letterAsItHolds(older, oneMoved, now, calendar).targets).toEqual(['acknowledge']);
    expect(letterAsItHolds(older, assignment(due), now, calendar)).toBe(older);
  });

  it('sends a rung of the episode still open whose deadline the zone corrected put after its date', () => {
    // Written at Friday 00:00 WITA for Thursday 9 April 23:59 WITA; the agency's zone then
    // corrected to WIB: the same Thursday ends at 23:59 WIB, after the letter's date. Its
    // episode runs on (overdue in either zone when corrected): no new one writes the rung
    // again, so it goes, re-stated; a letter of an episode that ended is dropped as before.
    const reminder = {
      ...letter(
        'reminder',
        [`- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WITA, terlambat 0 hari kerja.`],
        { acknowledge: '2026-04-09T15:59:59.999Z' },
      ),
      createdAt: '2026-04-09T16:00:00.000Z',
      episode: 2,
    };
    const a = assignment(written);
    const friday = new Date('2026-04-10T01:05:00.000Z');
    /** Episode `n` of the ladder, at its first rung: the one the reminder is of. */
    const episode = (n: number): Episode => ({
      n,
      startedAt: '2026-04-09T16:00:00.000Z',
      missedAt: written.acknowledge,
      level: 1,
      written: ['reminder_1'],
      baseAt: written.acknowledge,
      parkedAt: null,
    });
    expect(letterVoidReason(reminder, a, friday, episode(2))).toBeNull();
    const going = letterAsItHolds(reminder, a, friday, calendar, episode(2));
    expect(going.body).toContain(`- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WIB, terlambat`);
    expect(going.named).toEqual({ acknowledge: written.acknowledge });
    for (const other of [episode(3), null, undefined])
      expect(letterVoidReason(reminder, a, friday, other)).toBe('not_overdue');
  });

  it('sends a warning whose deadline is the same day in the agency’s corrected zone, re-stated', () => {
    // Written at Wednesday 00:00 WITA for Thursday 9 April 23:59 WITA; corrected to WIB: the
    // ladder counts that Thursday warned about (`inZone`), so this warning is its warning.
    const warning = letter('warning', [`- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WITA.`], {
      acknowledge: '2026-04-09T15:59:59.999Z',
    });
    const a = assignment(written);
    const wednesday = new Date('2026-04-08T01:05:00.000Z');
    expect(letterVoidReason(warning, a, wednesday)).toBeNull();
    const going = letterAsItHolds(warning, a, wednesday, calendar);
    expect(going.body).toContain(`- ${ACK}: batas waktu 9 April 2026 pukul 23.59 WIB.`);
    expect(going.named).toEqual({ acknowledge: written.acknowledge });
    // Another day in the corrected zone is another deadline: the ladder warns of it itself.
    const later = assignment({ ...written, acknowledge: '2026-04-10T16:59:59.999Z' });
    expect(letterVoidReason(warning, later, wednesday)).toBe('deadline_moved');
  });
});

describe('a letter that waited goes to its parties as they are now (audit s23, finding 2)', () => {
  const agency = (id: string, contacts: [string, 'liaison' | 'head'][], focalPointId?: string) =>
    ({
      id,
      name: `Agency ${id}`,
      ...(focalPointId ? { focalPointId } : {}),
      contacts: contacts.map(([email, kind]) => ({ name: email, email, kind })),
    }) as unknown as Agency;
  const formal = DEFAULT_LADDER.find((s) => s.name === 'formal_warning')!;
  const written = {
    id: 'n1',
    action: 'formal_warning',
    step: 'formal_warning',
    status: 'pending',
    recipients: ['umum@unit'],
    cc: ['kepala@unit', 'humas@fp-a'],
    attempts: 0,
    lastError: null,
    nextAttemptAt: '2026-04-07T01:00:00.000Z',
  } as unknown as NotificationRecord;
  const unit = agency(
    'unit',
    [
      ['umum@unit', 'liaison'],
      ['kepala@unit', 'head'],
    ],
    'fp-a',
  );
  const fpA = agency('fp-a', [['humas@fp-a', 'liaison']]);
  const fpB = agency('fp-b', [['humas@fp-b', 'liaison']]);

  it('is the letter itself while its addresses are unchanged', () => {
    expect(
      letterAddressedNow(written, formal, { agency: unit, focalPoint: fpA, central: undefined }),
    ).toBe(written);
  });

  it('copies the focal point the unit moved to, and not a contact removed', () => {
    const moved = { ...unit, focalPointId: 'fp-b' } as Agency;
    expect(
      letterAddressedNow(written, formal, { agency: moved, focalPoint: fpB, central: undefined }),
    ).toMatchObject({
      status: 'pending',
      recipients: ['umum@unit'],
      cc: ['kepala@unit', 'humas@fp-b'],
    });
    const headless = agency('unit', [['umum@unit', 'liaison']], 'fp-a');
    expect(
      letterAddressedNow(written, formal, {
        agency: headless,
        focalPoint: fpA,
        central: undefined,
      }),
    ).toMatchObject({ recipients: ['umum@unit'], cc: ['humas@fp-a'] });
  });

  it('goes to the liaisons as they are when a forwarding letter, or its step was dropped', () => {
    const liaisons = agency('unit', [['humas@unit', 'liaison']]);
    const parties = { agency: liaisons, focalPoint: undefined, central: undefined };
    const forwarding = {
      ...written,
      action: 'forwarding',
      step: 'forwarding',
    } as NotificationRecord;
    expect(letterAddressedNow(forwarding, undefined, parties)).toMatchObject({
      recipients: ['humas@unit'],
      cc: [],
    });
    expect(letterAddressedNow(written, undefined, parties)).toMatchObject({
      recipients: ['humas@unit'],
      cc: [],
    });
  });

  it('is failed, saying what is missing, when no one is left to address it to', () => {
    const toHead = {
      ...formal,
      recipients: ['agency_head' as const],
      cc: ['focal_point' as const],
    };
    const headless = agency('unit', [['umum@unit', 'liaison']], 'fp-a');
    const failed = letterAddressedNow(written, toHead, {
      agency: headless,
      focalPoint: fpA,
      central: undefined,
    });
    expect(failed).toMatchObject({
      status: 'failed',
      recipients: [],
      cc: ['humas@fp-a'],
      nextAttemptAt: null,
      attempts: 0,
    });
    expect(failed.lastError).toContain("Agency unit's head");
  });
});
