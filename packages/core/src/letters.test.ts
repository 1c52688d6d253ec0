/** Who each rung of the default ladder writes to: escalation reaches the head only when it should. */
import { describe, expect, it } from 'vitest';
import { newAssignment } from './assignment.ts';
import { pause, resume } from './assignment-clock.ts';
import { Calendar } from './calendar.ts';
import { newCase } from './case.ts';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  forwardingLetterDocument,
} from './documents/letter-document.ts';
import {
  advance,
  INITIAL_LADDER_STATE,
  type LadderState,
  letterAsItHolds,
  letterWrite,
  observe,
  projectLadder,
} from './ladder/index.ts';
import { formatLocal } from './date-words.ts';
import { letterAddresses, type LetterParties } from './letter-addresses.ts';
import { composeLetter } from './letters.ts';
import type { NotificationRecord } from './notification.ts';
import { DEFAULT_LADDER, DEFAULT_POLICY, type LadderStep } from './policy.ts';
import type { Agency } from './schemas.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';

const calendar = new Calendar(INDONESIAN_HOLIDAYS);
const at = '2026-01-05T00:00:00.000Z';
const agency = (id: string, contacts: Agency['contacts'], focalPointId: string | null = null) =>
  ({
    id,
    name: `Instansi ${id}`,
    kind: 'agency',
    focalPointId,
    timeZone: 'Asia/Jakarta',
    contacts,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }) satisfies Agency;

/** A member unit with a liaison and a head, its focal point likewise, and the central unit. */
const parties: LetterParties = {
  agency: agency(
    'kanwil-bpn-jatim',
    [
      { name: 'Bagian Umum', email: 'umum@kanwil-jatim.example.go.id', kind: 'liaison' },
      { name: 'Kepala Kanwil', email: 'kakanwil@kanwil-jatim.example.go.id', kind: 'head' },
    ],
    'atr-bpn',
  ),
  focalPoint: agency('atr-bpn', [
    { name: 'Biro Humas', email: 'humas@atr-bpn.example.go.id', kind: 'liaison' },
    { name: 'Sekretaris Jenderal', email: 'sekjen@atr-bpn.example.go.id', kind: 'head' },
  ]),
  central: agency('setneg', [
    { name: 'Asdep Pengaduan Masyarakat', email: 'dumas@setneg.go.id', kind: 'liaison' },
  ]),
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
  now: new Date('2026-03-16T03:00:00.000Z'),
  verificationDueAt: new Date('2026-03-19T16:59:59.999Z'),
});
/** The member unit's assignment of the case, forwarded at `forwardedAt`. */
const forwardedAt = (at: string) =>
  newAssignment({
    caseId: 'C1',
    agencyId: 'kanwil-bpn-jatim',
    instructions: null,
    forwardedAt: new Date(at),
    forwardedBy: 'officer-1',
    timeZone: 'Asia/Jakarta',
    calendar,
    policyId: 'default',
    workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
    previous: undefined,
  });
const silent = forwardedAt('2026-03-16T03:00:00.000Z');

/** Each step the default ladder takes for a silent agency, with the letter's to and cc. */
const addressed = (p: LetterParties) =>
  projectLadder(INITIAL_LADDER_STATE, {
    assignment: silent,
    steps: DEFAULT_LADDER,
    calendar,
    now: new Date(silent.forwardedAt),
  }).map((event) => {
    const step = DEFAULT_LADDER.find((s) => s.name === event.step)!;
    const letter = composeLetter({
      event,
      step,
      steps: DEFAULT_LADDER,
      case: complaint,
      assignment: silent,
      parties: p,
      calendar,
    });
    return { step: event.step, to: letter.to, cc: letter.cc };
  });

const liaison = ['umum@kanwil-jatim.example.go.id'];
const alone = { to: liaison, cc: [] };

describe('recipients by rung (default policy)', () => {
  it('warn and remind the liaison only; copy the head and the focal point on the formal warning; central intervenes with the liaison and head in cc', () => {
    expect(addressed(parties)).toEqual([
      { step: 'warning', ...alone },
      { step: 'warning', ...alone },
      { step: 'reminder_1', ...alone },
      { step: 'reminder_2', ...alone },
      { step: 'warning', ...alone },
      {
        step: 'formal_warning',
        to: liaison,
        cc: ['kakanwil@kanwil-jatim.example.go.id', 'humas@atr-bpn.example.go.id'],
      },
      {
        step: 'central_intervention',
        to: ['dumas@setneg.go.id'],
        cc: ['umum@kanwil-jatim.example.go.id', 'kakanwil@kanwil-jatim.example.go.id'],
      },
    ]);
  });

  it('leaves out who is not there: no head, no focal point', () => {
    const plain: LetterParties = {
      ...parties,
      agency: { ...parties.agency, focalPointId: null, contacts: [parties.agency.contacts[0]!] },
      focalPoint: undefined,
    };
    const letters = addressed(plain);
    expect(letters.find((l) => l.step === 'formal_warning')).toEqual({
      step: 'formal_warning',
      ...alone,
    });
    expect(letters.find((l) => l.step === 'central_intervention')).toEqual({
      step: 'central_intervention',
      to: ['dumas@setneg.go.id'],
      cc: liaison,
    });
  });
});

