/** The console's pure logic: dates and zones, deadline status, sorting, timeline, form values. */
import { describe, expect, it } from 'vitest';
import type { Schemas } from './api/client';
import { forwardBody } from './components/forward-form';
import { verificationBody } from './components/verify-form';
import { deadlineStatus, nextDeadline } from './deadline';
import { dateIn, formatInstant, toInstant } from './format';
import { compact, getPath, issuesByPath, setPath } from './forms/use-form';
import { safeNext } from './pages/sign-in';
import { weekAround } from './pages/desk/activities';
import { overdueByAgency } from './pages/desk/by-agency';
import { sortStats, type AgencyStats } from './stats';
import { levelLabel, stepLabel, translator } from './i18n/i18n';
import { actorKind, describeEvent, eventText } from './timeline';
import { ForwardBody } from '@pantau/core/schemas';

describe('dates', () => {
  it('names the zone and shows its wall clock', () => {
    const at = '2026-03-30T16:59:59.999Z';
    expect(formatInstant(at, 'Asia/Jakarta', 'id')).toBe('30 Mar 2026, 23.59 WIB');
    expect(formatInstant(at, 'Asia/Makassar', 'id')).toBe('31 Mar 2026, 00.59 WITA');
    expect(formatInstant(at, 'Asia/Jayapura', 'en')).toBe('31 Mar 2026, 01:59 WIT');
    expect(dateIn(at, 'Asia/Jayapura')).toBe('2026-03-31');
  });

  it('reads a typed local time in the user’s zone', () => {
    expect(new Date(toInstant('2026-03-30T09:00', 'Asia/Makassar')).toISOString()).toBe(
      '2026-03-30T01:00:00.000Z',
    );
  });

  it('a week runs Monday to Monday in the zone', () => {
    // Sunday 22:00 WIB is still last week; in WIT (UTC+9) it is already Monday.
    const now = new Date('2026-03-29T15:00:00Z');
    expect(weekAround(now, 'Asia/Jakarta')).toEqual({
      from: '2026-03-22T17:00:00.000Z',
      to: '2026-03-29T17:00:00.000Z',
    });
    expect(weekAround(now, 'Asia/Jayapura').from).toBe('2026-03-29T15:00:00.000Z');
  });
});

describe('deadline status', () => {
  const now = new Date('2026-03-25T00:00:00Z');
  it('met, late, overdue (the API says), due soon (three days), open', () => {
    expect(deadlineStatus({ due: '2026-03-24T00:00:00Z', met: '2026-03-23T00:00:00Z' }, now)).toBe(
      'met',
    );
    expect(deadlineStatus({ due: '2026-03-24T00:00:00Z', met: '2026-03-24T01:00:00Z' }, now)).toBe(
      'met_late',
    );
    expect(deadlineStatus({ due: '2026-03-24T00:00:00Z', met: null, overdue: true }, now)).toBe(
      'overdue',
    );
    expect(deadlineStatus({ due: '2026-03-27T23:00:00Z', met: null }, now)).toBe('due_soon');
    expect(deadlineStatus({ due: '2026-03-28T01:00:00Z', met: null }, now)).toBe('open');
    // Past by the browser's clock, not overdue by the API's: neither overdue nor soon.
    expect(deadlineStatus({ due: '2026-03-24T00:00:00Z', met: null, overdue: false }, now)).toBe(
      'open',
    );
  });

  it('the next deadline is the soonest unmet target of an open assignment', () => {
    const a = {
      state: 'acknowledged',
      due: {
        acknowledge: '2026-03-20T00:00:00Z',
        followUp: '2026-03-27T00:00:00Z',
        resolution: '2026-04-10T00:00:00Z',
      },
      met: { acknowledge: '2026-03-19T00:00:00Z', followUp: null, resolution: null },
      overdue: { acknowledge: false, followUp: false, resolution: false },
    };
    expect(nextDeadline(a, now)).toEqual({
      target: 'followUp',
      due: '2026-03-27T00:00:00Z',
      status: 'due_soon',
    });
    expect(nextDeadline({ ...a, state: 'completed' }, now)).toBeNull();
  });

  it('a paused clock is paused: not running, not soon, whatever its old dates say', () => {
    // Due in a day (soon), or already past by this clock: both move when the clock resumes.
    expect(deadlineStatus({ due: '2026-03-26T00:00:00Z', met: null, paused: true }, now)).toBe(
      'paused',
    );
    expect(deadlineStatus({ due: '2026-03-24T00:00:00Z', met: null, paused: true }, now)).toBe(
      'paused',
    );
    expect(deadlineStatus({ due: '2026-04-30T00:00:00Z', met: null, paused: true }, now)).toBe(
      'paused',
    );
    // A target met before the pause keeps its verdict.
    expect(
      deadlineStatus(
        { due: '2026-03-24T00:00:00Z', met: '2026-03-23T00:00:00Z', paused: true },
        now,
      ),
    ).toBe('met');
    const a = {
      state: 'pending',
      paused: true,
      due: {
        acknowledge: '2026-03-26T00:00:00Z',
        followUp: '2026-03-27T00:00:00Z',
        resolution: '2026-04-10T00:00:00Z',
      },
      met: { acknowledge: null, followUp: null, resolution: null },
      overdue: { acknowledge: false, followUp: false, resolution: false },
    };
    expect(nextDeadline(a, now)).toEqual({
      target: 'acknowledge',
      due: '2026-03-26T00:00:00Z',
      status: 'paused',
    });
  });
});

