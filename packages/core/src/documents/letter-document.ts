/**
 * Letters as documents: what a PDF letter says, as data. Pure: the `@pantau/documents` package
 * lays it out on A4 pages (letterhead, number, date, addressee, body, signatory, tembusan).
 * The forwarding letter (surat penerusan), the ladder's letters and the walk-in receipt are
 * built here, in Indonesian; the complainant's identity only when it is not hidden.
 */
import type { AssignmentRecord } from '../assignment.ts';
import { localDate, type TimeZone } from '../calendar.ts';
import { agendaOf, type CaseRecord } from '../case.ts';
import { descriptionForAgencies } from '../case-view.ts';
import { CHANNEL_LABELS, LETTER_URGENCY, type LetterUrgency, TARGET_LABELS } from '../labels.ts';
import { formatLocal, indonesianDate } from '../date-words.ts';
import {
  addressedTo,
  capitalise,
  ladderAddressee,
  type Letter,
  throughPantau,
} from '../letters.ts';
import { type LadderStep, TARGETS } from '../policy.ts';
import type { Agency } from '../schemas.ts';
import type { DocumentSettings } from '../schemas/documents.ts';
import { cutText } from '../text.ts';

export type LetterBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'qr'; readonly data: string; readonly caption: string };

export interface LetterDocument {
  readonly kind: 'forwarding' | 'ladder' | 'receipt' | 'invitation';
  /** A centred title under the letterhead (the receipt's), instead of number/addressee. */
  readonly title: string | null;
  readonly letterhead: DocumentSettings['letterhead'];
  readonly number: string;
  /** "Jakarta, 16 Maret 2026". */
  readonly placeAndDate: string;
  /**
   * Sifat (`LETTER_URGENCY`). Absent on a letter written before it, printed without the line;
   * the receipt has no head block.
   */
  readonly urgency?: LetterUrgency;
  /** Lampiran: how many files go with it, or null (printed "-"). */
  readonly enclosures: string | null;
  /** Hal (perihal). */
  readonly subject: string;
  /** Yth. lines. */
  readonly to: readonly string[];
  readonly blocks: readonly LetterBlock[];
  readonly signatory: DocumentSettings['signatory'] | null;
  readonly tembusan: readonly string[];
}

/** The defaults until a central admin saves the unit's own (`PUT /v1/settings/documents`). */
export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  agendaNumberPattern: '{seq}/DUMAS/{month-roman}/{year}',
  letterNumberPattern: 'B-{seq}/Kemensetneg/D-4/DM.05/{month}/{year}',
  letterhead: {
    ministry: 'KEMENTERIAN SEKRETARIAT NEGARA REPUBLIK INDONESIA',
    unit: 'Asisten Deputi Pengaduan Masyarakat',
    address: 'Jalan Veteran Nomor 17–18, Jakarta Pusat 10110',
    city: 'Jakarta',
  },
  signatory: {
    name: 'Nama Pejabat Penandatangan',
    position: 'Asisten Deputi Pengaduan Masyarakat',
    nip: '19700101 199503 1 001',
  },
  tembusan: ['Deputi Bidang Hubungan Kelembagaan dan Kemasyarakatan'],
  version: 0,
  updatedAt: null,
};

const placeAndDate = (settings: DocumentSettings, at: Date, tz: TimeZone) =>
  `${settings.letterhead.city}, ${indonesianDate(localDate(at, tz))}`;

/** The summary an agency reads: long descriptions are cut (the whole text is in Pantau). */
const SUMMARY_MAX = 4_000;
const summaryOf = (text: string) =>
  text.length <= SUMMARY_MAX ? text : `${cutText(text, SUMMARY_MAX)}… (selengkapnya di Pantau)`;

/** Who complained, as an agency may read it: withheld when the identity is hidden. */
const complainantLine = (c: CaseRecord) =>
  c.complainant === null
    ? 'Pengadu tidak menyebutkan identitas (anonim)'
    : c.identityHidden
      ? 'Identitas pengadu dirahasiakan (Pasal 42 UU Nomor 25 Tahun 2009)'
      : [c.complainant.name, c.complainant.address].filter(Boolean).join(', ');

/**
 * The forwarding letter (surat penerusan) to one agency: the agenda number, the complaint's
 * summary (identity withheld when hidden), central's instructions, the three deadlines, and
 * the attachments the agency may download.
 */
