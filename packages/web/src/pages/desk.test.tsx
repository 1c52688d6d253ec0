import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { activityOf } from '../../test/fixtures';
import type { Schemas } from '../api/client';
import Desk from './desk';

/** An empty list, the API's clock and the calendar's declared years: what the other cards ask. */
const EMPTY = { items: [], nextCursor: null, now: '2026-03-30T03:00:00.000Z', years: [2026] };

/** `n` overdue assignments of an agency: acknowledgement due 2 March 2026, none met. */
const overdue = (agencyId: string, n: number, escalationLevel = 1) =>
  Array.from({ length: n }, (_, i) => ({
    caseId: `${agencyId}-${i}`,
    agencyId,
    escalationLevel,
    due: {
      acknowledge: '2026-03-02T16:59:59.999Z',
      followUp: '2026-03-16T16:59:59.999Z',
      resolution: '2026-04-27T16:59:59.999Z',
    },
    met: { acknowledge: null, followUp: null, resolution: null },
  }));

describe('the desk’s overdue-by-agency card', () => {
  it('counts every overdue assignment per agency, reading on past the first page', async () => {
    // 150 overdue: the first page of 100 holds 60 of Polri's and 40 of PLN's, the second 50 more
    // of PLN's. Counted from the first page alone, Polri would look worst.
    const calls = mockApi((call) => {
      if (call.path.startsWith('/v1/assignments?') && call.path.includes('overdue=true'))
        return call.path.includes('cursor=')
          ? json(200, { items: overdue('pln', 50, 2), nextCursor: null })
          : json(200, {
              items: [...overdue('polri', 60), ...overdue('pln', 40)],
              nextCursor: 'page-2',
            });
      return json(200, EMPTY);
    });
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Lewat tenggat per instansi/ });
    await within(card).findByText('150 penugasan lewat tenggat di 2 instansi.');
    const rows = within(card)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    // (Agencies by id here: no name directory is rendered around the page in this test.)
    expect(rows).toEqual([
      'plnmelewati tenggat 2 Mar 202690Surat pengingat II',
      'polrimelewati tenggat 2 Mar 202660Surat pengingat I',
    ]);
    expect(calls.filter((c) => c.path.includes('overdue=true'))).toHaveLength(2);
  });

  it('says per agency since when its oldest overdue assignment is late, by the API’s clock', async () => {
    // The API's clock: Monday 30 March 2026, 10:00 WIB. Polri's earliest missed deadline is its
    // follow-up of 3 March (23:59 WIT is 21:59 WIB, still the 3rd here); its acknowledgement of
    // 20 February was met, and its resolution of 20 April has not come yet. PLN's is 16 March.
    const unmet = { acknowledge: null, followUp: null, resolution: null };
    const polri = [
      {
        caseId: 'p1',
        agencyId: 'polri',
        escalationLevel: 2,
        due: {
          acknowledge: '2026-02-20T14:59:59.999Z',
          followUp: '2026-03-03T14:59:59.999Z',
          resolution: '2026-04-20T14:59:59.999Z',
        },
        met: { ...unmet, acknowledge: '2026-02-19T02:00:00.000Z' },
      },
      {
        caseId: 'p2',
        agencyId: 'polri',
        escalationLevel: 1,
        due: {
          acknowledge: '2026-03-10T14:59:59.999Z',
          followUp: '2026-03-24T14:59:59.999Z',
          resolution: '2026-05-04T14:59:59.999Z',
        },
        met: unmet,
      },
    ];
    const pln = {
      caseId: 'l1',
      agencyId: 'pln',
      escalationLevel: 1,
      due: {
        acknowledge: '2026-03-16T16:59:59.999Z',
        followUp: '2026-03-30T16:59:59.999Z',
        resolution: '2026-04-27T16:59:59.999Z',
      },
      met: unmet,
    };
    mockApi((call) =>
      call.path.startsWith('/v1/assignments?') && call.path.includes('overdue=true')
        ? json(200, { items: [...polri, pln], nextCursor: null })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Lewat tenggat per instansi/ });
    await within(card).findByText('melewati tenggat 3 Mar 2026');
    const rows = within(card)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    // Sorted as before: the rung, the count, the name.
    expect(rows).toEqual([
      'polrimelewati tenggat 3 Mar 20262Surat pengingat II',
      'plnmelewati tenggat 16 Mar 20261Surat pengingat I',
    ]);
  });

  it('lists the clarifications escalation proposed, with the agency and why, linked to their case', async () => {
    const calls = mockApi((call) =>
      call.path.startsWith('/v1/activities?') && call.path.includes('status=proposed')
        ? json(200, {
            items: [
              {
                id: 'a1',
                caseId: 'c1',
                caseSubject: 'Pungutan liar pembuatan SIM',
                kind: 'clarification',
                status: 'proposed',
                scheduledAt: null,
                agencyIds: ['polri'],
                participants: [],
                plan: 'Diusulkan oleh tangga eskalasi: Polri belum memenuhi 2 target.',
                heldAt: null,
                outcome: null,
                summary: null,
                overdueToReport: false,
                cancellation: null,
                createdBy: 'escalation',
                createdAt: '2026-03-27T03:00:00.000Z',
              },
            ],
            nextCursor: null,
            total: 1,
          })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Usulan klarifikasi dari eskalasi/ });
    // Named by its case's subject, the link to it.
    const link = await within(card).findByRole('link', { name: 'Pungutan liar pembuatan SIM' });
    expect(link.getAttribute('href')).toBe('/cases/c1');
    const item = link.closest('li')!;
    // When it was proposed, said so: a bare date beside "Klarifikasi" read as its schedule.
    expect(item.textContent).toContain(
      'Pungutan liar pembuatan SIM · Klarifikasi · polri · diusulkan 27 Mar 2026',
    );
    expect(item.textContent).toContain('Polri belum memenuhi 2 target.');
    // All of them, counted: not this week's calendar, where an undated proposal never shows.
    const asked = calls.find((c) => c.path.includes('status=proposed'))!.path;
    expect(asked).toContain('total=true');
    expect(asked).not.toMatch(/from=|to=/);
  });
});