describe('what a letter says', () => {
  /** The default ladder's letter of `rung` about case `c`, its agency silent. */
  const rungLetter = (c: typeof complaint, rung: string) => {
    const [event] = projectLadder(INITIAL_LADDER_STATE, {
      assignment: silent,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date(silent.forwardedAt),
    }).filter((e) => e.step === rung);
    return composeLetter({
      event: event!,
      step: DEFAULT_LADDER.find((s) => s.name === rung)!,
      steps: DEFAULT_LADDER,
      case: c,
      assignment: silent,
      parties,
      calendar,
    });
  };
  const reminder = (c: typeof complaint) => rungLetter(c, 'reminder_1');

  it('names the case by its agenda number, as its forwarding letter did, never by an internal id', () => {
    const numbered = {
      ...complaint,
      id: '01M8NFQMA0A2TCGG1M1SWFAH0S',
      agendaNumber: '17/DUMAS/III/2026',
    };
    const { body, subject } = reminder(numbered);
    // The e-mail's subject too: an agency files a case's letters by the number.
    expect(subject).toBe(
      'Surat Pengingat I atas Pengaduan Masyarakat 17/DUMAS/III/2026: Sertifikat tanah belum terbit',
    );
    expect(body).toContain('Nomor agenda: 17/DUMAS/III/2026');
    expect(body).toContain('Pokok pengaduan: Sertifikat tanah belum terbit');
    expect(body).not.toContain(numbered.id);
  });

  it('a central intervention says what it is once: its subject does not name the unit before the complaints again', () => {
    const numbered = { ...complaint, agendaNumber: '17/DUMAS/III/2026' };
    const { subject, body, parts } = rungLetter(numbered, 'central_intervention');
    // It read "Pemberitahuan Intervensi Asdep Pengaduan Masyarakat atas Pengaduan Masyarakat",
    // in a letter from that unit, under its letterhead and over its signature.
    expect(subject).toBe(
      'Pemberitahuan Intervensi atas Pengaduan Masyarakat 17/DUMAS/III/2026: Sertifikat tanah belum terbit',
    );
    expect(body).toContain('Perihal: Pemberitahuan Intervensi atas Pengaduan Masyarakat\n');
    expect(parts?.title).toBe('Pemberitahuan Intervensi');
  });

  it('a central intervention to an agency already invited to a meeting on the case names that meeting, not one "to be announced"', () => {
    const [event] = projectLadder(INITIAL_LADDER_STATE, {
      assignment: silent,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date(silent.forwardedAt),
    }).filter((e) => e.step === 'central_intervention');
    const intervene = (invitedTo?: Parameters<typeof composeLetter>[0]['invitedTo']) =>
      composeLetter({
        event: event!,
        step: DEFAULT_LADDER.find((s) => s.name === 'central_intervention')!,
        steps: DEFAULT_LADDER,
        case: complaint,
        assignment: silent,
        parties,
        calendar,
        ...(invitedTo ? { invitedTo } : {}),
      });
    // Invited by letter to a mediation on Tuesday 21 April 2026, 10.00 WIB: it said "akan
    // mengundang … Waktu dan tempat pelaksanaannya akan kami sampaikan kemudian".
    const mediation = {
      kind: 'mediation',
      scheduledAt: '2026-04-21T03:00:00.000Z',
      venue: 'Ruang Rapat Lt. 2, Gedung III',
    } as const;
    const planned = intervene({ ...mediation, sent: true });
    expect(planned.parts?.request).toBe(
      'Sehubungan dengan hal tersebut, Saudara telah kami undang dalam kegiatan mediasi atas penanganan pengaduan ini pada Selasa, 21 April 2026 pukul 10.00 WIB di Ruang Rapat Lt. 2, Gedung III (undangannya telah kami sampaikan tersendiri). Kami mengharapkan kehadiran Saudara atau pejabat yang Saudara tunjuk, dan kiranya tindak lanjut dapat disampaikan sebelum kegiatan tersebut.',
    );
    expect(planned.body).toContain(planned.parts!.request);
    expect(planned.body).not.toContain('akan kami sampaikan kemudian');
    // Its invitation letter not sent (still in the outbox, or refused: on central's list of
    // failed letters): it said "undangannya telah kami sampaikan tersendiri" all the same. This
    // letter invites by itself.
    expect(intervene({ ...mediation, sent: false }).parts?.request).toBe(
      'Sehubungan dengan hal tersebut, Saudara kami undang dalam kegiatan mediasi atas penanganan pengaduan ini pada Selasa, 21 April 2026 pukul 10.00 WIB di Ruang Rapat Lt. 2, Gedung III. Kami mengharapkan kehadiran Saudara atau pejabat yang Saudara tunjuk, dan kiranya tindak lanjut dapat disampaikan sebelum kegiatan tersebut.',
    );
    // Proposed, no date yet: the kind it will be, its time and place still to come.
    expect(intervene({ kind: 'coordination', scheduledAt: null, sent: false }).parts?.request).toBe(
      'Sehubungan dengan hal tersebut, Asisten Deputi Pengaduan Masyarakat akan mengundang Saudara dalam kegiatan koordinasi atas penanganan pengaduan ini. Waktu dan tempat pelaksanaannya akan kami sampaikan kemudian dan dapat Saudara lihat melalui Pantau.',
    );
    // Invited to nothing: the clarification the ladder proposes, as before.
    expect(intervene().parts?.request).toBe(
      'Sehubungan dengan hal tersebut, Asisten Deputi Pengaduan Masyarakat akan mengundang Saudara dalam kegiatan klarifikasi atas penanganan pengaduan ini. Waktu dan tempat pelaksanaannya akan kami sampaikan kemudian dan dapat Saudara lihat melalui Pantau.',
    );
  });

  it('a rung says by when the agency must act and what follows if it does not, in its e-mail and its PDF', () => {
    // Forwarded Mon 16 March 2026 (the DOMAIN.md example): the penegasan is dated Saturday 11
    // April, central intervenes from 18 April, after Friday 17 April's end. The head, copied
    // for the first time, read only "segera": no date, nothing of what comes next.
    const formal = rungLetter(complaint, 'formal_warning');
    const byThen =
      'Apabila sampai dengan 17 April 2026 pukul 23.59 WIB tindak lanjut belum kami terima, ' +
      'Asisten Deputi Pengaduan Masyarakat akan melakukan intervensi langsung atas penanganan pengaduan ini.';
    expect(formal.body).toContain(byThen);
    expect(formal.parts?.request).toContain(byThen);
    // A reminder names the next rung by its title and its day; the last rung names none.
    expect(rungLetter(complaint, 'reminder_1').body).toContain(
      'Apabila sampai dengan 2 April 2026 pukul 23.59 WIB tindak lanjut belum kami terima, kami akan menyampaikan Surat Pengingat II.',
    );
    expect(rungLetter(complaint, 'reminder_2').body).toContain(
      'Apabila sampai dengan 10 April 2026 pukul 23.59 WIB tindak lanjut belum kami terima, kami akan menyampaikan Surat Penegasan.',
    );
    expect(rungLetter(complaint, 'central_intervention').body).not.toContain('Apabila');
  });

  it('a rung names the letters of its episode sent before it, their numbers, dates and to whom', () => {
    // The head hears of the case first from the penegasan: it said only "kami belum menerima",
    // not that two reminders had gone to the agency's liaison, nor which.
    const events = projectLadder(INITIAL_LADDER_STATE, {
      assignment: silent,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date(silent.forwardedAt),
    });
    const sent = (step: string, number: string): NotificationRecord => {
      const letter = events.find((e) => e.step === step)!;
      const { notification } = letterWrite({
        letter,
        policy: DEFAULT_POLICY,
        case: complaint,
        assignment: silent,
        parties,
        calendar,
        now: new Date(letter.at),
        document: { settings: DEFAULT_DOCUMENT_SETTINGS, number },
      });
      return { ...notification, status: 'sent', sentAt: letter.at };
    };
    const earlier = [
      sent('warning', 'B-2/Kemensetneg/D-4/DM.05/03/2026'),
      sent('reminder_1', 'B-4/Kemensetneg/D-4/DM.05/03/2026'),
      sent('reminder_2', 'B-5/Kemensetneg/D-4/DM.05/04/2026'),
    ];
    const event = events.find((e) => e.step === 'formal_warning')!;
    const formal = composeLetter({
      event,
      step: DEFAULT_LADDER.find((s) => s.name === 'formal_warning')!,
      steps: DEFAULT_LADDER,
      case: complaint,
      assignment: silent,
      parties,
      calendar,
      earlier,
    });
    // Each by the date it bears: reminder II, written at 00:00 on Good Friday 3 April, went
    // out on Monday 6 April and is dated so.
    const opening =
      'Menindaklanjuti Surat Pengingat I nomor B-4/Kemensetneg/D-4/DM.05/03/2026 tanggal 27 Maret 2026 ' +
      'dan Surat Pengingat II nomor B-5/Kemensetneg/D-4/DM.05/04/2026 tanggal 6 April 2026 ' +
      'yang telah kami sampaikan kepada Bagian Umum (umum@kanwil-jatim.example.go.id), ' +
      'sampai dengan tanggal surat ini kami belum menerima pemenuhan atas:';
    expect(formal.body).toContain(`\n${opening}\n`);
    expect(formal.parts?.opening).toBe(opening);
    // A letter not sent (cancelled, failed) told no one: not named. The first rung names none.
    const cancelled = earlier.map((n) =>
      n.step === 'reminder_2' ? { ...n, status: 'cancelled' as const } : n,
    );
    expect(
      composeLetter({
        event,
        step: DEFAULT_LADDER.find((s) => s.name === 'formal_warning')!,
        steps: DEFAULT_LADDER,
        case: complaint,
        assignment: silent,
        parties,
        calendar,
        earlier: cancelled,
      }).parts?.opening,
    ).toMatch(/^Menindaklanjuti Surat Pengingat I nomor B-4\/[^ ]+ tanggal 27 Maret 2026 yang/);
    // The intervention names the penegasan too, and the agency's head it was copied to.
    const intervention = composeLetter({
      event: events.find((e) => e.step === 'central_intervention')!,
      step: DEFAULT_LADDER.find((s) => s.name === 'central_intervention')!,
      steps: DEFAULT_LADDER,
      case: complaint,
      assignment: silent,
      parties,
      calendar,
      earlier: [...earlier, sent('formal_warning', 'B-7/Kemensetneg/D-4/DM.05/04/2026')],
    });
    expect(intervention.parts?.opening).toContain(
      ', Surat Pengingat II nomor B-5/Kemensetneg/D-4/DM.05/04/2026 tanggal 6 April 2026 ' +
        'dan Surat Penegasan nomor B-7/Kemensetneg/D-4/DM.05/04/2026 tanggal 13 April 2026 ' +
        'yang telah kami sampaikan kepada Bagian Umum (umum@kanwil-jatim.example.go.id) ' +
        'dengan tembusan kepada Kepala Kanwil (kakanwil@kanwil-jatim.example.go.id), sampai',
    );
    expect(rungLetter(complaint, 'reminder_1').parts?.opening).toBe(
      'Sampai dengan tanggal surat ini, kami belum menerima pemenuhan atas:',
    );
  });

  it('says its Sifat under its Perihal, as its PDF does, for whoever reads only the e-mail', () => {
    const sifat = (rung: string) =>
      rungLetter(complaint, rung)
        .body.split('\n')
        .find((line) => line.startsWith('Sifat: '));
    expect(sifat('reminder_1')).toBe('Sifat: Segera');
    expect(sifat('formal_warning')).toBe('Sifat: Sangat Segera');
    expect(sifat('central_intervention')).toBe('Sifat: Sangat Segera');
    expect(rungLetter(complaint, 'reminder_1').body).toMatch(/\nPerihal: [^\n]+\nSifat: Segera\n/);
  });
});

