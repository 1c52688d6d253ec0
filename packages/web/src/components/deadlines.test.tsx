import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { json, mockApi, renderWith } from '../../test/render';
import { DeadlinesPanel, DeadlinesView } from './deadlines';

const NOW = new Date('2026-03-25T03:00:00Z');

/** Jayapura (WIT): acknowledgement met late, follow-up overdue, resolution due soon. */
const deadlines: Schemas['Deadlines'] = {
  caseId: '01CASE',
  agencyId: 'pemkot-jayapura',
  generation: 1,
  forwardedAt: '2026-03-16T01:00:00.000Z',
  timeZone: 'Asia/Jayapura',
  timeZoneLabel: 'WIT',
  calendarId: 'id',
  policyId: 'default',
  targets: [
    {
      target: 'acknowledge',
      workingDays: 3,
      policyWorkingDays: 3,
      adjustments: [],
      countedFrom: '2026-03-16T01:00:00.000Z',
      lastWorkingDay: '2026-03-23',
      due: '2026-03-23T14:59:59.999Z',
      met: '2026-03-24T02:00:00.000Z',
      overdue: false,
      workingDaysLeft: null,
      workingDaysLate: null,
      skipped: [
        { date: '2026-03-19', kind: 'national_holiday', name: 'Hari Suci Nyepi' },
        { date: '2026-03-20', kind: 'collective_leave', name: 'Cuti bersama Idulfitri' },
      ],
      uncoveredYears: [],
      pausedIntervals: [],
    },
    {
      target: 'followUp',
      workingDays: 8,
      policyWorkingDays: 5,
      adjustments: [
        {
          kind: 'extension',
          workingDays: 3,
          at: '2026-03-18T02:00:00.000Z',
          reason: 'Data lapangan',
        },
      ],
      countedFrom: '2026-03-16T01:00:00.000Z',
      lastWorkingDay: '2026-03-24',
      due: '2026-03-24T14:59:59.999Z',
      met: null,
      overdue: true,
      workingDaysLeft: null,
      workingDaysLate: 1,
      skipped: [],
      uncoveredYears: [],
      pausedIntervals: [],
    },
    {
      target: 'resolution',
      workingDays: 10,
      policyWorkingDays: 10,
      adjustments: [],
      countedFrom: '2026-03-16T01:00:00.000Z',
      lastWorkingDay: '2026-03-26',
      due: '2026-03-26T14:59:59.999Z',
      met: null,
      overdue: false,
      workingDaysLeft: null,
      workingDaysLate: null,
      skipped: [],
      uncoveredYears: [2027],
      pausedIntervals: [],
    },
  ],
  ladder: {
    taken: [
      {
        id: 's1',
        step: 'reminder_1',
        action: 'reminder',
        at: '2026-03-24T15:00:00.000Z',
        datedOn: null,
        targets: ['followUp'],
        level: 1,
        letter: {
          status: 'sent',
          failure: null,
          refused: null,
          sendsAt: null,
          handled: false,
          refusedAddresses: [],
          cancelled: null,
        },
      },
    ],
    toCome: [
      {
        id: 's2',
        step: 'reminder_2',
        action: 'reminder',
        at: '2026-03-31T15:00:00.000Z',
        datedOn: null,
        targets: ['followUp'],
        level: 2,
        letter: null,
      },
    ],
  },
};

const item = (label: RegExp) => screen.getByText(label).closest('li') as HTMLElement;