describe('the desk’s extension requests', () => {
  it('says where the deadline would go if approved, in the agency’s zone', async () => {
    const request = {
      id: 'x1',
      caseId: 'c1',
      agencyId: 'pemkot-jayapura',
      workingDays: 2,
      reason: 'Menunggu hasil ukur ulang',
      status: 'pending',
      requestedAt: '2026-08-10T03:00:00.000Z',
      decidedAt: null,
      note: null,
      subject: 'Sertifikat tanah belum terbit',
      agencyName: 'Pemkot Jayapura',
      deadline: { target: 'acknowledge', dueAt: '2026-08-13T14:59:59.999Z', overdue: false },
      // Friday 14th and Tuesday 18th (Monday 17th a holiday): 23:59 WIT.
      proposedDueAt: '2026-08-18T14:59:59.999Z',
      timeZone: 'Asia/Jayapura',
      escalationLevel: 0,
    };
    mockApi((call) =>
      call.path.startsWith('/v1/extension-requests')
        ? json(200, {
            items: [
              request,
              { ...request, id: 'x2', caseId: 'c2', deadline: null, proposedDueAt: null },
            ],
            nextCursor: null,
            total: 2,
          })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Permintaan perpanjangan menunggu keputusan/ });
    const items = await within(card).findAllByRole('listitem');
    expect(items[0]!.textContent).toContain(
      'Jika disetujui: tenggat menjadi 18 Agu 2026, 23.59 WIT',
    );
    // Paused: no deadline runs, none to say.
    expect(items[1]!.textContent).not.toContain('Jika disetujui');
  });
});

describe('the desk’s cases waiting for central', () => {
  it('lists a case verified but not forwarded, with the day to forward it by and overdue when past', async () => {
    const verified = {
      id: 'c-verified',
      subject: 'Jalan desa rusak',
      status: 'verified',
      verificationDueAt: '2026-03-26T16:59:59.999Z',
      overdue: true,
    };
    const calls = mockApi((call) =>
      call.path.startsWith('/v1/cases?') && call.path.includes('status=verified')
        ? json(200, { items: [verified], nextCursor: null, total: 1 })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Sudah diverifikasi, belum diteruskan/ });
    const link = await within(card).findByRole('link', { name: 'Jalan desa rusak' });
    const row = link.closest('li')!;
    expect(row.textContent).toContain('teruskan paling lambat');
    expect(row.textContent).toContain('26 Mar 2026');
    expect(row.textContent).toContain('Lewat tenggat');
    expect(calls.some((c) => c.path.includes('status=verified'))).toBe(true);
  });
});