export function forwardingLetterDocument(input: {
  case: CaseRecord;
  assignment: AssignmentRecord;
  agency: Agency;
  settings: DocumentSettings;
  number: string;
  now: Date;
  /** Names of the attachments the agency may read. */
  attachments: readonly string[];
  /** The console's address: "melalui Pantau" names the case's page there (`caseLink`). */
  consoleUrl?: string | undefined;
}): LetterDocument {
  const { case: c, assignment: a, agency, settings } = input;
  const agenda = agendaOf(c);
  const pantau = throughPantau(input.consoleUrl, c.id);
  // A hidden identity keeps the incoming letter's number and date too: they name who wrote it.
  const incoming =
    c.letter && !c.identityHidden
      ? `surat nomor ${c.letter.number} tanggal ${indonesianDate(c.letter.date)} dari ${c.letter.sender}`
      : `pengaduan melalui saluran ${c.channel === 'lapor' ? CHANNEL_LABELS.lapor : CHANNEL_LABELS[c.channel].toLowerCase()}`;
  return {
    kind: 'forwarding',
    title: null,
    letterhead: settings.letterhead,
    number: input.number,
    placeAndDate: placeAndDate(settings, input.now, 'Asia/Jakarta'),
    urgency: LETTER_URGENCY.forwarding,
    enclosures: input.attachments.length > 0 ? `${input.attachments.length} berkas` : null,
    subject: 'Penerusan Pengaduan Masyarakat',
    to: addressedTo(agency, false),
    blocks: [
      {
        kind: 'paragraph',
        text: `Bersama ini kami teruskan ${incoming}, yang kami terima pada ${indonesianDate(
          localDate(new Date(c.receivedAt), 'Asia/Jakarta'),
        )} dan kami catat dengan nomor agenda ${agenda}, untuk ditindaklanjuti sesuai dengan kewenangan Saudara.`,
      },
      {
        kind: 'fields',
        rows: [
          ['Nomor agenda', agenda],
          ['Pokok pengaduan', c.subject],
          ['Pengadu', complainantLine(c)],
          ...(c.respondent ? [['Terlapor', c.respondent] as const] : []),
          ...(c.location?.province || c.location?.regency
            ? [
                [
                  'Lokasi',
                  [c.location.regency, c.location.province].filter(Boolean).join(', '),
                ] as const,
              ]
            : []),
        ],
      },
      { kind: 'heading', text: 'Ringkasan pengaduan' },
      { kind: 'paragraph', text: summaryOf(descriptionForAgencies(c)) },
      { kind: 'heading', text: 'Arahan' },
      { kind: 'paragraph', text: a.instructions ?? 'Mohon ditindaklanjuti sesuai ketentuan.' },
      { kind: 'heading', text: 'Batas waktu' },
      {
        kind: 'list',
        items: TARGETS.map(
          (t) => `${capitalise(TARGET_LABELS[t])}: ${formatLocal(a.due[t], a.timeZone)}`,
        ),
      },
      ...(input.attachments.length > 0
        ? ([
            { kind: 'heading', text: 'Lampiran' },
            { kind: 'list', items: input.attachments },
            {
              kind: 'paragraph',
              text: `Lampiran dapat diunduh ${pantau}, pada halaman pengaduan nomor agenda ${agenda}, dengan akun ${agency.name}.`,
            },
          ] as const)
        : []),
      {
        kind: 'paragraph',
        text: `Tindak lanjut mohon disampaikan ${pantau} sebelum batas waktu di atas. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.`,
      },
    ],
    signatory: settings.signatory,
    tembusan: settings.tembusan,
  };
}

/**
 * A ladder letter (peringatan dini, pengingat, penegasan, intervensi) as a document. With its
 * `step`, the letter says who the step sends it to: "u.p." the liaisons unless the head gets it
 * too (a penegasan is copied to the head: that is what makes it one), and the focal point it
 * is copied to, by name, first among the copies (tembusan); and its Sifat, by the step's
 * action (`LETTER_URGENCY`).
 */