describe('DeadlinesView', () => {
  it('shows each target in the agency’s zone (WIT) with how it stands', () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} />);
    // 23 Mar 14:59:59Z is 23:59 in Jayapura (UTC+9).
    expect(item(/^Konfirmasi penerimaan$/).textContent).toContain('23 Mar 2026, 23.59 WIT');
    expect(within(item(/^Konfirmasi penerimaan$/)).getByText('Terlambat')).toBeTruthy();
    expect(within(item(/^Tindak lanjut$/)).getByText('Lewat tenggat')).toBeTruthy();
    expect(within(item(/^Penyelesaian$/)).getByText('Segera')).toBeTruthy();
  });

  it('says how many working days are left on a running target, as the API counts them', () => {
    // Wednesday 25 March, 12.00 WIT: the officer on a phone between field visits reads "by when"
    // and "how many working days left", not only "Berjalan" (a Monday deadline read on a
    // Friday looks as far off as one a month away). The API counts them on the agency's
    // calendar (test/integration/desk.int.test.ts), as it counts the lists' and the letters'.
    const [ack, followUp, resolution] = deadlines.targets;
    const running: Schemas['Deadlines'] = {
      ...deadlines,
      targets: [
        ack!,
        // Due today: its last working day.
        {
          ...followUp!,
          overdue: false,
          workingDaysLeft: 0,
          workingDaysLate: null,
          lastWorkingDay: '2026-03-25',
          due: '2026-03-25T14:59:59.999Z',
        },
        // Due Wednesday 1 April: Thursday, Monday, Tuesday and Wednesday; Friday a day off.
        {
          ...resolution!,
          workingDaysLeft: 4,
          lastWorkingDay: '2026-04-01',
          due: '2026-04-01T14:59:59.999Z',
          skipped: [{ date: '2026-03-27', kind: 'other', name: 'Hari libur daerah' }],
        },
      ],
    };
    renderWith(<DeadlinesView deadlines={running} zone="Asia/Jayapura" now={NOW} />);
    expect(item(/^Penyelesaian$/).textContent).toContain('tinggal 4 hari kerja lagi');
    expect(item(/^Tindak lanjut$/).textContent).toContain('hari ini hari kerja terakhir');
    // Met: no count.
    expect(item(/^Konfirmasi penerimaan$/).textContent).not.toContain('hari kerja lagi');
  });

  it('counts no days left on an overdue or paused target', () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} paused />);
    expect(screen.queryByText(/hari kerja lagi|hari kerja terakhir|terlambat/)).toBeNull();
  });

  it('says how late an overdue target is, in working days as the API counts them', () => {
    // The letters the agency receives say "terlambat 1 hari kerja"; the case page says the same.
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} />);
    expect(item(/^Tindak lanjut$/).textContent).toContain('(terlambat 1 hari kerja)');
    expect(item(/^Tindak lanjut$/).textContent).not.toContain('hari kerja lagi');
    // Met late, running, or ended: not this count.
    expect(item(/^Konfirmasi penerimaan$/).textContent).not.toContain('terlambat');
    expect(item(/^Penyelesaian$/).textContent).not.toContain('terlambat');
  });

  it('an ended assignment’s unmet target is not said to be late', () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} ended />);
    expect(screen.queryByText(/terlambat/)).toBeNull();
  });

  it('explains the computation: working days, extensions, holidays skipped by name, missing years', async () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} />);
    const [ack, followUp, resolution] = screen.getAllByText('Bagaimana dihitung');
    await userEvent.click(ack!);
    expect(screen.getByText(/Hari Suci Nyepi/).textContent).toContain('Kam, 19 Mar 2026');
    expect(screen.getByText(/Cuti bersama Idulfitri/).textContent).toContain('Cuti bersama');
    await userEvent.click(followUp!);
    expect(screen.getByText('8 hari kerja (kebijakan: 5)')).toBeTruthy();
    expect(screen.getByText(/Perpanjangan \+3 hari kerja/).textContent).toContain('Data lapangan');
    await userEvent.click(resolution!);
    expect(screen.getByText(/Kalender libur tahun 2027 belum diisi/)).toBeTruthy();
  });

  it('names each “how it was computed” by its target: tabbing from one to the next, a screen reader heard the same words three times', async () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} />);
    const user = userEvent.setup();
    const heard: string[] = [];
    for (let i = 0; i < 3; i++) {
      await user.tab();
      expect(document.activeElement?.tagName).toBe('SUMMARY');
      heard.push(document.activeElement!.textContent!);
    }
    expect(heard).toEqual([
      'Bagaimana dihitung: Konfirmasi penerimaan',
      'Bagaimana dihitung: Tindak lanjut',
      'Bagaimana dihitung: Penyelesaian',
    ]);
  });

  it('lists the ladder steps taken and to come', () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} />);
    const taken = screen.getByRole('heading', { name: 'Sudah dilakukan' }).parentElement!;
    const toCome = screen.getByRole('heading', { name: 'Akan datang' }).parentElement!;
    expect(taken.textContent).toContain('Surat pengingat I');
    expect(taken.textContent).toContain('25 Mar 2026, 00.00 WIT');
    expect(toCome.textContent).toContain('Surat pengingat II');
  });

  it('says on a step whose letter failed that it never reached the agency, and why', () => {
    const [reminder] = deadlines.ladder.taken;
    const letter = {
      failure: null,
      refused: null,
      sendsAt: null,
      handled: false,
      cancelled: null,
      refusedAddresses: [],
    };
    const failed: Schemas['Deadlines'] = {
      ...deadlines,
      ladder: {
        ...deadlines.ladder,
        taken: [
          {
            ...reminder!,
            id: 's0',
            step: 'warning',
            action: 'warning',
            letter: { ...letter, status: 'sent' },
          },
          {
            ...reminder!,
            letter: { ...letter, status: 'failed', failure: 'address_refused' },
          },
          {
            ...reminder!,
            id: 's3',
            step: 'formal_warning',
            action: 'formal_warning',
            letter: { ...letter, status: 'failed', failure: 'no_address', handled: true },
          },
          {
            ...reminder!,
            id: 's4',
            step: 'central_intervention',
            action: 'central_intervention',
            letter: {
              ...letter,
              status: 'pending',
              refused: 'address_refused',
              sendsAt: '2026-03-30T00:15:00.000Z',
            },
          },
          {
            ...reminder!,
            id: 's5',
            letter: { ...letter, status: 'pending', sendsAt: '2026-03-30T23:00:00.000Z' },
          },
        ],
      },
    };
    renderWith(<DeadlinesView deadlines={failed} zone="Asia/Jayapura" now={NOW} />);
    const taken = screen.getByRole('heading', { name: 'Sudah dilakukan' }).parentElement!;
    const steps = within(taken)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps[0]).toContain('Peringatan dini');
    expect(steps[0]).not.toContain('tidak terkirim');
    expect(steps[1]).toContain(
      'Surat tidak terkirim: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada)',
    );
    expect(steps[2]).toContain(
      'Surat tidak terkirim: penerimanya belum punya alamat surel (ditangani tanpa kirim ulang)',
    );
    // Refused and waiting for its retry: not "queued" as a letter never tried.
    expect(steps[3]).toContain(
      'Surat belum terkirim: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada); dicoba lagi 30 Mar 2026, 09.15 WIT',
    );
    expect(steps[4]).toContain('Surat belum terkirim; akan dikirim mulai 31 Mar 2026, 08.00 WIT');
  });

  it('says on a step whose letter went to central alone which of the agency’s addresses refused it, to central and to that agency', () => {
    const [reminder] = deadlines.ladder.taken;
    const intervention: Schemas['Deadlines'] = {
      ...deadlines,
      ladder: {
        ...deadlines.ladder,
        taken: [
          {
            ...reminder!,
            id: 's4',
            step: 'central_intervention',
            action: 'central_intervention',
            letter: {
              status: 'sent',
              failure: null,
              refused: null,
              sendsAt: null,
              handled: false,
              cancelled: null,
              refusedAddresses: ['humas@bulog.invalid'],
            },
          },
        ],
      },
    };
    const stepText = () =>
      screen.getByRole('heading', { name: 'Sudah dilakukan' }).parentElement!.textContent;
    for (const as of [
      { agency: 'setneg', role: 'central_officer' as const },
      { agency: 'pemkot-jayapura', role: 'agency_officer' as const },
    ]) {
      const { unmount } = renderWith(
        <DeadlinesView deadlines={intervention} zone="Asia/Jayapura" now={NOW} />,
        { as },
      );
      expect(stepText()).toContain(
        'Surat tidak sampai ke humas@bulog.invalid: alamat surelnya ditolak (alamat atau domainnya tidak ada)',
      );
      unmount();
      localStorage.clear();
    }
    // Another agency's officials' addresses are not named to a member unit reading it.
    renderWith(<DeadlinesView deadlines={intervention} zone="Asia/Jayapura" now={NOW} />, {
      as: { agency: 'distrik-abepura', role: 'agency_officer' },
    });
    expect(stepText()).toContain(
      'Surat tidak sampai ke sebagian penerimanya: alamat surelnya ditolak',
    );
    expect(stepText()).not.toContain('humas@bulog.invalid');
  });

  it('speaks English when asked, zone still named', () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} />, {
      lang: 'en',
    });
    expect(within(item(/^Follow-up$/)).getByText('Overdue')).toBeTruthy();
    expect(item(/^Acknowledgement$/).textContent).toContain('23 Mar 2026, 23:59 WIT');
  });

  it('an ended assignment shows its dates without a verdict on unmet targets', () => {
    renderWith(<DeadlinesView deadlines={deadlines} zone="Asia/Jayapura" now={NOW} ended />);
    expect(within(item(/^Tindak lanjut$/)).queryByText('Lewat tenggat')).toBeNull();
    expect(within(item(/^Konfirmasi penerimaan$/)).getByText('Terlambat')).toBeTruthy();
  });
});