describe('how a letter’s reader acts on it', () => {
  const CONSOLE = 'https://pantau.example.go.id';
  const events = projectLadder(INITIAL_LADDER_STATE, {
    assignment: silent,
    steps: DEFAULT_LADDER,
    calendar,
    now: new Date(silent.forwardedAt),
  });
  /** The default ladder's first letter of `rung`, with the console's address when given. */
  const letterOf = (rung: string, consoleUrl?: string) =>
    composeLetter({
      event: events.find((e) => e.step === rung)!,
      step: DEFAULT_LADDER.find((s) => s.name === rung)!,
      steps: DEFAULT_LADDER,
      case: complaint,
      assignment: silent,
      parties,
      calendar,
      ...(consoleUrl ? { consoleUrl } : {}),
    });
  const RUNGS = ['warning', 'reminder_1', 'reminder_2', 'formal_warning', 'central_intervention'];

  it('links to the case in the console, in its e-mail and its PDF: "melalui Pantau" named no address', () => {
    for (const rung of RUNGS) {
      // A trailing slash in the configured address makes no `//` in the link.
      for (const url of [CONSOLE, `${CONSOLE}/`]) {
        const letter = letterOf(rung, url);
        const links = letter.body.match(/https?:\/\/[^\s()]+/g);
        expect(links, rung).toEqual([`${CONSOLE}/cases/C1`]);
        expect(letter.parts?.request, rung).toContain(`(${CONSOLE}/cases/C1)`);
        // Never the complainant's tracking code: it answers as the complainant.
        expect(letter.body).not.toContain(complaint.trackingCode);
      }
    }
    expect(letterOf('reminder_1', CONSOLE).parts?.request).toMatch(
      /^Mohon kiranya Saudara segera menyampaikan tindak lanjut melalui Pantau \(https:\/\/pantau\.example\.go\.id\/cases\/C1\)\. Apabila/,
    );
  });

  it('says "melalui Pantau" as before when the deployment names no console address', () => {
    for (const rung of RUNGS) expect(letterOf(rung).body, rung).not.toMatch(/https?:|\/cases\//);
    expect(letterOf('reminder_1').parts?.request).toMatch(
      /^Mohon kiranya Saudara segera menyampaikan tindak lanjut melalui Pantau\. Apabila/,
    );
  });

  it('greets in its e-mail whom its PDF greets: the agency’s head, for the attention of the liaisons it goes to', () => {
    const greeting = (n: NotificationRecord) => n.body.split('\n\n')[0];
    for (const [rung, action] of [
      ['reminder_2', 'reminder'],
      ['formal_warning', 'formal_warning'],
    ] as const) {
      const n = ladderLetter(rung, action, ['followUp']);
      // It said "Yth. Instansi kanwil-bpn-jatim", the PDF "Yth. Pimpinan Instansi kanwil-bpn-jatim".
      expect(greeting(n), rung).toBe(`Yth. ${n.document!.to.join('\n')}`);
    }
    expect(greeting(ladderLetter('reminder_2', 'reminder', ['followUp']))).toBe(
      'Yth. Pimpinan Instansi kanwil-bpn-jatim\nu.p. Bagian Umum',
    );
  });

  it('greets the agency in the intervention’s e-mail too, as its PDF does: central, whom it goes to, is its writer', () => {
    // "Kami belum menerima pemenuhan": central writes to the agency; its e-mail goes to central
    // to act on it, the agency's head and liaisons copied. Greeting central made it a letter
    // from central to itself.
    const letter = letterOf('central_intervention');
    expect(letter.to).toEqual(['dumas@setneg.go.id']);
    expect(letter.body.split('\n\n')[0]).toMatch(/^Yth\. Pimpinan Instansi /);
    expect(letter.body.split('\n\n')[0]).not.toContain('setneg');
  });
});

describe('how late a reminder says the agency is', () => {
  /** A reminder's line for the acknowledgement, of an agency forwarded on `day`. */
  const reminderLine = (day: string, rung: 'reminder_1' | 'reminder_2') => {
    const a = forwardedAt(`${day}T03:00:00.000Z`);
    const events = projectLadder(INITIAL_LADDER_STATE, {
      assignment: a,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date(a.forwardedAt),
    });
    const event = events.find((e) => e.step === rung)!;
    const step = DEFAULT_LADDER.find((s) => s.name === event.step)!;
    const letter = composeLetter({
      event,
      step,
      steps: DEFAULT_LADDER,
      case: complaint,
      assignment: a,
      parties,
      calendar,
    });
    return letter.body.split('\n').find((l) => l.startsWith('- Konfirmasi'));
  };

  it('one working day at the first reminder, whether the deadline fell on a Thursday or a Friday', () => {
    // Forwarded Mon 2 Feb 2026: acknowledgement due Thu 5 Feb; the reminder is dated Friday.
    expect(reminderLine('2026-02-02', 'reminder_1')).toMatch(/terlambat 1 hari kerja\.$/);
    // Forwarded Tue 3 Feb: due Fri 6 Feb; the reminder is dated Saturday, read on Monday.
    expect(reminderLine('2026-02-03', 'reminder_1')).toMatch(/terlambat 1 hari kerja\.$/);
  });

  it('five working days more at the second, whatever the day it is dated', () => {
    expect(reminderLine('2026-02-02', 'reminder_2')).toMatch(/terlambat 6 hari kerja\.$/);
    expect(reminderLine('2026-02-03', 'reminder_2')).toMatch(/terlambat 6 hari kerja\.$/);
  });
});

describe('a reminder’s number', () => {
  it('counts the reminders of its ladder, not its rungs: the second reminder is II after a penegasan', () => {
    // A valid custom ladder: reminder, penegasan, then a last reminder.
    const [, reminder1, , formal] = DEFAULT_LADDER;
    const steps = [
      DEFAULT_LADDER[0]!,
      reminder1!,
      formal!,
      { ...reminder1!, name: 'reminder_final', offsetWorkingDays: 5, relativeTo: 'previous' },
    ] satisfies LadderStep[];
    const events = projectLadder(INITIAL_LADDER_STATE, {
      assignment: silent,
      steps,
      calendar,
      now: new Date(silent.forwardedAt),
    });
    const titles = events
      .filter((e) => e.action !== 'warning')
      .map((event) => {
        const step = steps.find((s) => s.name === event.step)!;
        return composeLetter({
          event,
          step,
          steps,
          case: complaint,
          assignment: silent,
          parties,
          calendar,
        }).parts!.title;
      });
    expect(titles).toEqual(['Surat Pengingat I', 'Surat Penegasan', 'Surat Pengingat II']);
  });
});

/** An hour after the follow-up's deadline (both targets overdue). */
const afterFollowUp = new Date(Date.parse(silent.due.followUp) + 3_600_000);

/** The ladder's letter for `step`, written at `afterFollowUp` with its PDF document. */
const ladderLetter = (
  step: string,
  action: 'reminder' | 'formal_warning',
  targets: ('acknowledge' | 'followUp')[],
) =>
  letterWrite({
    letter: {
      id: `${step}#1`,
      step,
      action,
      at: afterFollowUp.toISOString(),
      scheduledAt: afterFollowUp.toISOString(),
      targets,
      level: 2,
      episode: 1,
    },
    policy: DEFAULT_POLICY,
    case: complaint,
    assignment: silent,
    parties,
    calendar,
    now: afterFollowUp,
    document: { settings: DEFAULT_DOCUMENT_SETTINGS, number: 'B-7/Kemensetneg/D-4/DM.05/04/2026' },
  }).notification;

describe('a letter that waited, as it goes', () => {
  // Reminder II, written an hour after the follow-up's deadline: both targets overdue.
  const written = ladderLetter('reminder_2', 'reminder', ['acknowledge', 'followUp']);
  const later = new Date(afterFollowUp.getTime() + 7 * 3_600_000);
  const acknowledged = { ...silent, met: { ...silent.met, acknowledge: later.toISOString() } };
  const listed = (n: NotificationRecord) =>
    n.document!.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));

  it('names only the targets still missing, keeping its number, date and the rest of its text', () => {
    const going = letterAsItHolds(written, acknowledged, later);
    expect(written.body).toContain('- Konfirmasi penerimaan pengaduan: batas waktu');
    expect(going.body).not.toContain('Konfirmasi penerimaan');
    expect(going.body.split('\n')).toEqual(
      written.body.split('\n').filter((l) => !l.startsWith('- Konfirmasi')),
    );
    expect(listed(written)).toHaveLength(2);
    expect(listed(going)).toEqual(listed(written).slice(1));
    expect(going).toEqual({
      ...written,
      targets: ['followUp'],
      target: 'followUp',
      body: going.body,
      document: { ...written.document, blocks: going.document!.blocks },
    });
  });

  it('is the letter as written while all it names still holds', () => {
    expect(letterAsItHolds(written, silent, later)).toBe(written);
    // Paused: whether a deadline is passed waits for the clock; a met target is dropped.
    const paused = { ...acknowledged, paused: true };
    expect(letterAsItHolds(written, paused, later).targets).toEqual(['followUp']);
  });
});