describe('statistics sorting', () => {
  const row = (agencyId: string, responseRate: number | null): AgencyStats =>
    ({ agencyId, responseRate }) as AgencyStats;
  const rows = [row('b', 0.5), row('a', null), row('c', 0.9), row('d', 0.5)];
  const byCode = (id: string) => id;
  it('either way, unknown rates last, ties by agency', () => {
    expect(sortStats(rows, 'responseRate', 'descending', byCode).map((r) => r.agencyId)).toEqual([
      'c',
      'b',
      'd',
      'a',
    ]);
    expect(sortStats(rows, 'responseRate', 'ascending', byCode).map((r) => r.agencyId)).toEqual([
      'b',
      'd',
      'c',
      'a',
    ]);
    expect(sortStats(rows, 'agencyId', 'ascending', byCode).map((r) => r.agencyId)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  // Codes in one order (atr-bpn, kanwil-bpn-ntt, polri), names in another (Kantor, Kementerian,
  // Kepolisian): the table is read by name.
  const names: Record<string, string> = {
    'atr-bpn': 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional',
    'kanwil-bpn-ntt': 'Kantor Wilayah BPN Provinsi Nusa Tenggara Timur',
    polri: 'Kepolisian Negara Republik Indonesia',
  };
  const nameOf = (id: string) => names[id] ?? id;
  const ids = (sorted: AgencyStats[]) => sorted.map((r) => r.agencyId);

  it('sorts the agency column by the name people read, not the code', () => {
    const agencies = [row('polri', 0.1), row('atr-bpn', 0.2), row('kanwil-bpn-ntt', 0.3)];
    expect(ids(sortStats(agencies, 'agencyId', 'ascending', nameOf))).toEqual([
      'kanwil-bpn-ntt',
      'atr-bpn',
      'polri',
    ]);
    expect(ids(sortStats(agencies, 'agencyId', 'descending', nameOf))).toEqual([
      'polri',
      'atr-bpn',
      'kanwil-bpn-ntt',
    ]);
  });

  it('breaks ties, unknown rates included, by name', () => {
    const tied = [row('polri', 0.5), row('atr-bpn', 0.5), row('kanwil-bpn-ntt', 0.5)];
    expect(ids(sortStats(tied, 'responseRate', 'descending', nameOf))).toEqual([
      'kanwil-bpn-ntt',
      'atr-bpn',
      'polri',
    ]);
    const unknown = [row('polri', null), row('atr-bpn', null), row('kanwil-bpn-ntt', null)];
    expect(ids(sortStats(unknown, 'responseRate', 'ascending', nameOf))).toEqual([
      'kanwil-bpn-ntt',
      'atr-bpn',
      'polri',
    ]);
  });

  it('the desk’s overdue card: furthest up the ladder first, then most overdue, ties by name', () => {
    const overdue = (agencyId: string, escalationLevel = 0) =>
      ({ agencyId, escalationLevel }) as Schemas['Assignment'];
    const items = [
      overdue('polri', 2),
      overdue('polri', 2),
      overdue('polri'),
      overdue('atr-bpn', 1),
      overdue('kanwil-bpn-ntt'),
      overdue('pemkot-jayapura', 3),
      overdue('pln', 1),
    ];
    // An agency at a later rung (central intervention, say) is chased before one with more
    // overdue at an earlier rung: it has been silent longer, past more letters.
    expect(overdueByAgency(items, nameOf)).toEqual([
      { agencyId: 'pemkot-jayapura', count: 1, level: 3, since: null },
      { agencyId: 'polri', count: 3, level: 2, since: null },
      { agencyId: 'atr-bpn', count: 1, level: 1, since: null },
      { agencyId: 'pln', count: 1, level: 1, since: null },
      { agencyId: 'kanwil-bpn-ntt', count: 1, level: 0, since: null },
    ]);
  });
});

describe('timeline', () => {
  const event = (type: string, data: Record<string, unknown>, agencyId: string | null = null) =>
    ({
      id: type,
      at: '2026-03-20T00:00:00Z',
      type,
      actor: { system: 'escalation' },
      agencyId,
      data,
    }) as Schemas['TimelineEvent'];
  const t = translator('id');
  it('a skipped step says which step, on what, and why: never a code', () => {
    const skipped = event(
      'escalation_skipped',
      { step: 'reminder_1', targets: ['acknowledge'], reason: 'caught_up' },
      'polri',
    );
    expect(
      describeEvent(
        skipped,
        t,
        (id) => id,
        (iso) => iso,
      ),
    ).toEqual(['Surat pengingat I', 'Konfirmasi penerimaan', 'karena instansi sudah menyusul']);
  });
  it('a delegation given back because the unit left its focal point says so, by name', () => {
    const names: Record<string, string> = { 'kanwil-bpn-ntb': 'Kanwil BPN NTB' };
    const back = event(
      'assignment_delegated',
      { memberId: null, note: null, reason: 'member_left', formerMemberId: 'kanwil-bpn-ntb' },
      'atr-bpn',
    );
    const byHand = event('assignment_delegated', { memberId: null, note: null }, 'atr-bpn');
    const described = (e: typeof back) =>
      describeEvent(
        e,
        t,
        (id) => names[id] ?? id,
        (iso) => iso,
      );
    expect(described(back)).toEqual([
      'Kembali ke instansi koordinator: Kanwil BPN NTB tidak lagi menjadi unit anggotanya',
    ]);
    expect(described(byHand)).toEqual(['Ditarik kembali oleh instansi koordinator']);
  });
  it('an approval of more time and a resumed clock say where the deadlines went', () => {
    const described = (type: string, data: Record<string, unknown>) =>
      describeEvent(
        event(type, data, 'polri'),
        t,
        (id) => id,
        (iso) => iso.slice(0, 10),
      );
    const dueBefore = {
      acknowledge: '2026-03-17T16:59:59.999Z',
      followUp: '2026-03-30T16:59:59.999Z',
    };
    const due = { acknowledge: '2026-03-17T16:59:59.999Z', followUp: '2026-04-06T16:59:59.999Z' };
    expect(
      described('extension_approved', { workingDays: 5, reason: 'Menunggu data', dueBefore, due }),
    ).toEqual(['5 hari kerja', '“Menunggu data”', 'Tindak lanjut: 2026-03-30 → 2026-04-06']);
    expect(described('assignment_resumed', { dueBefore, due })).toEqual([
      'Tindak lanjut: 2026-03-30 → 2026-04-06',
    ]);
    // Recorded before the deadlines before were kept: nothing to say of them.
    expect(described('assignment_resumed', { due })).toEqual([]);
    // A pause shorter than a working day moves nothing: said, not an empty line.
    expect(described('assignment_resumed', { dueBefore, due: dueBefore })).toEqual([
      'Tenggat tidak bergeser: jeda pada hari kerja belum genap satu hari',
    ]);
    // In the assignment's order, whatever the event's (the API wrote follow-up first).
    const moved = described('assignment_resumed', {
      dueBefore: { followUp: '2026-03-30T00:00:00Z', acknowledge: '2026-03-17T00:00:00Z' },
      due: { followUp: '2026-04-06T00:00:00Z', acknowledge: '2026-03-24T00:00:00Z' },
    });
    expect(moved).toEqual([
      'Konfirmasi penerimaan: 2026-03-17 → 2026-03-24',
      'Tindak lanjut: 2026-03-30 → 2026-04-06',
    ]);
  });
  it('an e-mail’s files are counted on its registration: how many came, how many attached', () => {
    const described = (data: Record<string, unknown>) =>
      describeEvent(
        event('case_registered', { channel: 'email', subject: 'x', ...data }, null),
        t,
        (id) => id,
        (iso) => iso,
      );
    expect(described({ attachments: 3, attached: 1 })).toEqual([
      'Surel',
      '3 berkas dalam surel, 1 dilampirkan (selebihnya hanya ada di surel asli)',
    ]);
    expect(described({ attachments: 2, attached: 2 })).toEqual([
      'Surel',
      '2 berkas dalam surel, 2 dilampirkan',
    ]);
    expect(described({ attachments: 0 })).toEqual(['Surel']);
    // Relayed by a group or list: the sender shown may be the group.
    expect(described({ attachments: 0, viaList: true })).toEqual([
      'Surel',
      'Diterima lewat grup atau milis: alamat pengirim bisa jadi alamat grupnya; periksa surel asli',
    ]);
    // Forwarded by a central officer from their mailbox: the complainant is the original's sender.
    expect(
      described({
        attachments: 1,
        attached: 1,
        forwardedBy: 'petugas@setneg.go.id',
        forwardNote: 'Mohon ditindaklanjuti.',
      }),
    ).toEqual([
      'Surel',
      '1 berkas dalam surel, 1 dilampirkan',
      'Diteruskan oleh petugas petugas@setneg.go.id: pengadu, perihal, isi dan berkas diambil dari surel yang diteruskannya',
      'Catatan petugas: “Mohon ditindaklanjuti.”',
    ]);
  });
  it('a complainant’s follow-up e-mail reads as what they wrote, with its files, for central', () => {
    const described = (type: string, data: Record<string, unknown>) =>
      describeEvent(
        event(type, data, null),
        t,
        (id) => id,
        (iso) => iso,
      );
    expect(
      described('complainant_mail', {
        subject: 'Re: Jalan rusak [17/DUMAS/III/2026]',
        text: 'Berikut KTP saya.',
        attachments: 2,
        attached: 1,
      }),
    ).toEqual([
      'Perihal: Re: Jalan rusak [17/DUMAS/III/2026]',
      // Its own message is kept as surel-lanjutan.eml, listed as "Surel lanjutan".
      '2 berkas dalam surel, 1 dilampirkan (selebihnya hanya ada di surel lanjutan)',
    ]);
    // What they wrote is the entry's own block, its lines kept (case-detail-timeline-mail).
    expect(
      eventText(event('complainant_mail', { subject: 'x', text: 'Baris satu.\nBaris dua.' }, null)),
    ).toBe('Baris satu.\nBaris dua.');
    expect(
      described('complainant_mail', {
        subject: 'x',
        text: 'y',
        attachments: 0,
        originalKept: false,
      }),
    ).toEqual([
      'Perihal: x',
      'Surel lanjutan tidak dilampirkan: pengaduan ini sudah memuat 30 lampiran',
    ]);
    expect(t('event.complainant_mail')).toBe('Surel lanjutan dari pengadu');
    // A mail answering a case that had ended is a new case, which names it.
    expect(
      described('case_registered', {
        channel: 'email',
        attachments: 0,
        followUpOf: '01J',
        followUpOfNumber: '17/DUMAS/III/2026',
      }),
    ).toEqual([
      'Surel',
      'Surel ini membalas pengaduan 17/DUMAS/III/2026, yang sudah ditolak atau ditutup',
    ]);
    // One from a sender the mail service did not authenticate, whatever that case's status.
    expect(
      described('case_registered', {
        channel: 'email',
        attachments: 0,
        followUpOf: '01J',
        followUpOfNumber: '17/DUMAS/III/2026',
        followUpUnverified: true,
      }),
    ).toEqual([
      'Surel',
      'Surel ini mengaku membalas pengaduan 17/DUMAS/III/2026 dari alamat pengadunya, tetapi pengirimnya tidak dapat diverifikasi (alamat pengirim mudah dipalsukan), jadi tidak digabungkan ke pengaduan itu; periksa surel asli sebelum menindaklanjutinya',
    ]);
  });
  it('a restatement says what changed; what the agencies read before only where it is given', () => {
    const described = (data: Record<string, unknown>) =>
      describeEvent(
        event('case_restated', data, null),
        t,
        (id) => id,
        (iso) => iso,
      );
    // As central reads it.
    expect(
      described({
        subjectRestated: true,
        subject: 'Pungutan liar',
        previousSubject: 'Pungutan liar oleh Dewi',
        descriptionRestated: true,
        previousDescription: 'Hormat saya, Dewi',
      }),
    ).toEqual([
      'Perihal: Pungutan liar',
      'Perihal sebelumnya: Pungutan liar oleh Dewi',
      'Uraian untuk instansi diganti',
      'Sebelumnya dibaca instansi: “Hormat saya, Dewi”',
    ]);
    // As an agency reads it (the API keeps the subjects and earlier texts from it).
    expect(described({ subjectRestated: true, descriptionRestated: true })).toEqual([
      'Perihal dirumuskan ulang',
      'Uraian untuk instansi diganti',
    ]);
    // First restated: nothing read before.
    expect(described({ descriptionRestated: true })).toEqual(['Uraian untuk instansi diganti']);
    expect(described({ descriptionRestated: true, previousDescription: null })).toEqual([
      'Uraian untuk instansi diganti',
    ]);
  });
  it('a calendar edit that moved the case’s own deadline names it in words, not its key', () => {
    const moved = (before: Record<string, string>, after: Record<string, string>) =>
      describeEvent(
        event('deadlines_recomputed', { calendarId: 'id', date: 'x', before, after }, null),
        t,
        (id) => id,
        (iso) => iso.slice(0, 10),
      );
    expect(
      moved(
        { verification: '2026-04-16T16:59:59.999Z' },
        { verification: '2026-04-17T16:59:59.999Z' },
      ),
    ).toEqual(['Verifikasi dan penerusan: 2026-04-16 → 2026-04-17']);
    expect(
      moved(
        { reply_window: '2026-05-04T16:59:59.999Z' },
        { reply_window: '2026-05-05T16:59:59.999Z' },
      ),
    ).toEqual(['Masa tanggapan pengadu: 2026-05-04 → 2026-05-05']);
  });
  it('a complaint from the form or by e-mail is the complainant’s, not the escalation system’s', () => {
    expect(actorKind({ system: 'intake' })).toEqual({ kind: 'complainant' });
    expect(actorKind({ system: 'escalation' })).toEqual({ kind: 'escalation' });
  });
  it('English counts in the singular for one, the plural otherwise; Indonesian needs neither', () => {
    const en = translator('en');
    expect(en('letters.total', { n: 1 })).toBe('1 letter');
    expect(en('letters.total', { n: 2 })).toBe('2 letters');
    expect(en('letters.total', { n: '25+' })).toBe('25+ letters');
    expect(en('desk.overdueSummary', { n: 1, agencies: 1 })).toBe(
      '1 overdue assignment at 1 agency.',
    );
    expect(t('letters.total', { n: 1 })).toBe('1 surat');
  });

  it('a step an admin named reads as words, a level past the default ladder as "Tingkat n"', () => {
    expect(stepLabel(t, 'formal_warning')).toBe('Surat penegasan');
    expect(stepLabel(t, 'surat_penegasan_2')).toBe('Surat penegasan 2');
    // One named as the ladder names its own, numbered: in the console's language; a reminder
    // in Roman numerals, as the ladder's own reminders and its letters' titles are numbered.
    expect(stepLabel(t, 'reminder_3')).toBe('Surat pengingat III');
    expect(stepLabel(translator('en'), 'reminder_3')).toBe('Reminder III');
    expect(stepLabel(t, 'reminder_12')).toBe('Surat pengingat 12');
    // Its letter's own title numbers it among the ladder's reminders: that number, not the name's.
    expect(
      stepLabel(t, 'reminder_4', 'Surat Pengingat III atas Pengaduan Masyarakat 12/2026: Tanah'),
    ).toBe('Surat pengingat III');
    expect(stepLabel(t, 'reminder_4', 'Perihal lain')).toBe('Surat pengingat IV');
    expect(stepLabel(t, 'formal_warning_2')).toBe('Surat penegasan 2');
    expect(stepLabel(translator('en'), 'surat_penegasan_2')).toBe('Surat penegasan 2');
    expect(levelLabel(t, 2)).toBe('Surat pengingat II');
    expect(levelLabel(t, 5)).toBe('Tingkat 5');
  });
});

describe('form values', () => {
  it('empty text is absent; an emptied group stays so its fields are named', () => {
    expect(compact({ a: ' ', b: 'x', c: { d: '' }, e: false, f: ['', 'y'] })).toEqual({
      b: 'x',
      c: {},
      e: false,
      f: ['y'],
    });
  });
  it('paths go into arrays as arrays', () => {
    const v = setPath({ ladder: [{ name: 'a' }, { name: 'b' }] }, 'ladder.1.name', 'c');
    expect(Array.isArray(v.ladder)).toBe(true);
    expect(getPath(v, 'ladder.1.name')).toBe('c');
    expect(getPath(v, 'ladder.0.name')).toBe('a');
  });
  it('zod issues by dotted path, first message wins', () => {
    const result = ForwardBody.safeParse(forwardBody({ picked: { polri: { on: false } } }));
    expect(result.success).toBe(false);
    expect(Object.keys(issuesByPath(result.error!))).toEqual(['assignments']);
  });
  it('the forward form becomes the API body: ticked agencies, their instructions', () => {
    expect(
      forwardBody({
        picked: {
          polri: { on: true, instructions: ' Klarifikasi ' },
          pln: { on: true, instructions: ' ' },
          bali: { on: false },
        },
      }),
    ).toEqual({
      assignments: [{ agencyId: 'polri', instructions: ' Klarifikasi ' }, { agencyId: 'pln' }],
    });
  });
  it('the verification form sends what is missing only when asking for it', () => {
    const missing = 'Fotokopi KTP';
    expect(verificationBody({ decision: 'needs_info', missing, note: ' ' })).toEqual({
      decision: 'needs_info',
      missing,
    });
    // Typed, then the decision changed: the API would refuse it with accept.
    expect(verificationBody({ decision: 'accept', type: 'light', missing })).toEqual({
      decision: 'accept',
      type: 'light',
    });
  });
  it('the verification form sends the reason for the complainant only when rejecting', () => {
    const reason = 'Bukan kewenangan pemerintah pusat.';
    expect(verificationBody({ decision: 'reject', reason, note: 'Dicek' })).toEqual({
      decision: 'reject',
      reason,
      note: 'Dicek',
    });
    expect(verificationBody({ decision: 'accept', type: 'light', reason })).toEqual({
      decision: 'accept',
      type: 'light',
    });
  });
});

describe('sign-in return path', () => {
  it('only a path of this console', () => {
    expect(safeNext('/cases/01X')).toBe('/cases/01X');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