describe('the desk’s cases to verify and to forward, soonest deadline first', () => {
  it.each([
    ['received', /Pengaduan baru untuk diverifikasi/],
    ['verified', /Sudah diverifikasi, belum diteruskan/],
  ])(
    'asks for the %s cases oldest first (their deadline runs from receipt), the next page too',
    async (status, name) => {
      const item = (n: number) => ({
        id: `c-${n}`,
        subject: `Pengaduan ${n}`,
        status,
        verificationDueAt: '2026-03-26T16:59:59.999Z',
        overdue: n === 1,
      });
      const calls = mockApi((call) =>
        call.path.startsWith('/v1/cases?') && call.path.includes(`status=${status}`)
          ? call.path.includes('cursor=')
            ? json(200, { items: [item(2)], nextCursor: null })
            : json(200, { items: [item(1)], nextCursor: 'next', total: 2 })
          : json(200, EMPTY),
      );
      renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
      const card = screen.getByRole('region', { name });
      // The oldest, past its deadline, is on the first screen.
      const first = await within(card).findByRole('link', { name: 'Pengaduan 1' });
      expect(first.closest('li')!.textContent).toContain('Lewat tenggat');
      await userEvent.click(within(card).getByRole('button', { name: 'Muat lebih banyak' }));
      await within(card).findByRole('link', { name: 'Pengaduan 2' });
      const asked = calls.filter((c) => c.path.includes(`status=${status}`)).map((c) => c.path);
      expect(asked).toHaveLength(2);
      for (const path of asked) expect(path).toContain('order=oldest');
      expect(asked[1]).toContain('cursor=next');
    },
  );
});

describe('the desk’s cases to verify: how each came, and from whom', () => {
  it('names the channel, an e-mail’s sender unless the identity is hidden, and marks bulk mail', async () => {
    const base = {
      status: 'received',
      verificationDueAt: '2026-03-26T16:59:59.999Z',
      overdue: false,
      identityHidden: false,
      confidential: false,
      bulkMail: false,
    };
    const sender = { name: 'Siti Aminah', email: 'siti@warga.example.id' };
    const items = [
      { ...base, id: 'c-mail', subject: 'Jalan rusak', channel: 'email', complainant: sender },
      {
        ...base,
        id: 'c-bare',
        subject: 'Tanpa nama',
        channel: 'email',
        // No display name: the intake names the complainant by their address.
        complainant: { name: 'budi@contoh.example.id', email: 'budi@contoh.example.id' },
      },
      {
        ...base,
        id: 'c-form',
        subject: 'Lewat formulir',
        channel: 'web',
        complainant: { name: 'Rina', email: 'rina@contoh.example.id' },
      },
      {
        ...base,
        id: 'c-hidden',
        subject: 'Identitas dirahasiakan',
        channel: 'email',
        identityHidden: true,
        complainant: sender,
      },
      {
        ...base,
        id: 'c-confidential',
        subject: 'Laporan rahasia',
        channel: 'email',
        confidential: true,
        complainant: sender,
      },
      {
        ...base,
        id: 'c-bulk',
        subject: 'Kabar pekan ini',
        channel: 'email',
        bulkMail: true,
        complainant: { name: 'Buletin Kota', email: 'kabar@buletin.example.id' },
      },
    ];
    // Five a page: the desk shows five before "Lihat semua"; the sixth is read on.
    mockApi((call) =>
      call.path.startsWith('/v1/cases?') && call.path.includes('status=received')
        ? call.path.includes('cursor=')
          ? json(200, { items: items.slice(5), nextCursor: null })
          : json(200, { items: items.slice(0, 5), nextCursor: 'next', total: items.length })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Pengaduan baru untuk diverifikasi/ });
    const row = async (subject: string) =>
      (await within(card).findByRole('link', { name: subject })).closest('li')!.textContent ?? '';
    const mail = await row('Jalan rusak');
    expect(mail).toContain('Surel');
    expect(mail).toContain('Siti Aminah');
    expect(await row('Tanpa nama')).toContain('budi@contoh.example.id');
    // Another channel's complainant is the form's to show: the channel alone here.
    const form = await row('Lewat formulir');
    expect(form).toContain('Formulir daring');
    expect(form).not.toContain('Rina');
    for (const subject of ['Identitas dirahasiakan', 'Laporan rahasia']) {
      const hidden = await row(subject);
      expect(hidden, subject).toContain('Surel');
      expect(hidden, subject).not.toContain('Siti');
      expect(hidden, subject).not.toContain('siti@');
    }
    await userEvent.click(within(card).getByRole('button', { name: 'Muat lebih banyak' }));
    const bulk = await row('Kabar pekan ini');
    expect(bulk).toContain('Surel massal (milis/buletin): kemungkinan bukan pengaduan');
    expect(mail).not.toContain('Surel massal');
  });
});