describe('who a ladder letter names on paper', () => {
  const document = (step: string, action: 'reminder' | 'formal_warning') =>
    ladderLetter(step, action, ['followUp']).document!;

  it('a penegasan: the head, who gets it, with the focal point it is copied to among the copies', () => {
    const penegasan = document('formal_warning', 'formal_warning');
    expect(penegasan.to).toEqual(['Pimpinan Instansi kanwil-bpn-jatim']);
    expect(penegasan.tembusan).toEqual([
      'Pimpinan Instansi atr-bpn',
      ...DEFAULT_DOCUMENT_SETTINGS.tembusan,
    ]);
  });

  it('a reminder: for the attention of the liaisons it goes to, copied to nobody else', () => {
    const reminder = document('reminder_2', 'reminder');
    expect(reminder.to).toEqual(['Pimpinan Instansi kanwil-bpn-jatim', 'u.p. Bagian Umum']);
    expect(reminder.tembusan).toEqual(DEFAULT_DOCUMENT_SETTINGS.tembusan);
  });
});

describe('long texts in a letter', () => {
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  it('are cut between characters, never through one (an emoji at the cut)', () => {
    const c = {
      ...complaint,
      subject: `${'a'.repeat(206)}😀 rusak`,
      description: `${'a'.repeat(3_999)}😀${'b'.repeat(10)}`,
    };
    const document = forwardingLetterDocument({
      case: c,
      assignment: silent,
      agency: parties.agency,
      settings: DEFAULT_DOCUMENT_SETTINGS,
      number: 'B-1/Kemensetneg/D-4/DM.05/03/2026',
      now: new Date('2026-03-16T03:00:00.000Z'),
      attachments: [],
    });
    const summary = document.blocks.find(
      (b) => b.kind === 'paragraph' && b.text.startsWith('aaa'),
    ) as { text: string };
    expect(summary.text).toMatch(/^a{3999}… \(selengkapnya di Pantau\)$/);
    expect(summary.text).not.toMatch(lone);
    const at = afterFollowUp;
    const reminder = (subject: string) =>
      composeLetter({
        event: {
          id: 'reminder_1#1',
          step: 'reminder_1',
          action: 'reminder',
          at: at.toISOString(),
          scheduledAt: at.toISOString(),
          targets: ['followUp'],
          level: 1,
          episode: 1,
        },
        step: DEFAULT_LADDER.find((s) => s.name === 'reminder_1')!,
        steps: DEFAULT_LADDER,
        case: { ...c, subject },
        assignment: silent,
        parties,
        calendar,
      });
    // The e-mail's subject is cut at 250: an emoji whose halves fall either side of it.
    const before = reminder('x').subject.length - 1;
    const letter = reminder(`${'a'.repeat(249 - before)}😀 rusak`);
    expect(letter.subject.length).toBeLessThanOrEqual(250);
    expect(letter.subject).not.toMatch(lone);
  });
});