const DAY = 24 * 3600 * 1000;

/** The assignment the deadlines are of (Jayapura, WIT), its clock running unless `over` says. */
const assignmentOf = (over: Partial<Schemas['Assignment']> = {}): Schemas['Assignment'] => ({
  caseId: '01CASE',
  agencyId: 'pemkot-jayapura',
  subject: 'Jalan rusak',
  state: 'acknowledged',
  instructions: null,
  forwardedAt: deadlines.forwardedAt,
  clock: { basis: 'fresh', from: deadlines.forwardedAt, inheritedFrom: null },
  timeZone: 'Asia/Jayapura',
  delegatedTo: null,
  delegatedAt: null,
  due: { acknowledge: deadlines.targets[0]!.due, followUp: '', resolution: '' },
  met: { acknowledge: deadlines.targets[0]!.met, followUp: null, resolution: null },
  acknowledgedBy: 'pemkot-jayapura',
  overdue: { acknowledge: false, followUp: false, resolution: false },
  nextDueAt: null,
  escalationLevel: 0,
  monitoring: false,
  paused: false,
  pausedSince: null,
  generation: 1,
  redirect: null,
  calendarWarnings: [],
  createdAt: deadlines.forwardedAt,
  updatedAt: deadlines.forwardedAt,
  version: 3,
  ...over,
});