describe('the desk’s cases waiting for the complainant', () => {
  it('keeps a case asked for what is missing in sight, with when it was asked', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/cases?') && call.path.includes('status=needs_info')
        ? json(200, {
            items: [
              {
                id: 'c-waiting',
                subject: 'Sertifikat belum terbit',
                status: 'needs_info',
                verificationDueAt: '2026-03-19T16:59:59.999Z',
                infoRequest: { missing: 'Fotokopi KTP', requestedAt: '2026-03-17T03:00:00.000Z' },
                updatedAt: '2026-03-17T03:00:00.000Z',
                overdue: false,
              },
            ],
            nextCursor: null,
            total: 1,
          })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Menunggu kelengkapan dari pengadu/ });
    const link = await within(card).findByRole('link', { name: 'Sertifikat belum terbit' });
    const row = link.closest('li')!;
    expect(row.textContent).toContain('diminta');
    expect(row.textContent).toContain('17 Mar 2026');
    expect(row.textContent).not.toContain('Lewat tenggat');
    expect(row.textContent).not.toContain('pengadu membalas');
  });

  it('says when the complainant’s e-mail answered it', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/cases?') && call.path.includes('status=needs_info')
        ? json(200, {
            items: [
              {
                id: 'c-answered',
                subject: 'Jalan rusak',
                status: 'needs_info',
                verificationDueAt: '2026-03-19T16:59:59.999Z',
                infoRequest: {
                  missing: 'Fotokopi KTP',
                  requestedAt: '2026-03-17T03:00:00.000Z',
                  answeredAt: '2026-03-25T03:00:00.000Z',
                },
                updatedAt: '2026-03-25T03:00:00.000Z',
                overdue: false,
              },
            ],
            nextCursor: null,
            total: 1,
          })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Menunggu kelengkapan dari pengadu/ });
    const link = await within(card).findByRole('link', { name: 'Jalan rusak' });
    expect(link.closest('li')!.textContent).toContain('pengadu membalas 25 Mar 2026');
  });
});

describe('the desk’s monitoring activities', () => {
  /** An activity as the API lists it. */
  const activity = (id: string, over: Partial<Schemas['Activity']>) =>
    activityOf({
      id,
      caseId: `case-${id}`,
      caseSubject: `Perihal ${id}`,
      createdAt: '2026-03-02T03:00:00.000Z',
      ...over,
    });
  // The API's clock: Monday 30 March 2026, 10:00 WIB.
  const all = [
    activity('undated', { agencyIds: ['polri'] }),
    activity('last-friday', { scheduledAt: '2026-03-27T02:00:00.000Z', overdueToReport: true }),
    activity('wednesday', { kind: 'mediation', scheduledAt: '2026-04-01T02:00:00.000Z' }),
    activity('reported', {
      status: 'done',
      scheduledAt: '2026-03-25T02:00:00.000Z',
      heldAt: '2026-03-25T02:00:00.000Z',
    }),
    activity('called-off', {
      status: 'cancelled',
      scheduledAt: '2026-03-31T02:00:00.000Z',
      cancellation: { reason: 'Sudah ditanggapi', at: '2026-03-28T02:00:00.000Z' },
    }),
    activity('proposed', { status: 'proposed' }),
  ];
  /** `GET /v1/activities` as the store answers it: by status, and by time (undated: '0000'). */
  const listed = (path: string) => {
    const q = new URL(path, 'http://x').searchParams;
    const [status, from, to] = [q.get('status'), q.get('from'), q.get('to')];
    const key = (a: (typeof all)[number]) => a.scheduledAt ?? '0000';
    return all
      .filter((a) => !status || a.status === status)
      .filter(
        (a) =>
          !(from || to) ||
          (key(a) >= (from ? new Date(from).toISOString() : '0000') &&
            key(a) <= `${to ? new Date(to).toISOString() : '9999'}~`),
      )
      .sort((a, b) => key(a).localeCompare(key(b)));
  };

  it('keeps every activity still to report: planned without a date, and held last week', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/activities?')
        ? json(200, { items: listed(call.path), nextCursor: null, total: listed(call.path).length })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Kegiatan pemantauan/ });
    await within(card).findByRole('link', { name: 'Perihal wednesday' });
    const rows = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // Undated first, then by their time: each stays until it is reported or cancelled.
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Perihal undated · Klarifikasi Direncanakan belum dijadwalkan');
    expect(rows[0]).toContain(' · dengan polri');
    expect(rows[1]).toContain('Perihal last-friday · Klarifikasi Direncanakan 27 Mar 2026');
    expect(rows[1]).toContain('Belum dilaporkan');
    expect(rows[2]).toContain('Perihal wednesday · Mediasi');
    expect(rows[2]).not.toContain('Belum dilaporkan');
  });
});