describe('the date a letter bears', () => {
  /** The penegasan of `assignment` written at `at`, with its PDF document. */
  const penegasanAt = (assignment: typeof silent, at: string) =>
    letterWrite({
      letter: {
        id: 'formal_warning#1',
        step: 'formal_warning',
        action: 'formal_warning',
        at,
        scheduledAt: at,
        targets: ['acknowledge', 'followUp'],
        level: 3,
        episode: 1,
      },
      policy: DEFAULT_POLICY,
      case: complaint,
      assignment,
      parties,
      calendar,
      now: new Date(at),
      document: {
        settings: DEFAULT_DOCUMENT_SETTINGS,
        number: 'B-7/Kemensetneg/D-4/DM.05/04/2026',
      },
    }).notification;
  const dateLine = (n: NotificationRecord) =>
    n.body.split('\n').find((l) => l.startsWith('Tanggal'));

  it('is the working day it goes out, without an hour: a rung written as Friday ends is dated Monday', () => {
    // The DOMAIN.md example's penegasan: due at 00:00 on Saturday 11 April 2026, the instant
    // Friday ends, held in the outbox until Monday 13 April 08:00. It read "Tanggal: 11 April
    // 2026 pukul 00.00 WIB" and, on paper, "Jakarta, 11 April 2026": a Saturday, at midnight.
    const n = penegasanAt(silent, '2026-04-10T17:00:00.000Z');
    expect(dateLine(n)).toBe('Tanggal: 13 April 2026');
    expect(n.document!.placeAndDate).toBe('Jakarta, 13 April 2026');
    expect(n.datedOn).toBe('2026-04-13');
    // Its deadlines keep their hour; late is counted up to its date, as before.
    expect(n.body).toContain('batas waktu 26 Maret 2026 pukul 23.59 WIB, terlambat 11 hari kerja');
  });

  it('in the agency’s zone: 00:00 on Saturday in WIT, Friday 22:00 in Jakarta, is Monday too', () => {
    const papua = { ...silent, timeZone: 'Asia/Jayapura' as const };
    const n = penegasanAt(papua, '2026-04-10T15:00:00.000Z');
    expect(dateLine(n)).toBe('Tanggal: 13 April 2026');
    expect(n.document!.placeAndDate).toBe('Jakarta, 13 April 2026');
  });

  it('the day it is written when it goes that day; after letter hours, or on a holiday, the next working day', () => {
    // 00:00 on Friday 10 April: it goes at 08:00 that day.
    expect(dateLine(penegasanAt(silent, '2026-04-09T17:00:00.000Z'))).toBe(
      'Tanggal: 10 April 2026',
    );
    // Written at 10:00 (a ladder that woke late): it goes at once.
    expect(dateLine(penegasanAt(silent, '2026-04-10T03:00:00.000Z'))).toBe(
      'Tanggal: 10 April 2026',
    );
    // Written at 17:00, after letter hours: it goes on Monday.
    expect(dateLine(penegasanAt(silent, '2026-04-10T10:00:00.000Z'))).toBe(
      'Tanggal: 13 April 2026',
    );
    // 00:00 on Good Friday 3 April: past the holiday and the weekend, Monday 6 April.
    expect(dateLine(penegasanAt(silent, '2026-04-02T17:00:00.000Z'))).toBe('Tanggal: 6 April 2026');
  });

  it('is the date a later letter names it by; one written before letters recorded it, the day it was written', () => {
    const penegasan = {
      ...penegasanAt(silent, '2026-04-10T17:00:00.000Z'),
      status: 'sent' as const,
    };
    const { datedOn: _, ...older } = penegasan;
    const at = '2026-04-17T17:00:00.000Z';
    const intervention = (earlier: NotificationRecord[]) =>
      composeLetter({
        event: {
          id: 'central_intervention#1',
          step: 'central_intervention',
          action: 'central_intervention',
          at,
          scheduledAt: at,
          targets: ['acknowledge'],
          level: 4,
          episode: 1,
        },
        step: DEFAULT_LADDER.find((s) => s.name === 'central_intervention')!,
        steps: DEFAULT_LADDER,
        case: complaint,
        assignment: silent,
        parties,
        calendar,
        earlier,
      }).parts?.opening;
    expect(intervention([penegasan])).toContain('/04/2026 tanggal 13 April 2026 yang');
    expect(intervention([older])).toContain('/04/2026 tanggal 11 April 2026 yang');
  });
});