export function ladderLetterDocument(input: {
  letter: Letter;
  case: CaseRecord;
  assignment: AssignmentRecord;
  agency: Agency;
  settings: DocumentSettings;
  number: string;
  now: Date;
  step?: Pick<LadderStep, 'recipients' | 'cc' | 'action'>;
  focalPoint?: Agency | undefined;
}): LetterDocument {
  const { letter, case: c, assignment: a, settings } = input;
  const sent = input.step ? [...input.step.recipients, ...input.step.cc] : [];
  const parts = letter.parts ?? {
    title: letter.subject,
    opening: letter.body,
    lines: [],
    request: '',
  };
  return {
    kind: 'ladder',
    title: null,
    letterhead: settings.letterhead,
    number: input.number,
    // Dated as its e-mail: the working day it goes out (`letterDateOf`), in the agency's zone,
    // as its deadlines in the letter are. A rung written at 00:00 WITA is 23:00 in Jakarta the
    // day before, and a letter dated on its deadline's own day that says the deadline is a day
    // late contradicts itself; one written at 00:00 on Saturday was dated that Saturday.
    placeAndDate: letter.datedOn
      ? `${settings.letterhead.city}, ${indonesianDate(letter.datedOn)}`
      : placeAndDate(settings, input.now, a.timeZone),
    ...(input.step ? { urgency: LETTER_URGENCY[input.step.action] } : {}),
    enclosures: null,
    subject: `${parts.title} atas Pengaduan Masyarakat`,
    to: input.step ? ladderAddressee(input.agency, input.step) : [`Pimpinan ${input.agency.name}`],
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Nomor agenda', agendaOf(c)],
          ['Pokok pengaduan', c.subject],
          ['Diteruskan pada', formatLocal(a.forwardedAt, a.timeZone)],
        ],
      },
      { kind: 'paragraph', text: parts.opening },
      { kind: 'list', items: parts.lines.map((l) => l.replace(/^- /, '')) },
      ...(parts.request ? [{ kind: 'paragraph' as const, text: parts.request }] : []),
    ],
    signatory: settings.signatory,
    tembusan: [
      ...(sent.includes('focal_point') && input.focalPoint
        ? [`Pimpinan ${input.focalPoint.name}`]
        : []),
      ...settings.tembusan,
    ],
  };
}

/** The receipt's signature: the space to sign in, then name and NIP written in by hand. */
const RECEIVING_OFFICER: LetterDocument['signatory'] = {
  position: 'Petugas penerima',
  name: `(${'.'.repeat(48)})`,
  nip: '.'.repeat(40),
};

/**
 * The walk-in receipt (tanda terima pengaduan) the complainant takes home: the agenda number
 * and tracking code, the date, the subject, a QR code of the tracking page with the code in
 * the URL's fragment (which browsers never send), how to follow the case, and the receiving
 * officer's signature.
 */
export function receiptDocument(input: {
  case: CaseRecord;
  settings: DocumentSettings;
  /** The tracking page, e.g. `https://pantau.example.go.id/track`. */
  trackingUrl: string;
}): LetterDocument {
  const { case: c, settings } = input;
  const received = new Date(c.receivedAt);
  const link = `${input.trackingUrl}#${c.trackingCode}`;
  return {
    kind: 'receipt',
    title: 'TANDA TERIMA PENGADUAN',
    letterhead: settings.letterhead,
    number: agendaOf(c),
    placeAndDate: placeAndDate(settings, received, 'Asia/Jakarta'),
    enclosures: null,
    subject: c.subject,
    to: [],
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['Nomor agenda', agendaOf(c)],
          ['Kode lacak', c.trackingCode],
          ['Tanggal diterima', formatLocal(c.receivedAt, 'Asia/Jakarta')],
          ['Saluran', CHANNEL_LABELS[c.channel]],
          ['Diterima dari', c.complainant?.name ?? 'Anonim'],
          ['Perihal', c.subject],
          ...(c.letter
            ? [
                [
                  'Surat',
                  `Nomor ${c.letter.number} tanggal ${indonesianDate(c.letter.date)}`,
                ] as const,
              ]
            : []),
        ],
      },
      { kind: 'heading', text: 'Cara mengikuti perkembangan pengaduan' },
      {
        kind: 'list',
        items: [
          `Pindai kode QR di bawah ini, atau buka ${input.trackingUrl} dan masukkan kode lacak ${c.trackingCode}.`,
          'Halaman tersebut menampilkan status pengaduan dan jawaban instansi terkait; setelah jawaban akhir, Saudara dapat menyatakan puas atau belum puas.',
          'Simpan kode lacak ini dan jangan berikan kepada orang lain: siapa pun yang memegangnya dapat menanggapi atas nama Saudara.',
          `Sebutkan nomor agenda ${agendaOf(c)} bila menghubungi ${settings.letterhead.unit}.`,
        ],
      },
      { kind: 'qr', data: link, caption: 'Pindai untuk melacak pengaduan' },
    ],
    // Signed at the counter by the officer who received it, who writes their name and NIP
    // by hand: a receipt nobody signed is a printout (Pantau knows officers by sign-in only).
    signatory: RECEIVING_OFFICER,
    tembusan: [],
  };
}