/** The API: its clock `ahead` ms after the browser's, and the deadlines it computed. */
function answering(ahead: number, served: Schemas['Deadlines']) {
  mockApi((call) => {
    if (call.path === '/v1/clock')
      return json(200, { now: new Date(Date.now() + ahead).toISOString() });
    if (call.path === '/v1/cases/01CASE/assignments/pemkot-jayapura/deadlines')
      return json(200, served);
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
}

describe('DeadlinesPanel', () => {
  it('says how a target stands by the API’s clock, not a badly set PC’s', async () => {
    // The PC is two days behind the API: the resolution, four days off by the PC, is two days
    // off by the API, within the three days of "soon", as the queue says.
    const resolution = {
      ...deadlines.targets[2]!,
      due: new Date(Date.now() + 4 * DAY).toISOString(),
    };
    answering(2 * DAY, {
      ...deadlines,
      targets: [deadlines.targets[0]!, { ...deadlines.targets[1]!, overdue: false }, resolution],
    });
    renderWith(
      <DeadlinesPanel
        caseId="01CASE"
        assignment={assignmentOf()}
        zone="Asia/Jayapura"
        version={3}
      />,
    );
    await screen.findByText(/^Penyelesaian$/);
    await expect.poll(() => within(item(/^Penyelesaian$/)).queryByText('Segera')).toBeTruthy();
    expect(within(item(/^Penyelesaian$/)).queryByText('Berjalan')).toBeNull();
  });

  it('a paused clock reads paused on each open target, not running or soon', async () => {
    const pause = {
      from: '2026-03-24T01:00:00.000Z',
      to: null,
      reason: 'Menunggu data dari pengadu',
    };
    answering(0, {
      ...deadlines,
      targets: deadlines.targets.map((target) => ({
        ...target,
        overdue: false,
        workingDaysLeft: null,
        workingDaysLate: null,
        pausedIntervals: [pause],
      })),
    });
    renderWith(
      <DeadlinesPanel
        caseId="01CASE"
        assignment={assignmentOf({ paused: true, pausedSince: pause.from })}
        zone="Asia/Jayapura"
        version={3}
      />,
    );
    await screen.findByText(/^Penyelesaian$/);
    expect(within(item(/^Tindak lanjut$/)).getByText('Dihentikan sementara')).toBeTruthy();
    expect(within(item(/^Penyelesaian$/)).getByText('Dihentikan sementara')).toBeTruthy();
    // Met before the pause: still met late.
    expect(within(item(/^Konfirmasi penerimaan$/)).getByText('Terlambat')).toBeTruthy();
    expect(screen.queryByText(/^(Berjalan|Segera)$/)).toBeNull();
  });

  it('says a re-forwarded assignment counts from the first forwarding, and whose', async () => {
    answering(0, deadlines);
    const clock = {
      basis: 'inherited' as const,
      from: '2026-03-16T03:00:00.000Z',
      inheritedFrom: 'polri',
    };
    renderWith(
      <DeadlinesPanel
        caseId="01CASE"
        assignment={assignmentOf({ clock, forwardedAt: '2026-03-20T03:00:00.000Z' })}
        zone="Asia/Jayapura"
        version={3}
      />,
    );
    await screen.findByText(/^Penyelesaian$/);
    expect(
      screen.getByText(
        /^Tenggat dihitung sejak 16 Mar 2026, 12\.00 WIT, saat pengaduan ini diteruskan kepada polri, bukan sejak penerusannya kepada instansi ini \(20 Mar 2026, 12\.00 WIT\)/,
      ),
    ).toBeTruthy();
  });

  it('says nothing of the kind for an assignment counting from its own forwarding', async () => {
    answering(0, deadlines);
    renderWith(
      <DeadlinesPanel
        caseId="01CASE"
        assignment={assignmentOf()}
        zone="Asia/Jayapura"
        version={3}
      />,
    );
    await screen.findByText(/^Penyelesaian$/);
    expect(screen.queryByText(/^Tenggat dihitung sejak/)).toBeNull();
  });
});