describe('a held penegasan says by when to act as the ladder counts it when it goes', () => {
  // The DOMAIN.md example's penegasan, written at 00:00 on Saturday 11 April 2026 and held for
  // Monday 08:00: central intervenes from 18 April, after Friday 17 April's end.
  const writtenAt = '2026-04-10T17:00:00.000Z';
  const held = letterWrite({
    letter: {
      id: 'formal_warning#1',
      step: 'formal_warning',
      action: 'formal_warning',
      at: writtenAt,
      scheduledAt: writtenAt,
      targets: ['acknowledge', 'followUp'],
      level: 3,
      episode: 1,
    },
    policy: DEFAULT_POLICY,
    case: complaint,
    assignment: silent,
    parties,
    calendar,
    now: new Date(writtenAt),
    document: { settings: DEFAULT_DOCUMENT_SETTINGS, number: 'B-7/Kemensetneg/D-4/DM.05/04/2026' },
  }).notification;
  const byThen = (date: string) =>
    `Apabila sampai dengan ${date} pukul 23.59 WIB tindak lanjut belum kami terima, ` +
    'Asisten Deputi Pengaduan Masyarakat akan melakukan intervensi langsung atas penanganan pengaduan ini.';
  const paragraphs = (n: NotificationRecord) =>
    n.document!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  /** The ladder as it stands once the penegasan is written (the agency silent). */
  const afterPenegasan = (() => {
    let state = INITIAL_LADDER_STATE;
    let now = new Date(silent.forwardedAt);
    for (;;) {
      const plan = advance(state, { assignment: silent, steps: DEFAULT_LADDER, calendar, now });
      state = plan.state;
      if (plan.letters.some((l) => l.step === 'formal_warning')) return state;
      now = new Date(plan.wakeAt!);
    }
  })();
  /**
   * When that ladder writes the intervention, the assignment and calendar as they are when
   * the letter goes (`now`): the instant after the date to act by.
   */
  const interventionAt = (a: typeof silent, cal: Calendar, now: string) =>
    projectLadder(afterPenegasan, {
      assignment: a,
      steps: DEFAULT_LADDER,
      calendar: cal,
      now: new Date(now),
    }).find((e) => e.step === 'central_intervention')!.at;

  it('a holiday added while it waited (Monday 13 April, cuti bersama): the date moves with the ladder', () => {
    expect(held.body).toContain(byThen('17 April 2026'));
    const withHoliday = new Calendar({
      ...INDONESIAN_HOLIDAYS,
      days: [
        ...INDONESIAN_HOLIDAYS.days,
        { date: '2026-04-13', kind: 'collective_leave', name: 'Cuti bersama' },
      ],
    });
    // The ladder now intervenes after Monday 20 April's end (Tuesday to Monday, five days).
    expect(interventionAt(silent, withHoliday, '2026-04-14T01:05:00.000Z')).toBe(
      '2026-04-20T17:00:00.000Z',
    );
    // Tuesday 14 April 08:05 WIB it goes.
    const going = letterAsItHolds(
      held,
      silent,
      new Date('2026-04-14T01:05:00.000Z'),
      withHoliday,
      afterPenegasan.episode,
      DEFAULT_LADDER,
    );
    expect(going.body).toContain(byThen('20 April 2026'));
    expect(going.body).not.toContain('17 April 2026');
    expect(paragraphs(going)).toContain(
      paragraphs(held)
        .find((p) => p.includes('Apabila'))!
        .replace('17 April', '20 April'),
    );
    // Its number and date as written.
    expect(going).toMatchObject({ letterNumber: held.letterNumber, datedOn: '2026-04-13' });
  });

  it('an extension that leaves the deadline passed: its lines restated, the date the ladder keeps', () => {
    // Monday 07:30 central approves two more working days: acknowledgement due 30 March.
    const extended = { ...silent, due: { ...silent.due, acknowledge: '2026-03-30T16:59:59.999Z' } };
    expect(interventionAt(extended, calendar, '2026-04-13T01:05:00.000Z')).toBe(
      '2026-04-17T17:00:00.000Z',
    );
    const going = letterAsItHolds(
      held,
      extended,
      new Date('2026-04-13T01:05:00.000Z'),
      calendar,
      afterPenegasan.episode,
      DEFAULT_LADDER,
    );
    expect(going.body).toContain('batas waktu 30 Maret 2026 pukul 23.59 WIB');
    expect(going.body).toContain(byThen('17 April 2026'));
    expect(paragraphs(going).some((p) => p.includes(byThen('17 April 2026')))).toBe(true);
  });

  /**
   * The ladder after the penegasan, the clock paused while the letter waited (Monday 13 April
   * 07:30 WIB, the sweep down all day) and, at `resumedAt`, running again: each change looked
   * at as the service re-arms the ladder (`rearmedLadder`: under the assignment before it,
   * then after).
   */
  const pausedWhileHeld = (resumedAt?: string) => {
    const ctx = { steps: DEFAULT_LADDER, calendar };
    const rearmed = (state: LadderState, before: typeof silent, after: typeof silent, at: Date) =>
      observe(observe(state, { ...ctx, assignment: before, now: at }).state, {
        ...ctx,
        assignment: after,
        now: at,
      }).state;
    const pausedAt = new Date('2026-04-13T00:30:00.000Z');
    const paused = pause(silent, 'Menunggu data dari pengadu', 'officer-1', pausedAt);
    const parked = rearmed(afterPenegasan, silent, paused, pausedAt);
    if (!resumedAt) return { assignment: paused, state: parked };
    const running = resume(paused, calendar, new Date(resumedAt), 'pause-1').assignment;
    return {
      assignment: running,
      state: rearmed(parked, paused, running, new Date(resumedAt)),
    };
  };
  /** The date to act by that the ladder keeps: the end of the day before it intervenes. */
  const actBy = (state: LadderState, a: typeof silent, now: string) => {
    const at = projectLadder(state, {
      assignment: a,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date(now),
    }).find((e) => e.step === 'central_intervention')!.at;
    return formatLocal(new Date(Date.parse(at) - 1).toISOString(), a.timeZone).split(' pukul')[0]!;
  };

  it('a pause and resume while it waited: the date moves on by the working day paused, as the ladder’s next rung', () => {
    // Paused Monday 07:30 WIB, resumed Tuesday 07:45 WIB: a working day and a quarter of an
    // hour paused, so the ladder intervenes a working day later (after Monday 20 April's end).
    const { assignment, state } = pausedWhileHeld('2026-04-14T00:45:00.000Z');
    const goesAt = '2026-04-14T01:05:00.000Z'; // Tuesday 08:05 WIB
    expect(actBy(state, assignment, goesAt)).toBe('20 April 2026');
    const going = letterAsItHolds(
      held,
      assignment,
      new Date(goesAt),
      calendar,
      state.episode,
      DEFAULT_LADDER,
    );
    expect(going.body).toContain(byThen(actBy(state, assignment, goesAt)));
    expect(going.body).not.toContain('17 April 2026');
    expect(paragraphs(going).some((p) => p.endsWith(byThen('20 April 2026')))).toBe(true);
    expect(going).toMatchObject({ letterNumber: held.letterNumber, datedOn: '2026-04-13' });
  });

  it('paused still when it goes: the date the ladder keeps were the clock to run again then, never later', () => {
    // Paused since Monday 07:30 WIB, it goes Tuesday 08:05 WIB (a paused letter still goes).
    const goesAt = '2026-04-14T01:05:00.000Z';
    const { assignment, state } = pausedWhileHeld();
    const going = letterAsItHolds(
      held,
      assignment,
      new Date(goesAt),
      calendar,
      state.episode,
      DEFAULT_LADDER,
    );
    // Resumed as it goes: the ladder intervenes after Monday 20 April, the date it names.
    const then = pausedWhileHeld(goesAt);
    expect(actBy(then.state, then.assignment, goesAt)).toBe('20 April 2026');
    expect(going.body).toContain(byThen('20 April 2026'));
    // Resumed later, the ladder intervenes later still: the agency is never told it has longer.
    const later = pausedWhileHeld('2026-04-15T01:05:00.000Z');
    expect(actBy(later.state, later.assignment, '2026-04-15T01:05:00.000Z')).toBe('21 April 2026');
  });

  it('the letter as written when nothing moved', () => {
    expect(
      letterAsItHolds(
        held,
        silent,
        new Date('2026-04-13T01:05:00.000Z'),
        calendar,
        afterPenegasan.episode,
        DEFAULT_LADDER,
      ),
    ).toBe(held);
  });
});

describe('what an intervention tells the agency’s head', () => {
  const CONSOLE = 'https://pantau.example.go.id';
  const intervention = (contact?: { phone?: string; email?: string }, consoleUrl?: string) => {
    const [event] = projectLadder(INITIAL_LADDER_STATE, {
      assignment: silent,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date(silent.forwardedAt),
    }).filter((e) => e.step === 'central_intervention');
    return composeLetter({
      event: event!,
      step: DEFAULT_LADDER.find((s) => s.name === 'central_intervention')!,
      steps: DEFAULT_LADDER,
      case: complaint,
      assignment: silent,
      parties,
      calendar,
      ...(contact ? { unitContact: contact } : {}),
      ...(consoleUrl ? { consoleUrl } : {}),
    });
  };

  // It promised "surat undangan tersendiri": Pantau sends none. Central schedules the activity
  // and the agency reads it in Pantau (its queue's coming activities, the case's page).
  it('that central will invite it to a clarification, its time and place to be seen in Pantau', () => {
    const { body, parts } = intervention();
    const invited =
      'Sehubungan dengan hal tersebut, Asisten Deputi Pengaduan Masyarakat akan mengundang Saudara ' +
      'dalam kegiatan klarifikasi atas penanganan pengaduan ini. Waktu dan tempat pelaksanaannya ' +
      'akan kami sampaikan kemudian dan dapat Saudara lihat melalui Pantau.';
    expect(body).toContain(invited);
    expect(parts?.request).toBe(invited);
    expect(body).not.toMatch(/surat undangan/);
    // With the console's address: the case's page, where the activity shows, named once.
    const linked = intervention(undefined, CONSOLE);
    const where =
      'Waktu dan tempat pelaksanaannya akan kami sampaikan kemudian dan dapat Saudara lihat, ' +
      `beserta perkembangan penanganan pengaduan ini, melalui Pantau (${CONSOLE}/cases/C1).`;
    expect(linked.body).toContain(where);
    expect(linked.parts?.request).toContain(where);
    expect(linked.body.match(/Pantau/g)).toHaveLength(1);
  });

  it('whom to contact meanwhile: the unit’s telephone and e-mail in its document settings', () => {
    const { body, parts } = intervention({ phone: '(021) 3845627', email: 'dumas@setneg.go.id' });
    const contact =
      'Sementara itu, Saudara dapat menghubungi Asisten Deputi Pengaduan ' +
      'Masyarakat melalui telepon (021) 3845627 atau pos-el dumas@setneg.go.id.';
    expect(body).toContain(contact);
    expect(parts?.request).toContain(contact);
    expect(intervention({ email: 'dumas@setneg.go.id' }).body).toContain(
      'Saudara dapat menghubungi Asisten Deputi Pengaduan Masyarakat melalui pos-el dumas@setneg.go.id.',
    );
  });

  it('as the ladder writes it: the contact read from the document settings’ letterhead, in its e-mail and its PDF', () => {
    const [event] = projectLadder(INITIAL_LADDER_STATE, {
      assignment: silent,
      steps: DEFAULT_LADDER,
      calendar,
      now: new Date(silent.forwardedAt),
    }).filter((e) => e.step === 'central_intervention');
    const settings = {
      ...DEFAULT_DOCUMENT_SETTINGS,
      letterhead: { ...DEFAULT_DOCUMENT_SETTINGS.letterhead, phone: '(021) 3845627' },
    };
    const { notification } = letterWrite({
      letter: event!,
      policy: DEFAULT_POLICY,
      case: complaint,
      assignment: silent,
      parties,
      calendar,
      now: new Date(event!.at),
      document: { settings, number: 'B-9/Kemensetneg/D-4/DM.05/04/2026' },
    });
    const contact =
      'Saudara dapat menghubungi Asisten Deputi Pengaduan Masyarakat melalui telepon (021) 3845627.';
    expect(notification.body).toContain(contact);
    expect(
      notification.document!.blocks.some((b) => b.kind === 'paragraph' && b.text.endsWith(contact)),
    ).toBe(true);
  });

  it('no sentence about contacting the unit when its settings name no contact', () => {
    for (const contact of [undefined, {}]) {
      const { body } = intervention(contact);
      expect(body).not.toContain('menghubungi');
      expect(body).not.toMatch(/telepon|pos-el/i);
    }
  });
});

describe('who an invitation letter goes to', () => {
  it('the agency’s liaisons, its head copied; not its focal point nor central, whatever a step says', () => {
    const step = { recipients: ['central' as const], cc: ['focal_point' as const] };
    expect(letterAddresses('invitation', step, parties)).toEqual({
      to: ['umum@kanwil-jatim.example.go.id'],
      cc: ['kakanwil@kanwil-jatim.example.go.id'],
    });
    // The forwarding letter, for comparison: the liaisons alone.
    expect(letterAddresses('forwarding', step, parties)).toEqual({
      to: ['umum@kanwil-jatim.example.go.id'],
      cc: [],
    });
  });
});
