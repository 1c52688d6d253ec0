/**
 * The Indonesian words for the codes people read: in letters, PDFs and spreadsheets. One
 * table per code, the console's wording (packages/web/src/i18n/messages.ts, `status.*`,
 * `channel.*`, `type.*`, `outcome.*`), so a case reads the same on screen and on paper.
 */
import type { CaseRecord, CaseStatus } from './case.ts';
import type { ActivityKind } from './activity.ts';
import type { AssignmentState } from './assignment.ts';
import type { LetterAction } from './notification.ts';
import type { ComplaintType, Target } from './policy.ts';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: 'Diterima',
  needs_info: 'Perlu kelengkapan',
  verified: 'Terverifikasi',
  rejected: 'Ditolak',
  forwarded: 'Diteruskan',
  in_follow_up: 'Ditindaklanjuti',
  resolved: 'Selesai',
  reopened: 'Dibuka kembali',
  closed: 'Ditutup',
};

export const CHANNEL_LABELS: Record<CaseRecord['channel'], string> = {
  letter: 'Surat',
  email: 'Surel',
  walk_in: 'Datang langsung',
  lapor: 'SP4N-LAPOR!',
  social_media: 'Media sosial',
  web: 'Formulir pengaduan daring',
  other: 'Lainnya',
};

export const COMPLAINT_TYPE_LABELS: Record<ComplaintType, string> = {
  light: 'Ringan',
  normative: 'Normatif',
  examination: 'Pemeriksaan',
};

export const OUTCOME_LABELS: Record<NonNullable<CaseRecord['closure']>['outcome'], string> = {
  resolved: 'Terselesaikan',
  unresolved: 'Tidak terselesaikan',
  withdrawn: 'Dicabut',
};

/** An assignment's state as the console names it (`state.*`). */
export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  pending: 'Menunggu',
  acknowledged: 'Diterima instansi',
  responded: 'Ditanggapi',
  completed: 'Tuntas',
  redirected: 'Bukan kewenangan',
  withdrawn: 'Ditarik',
};

/** A paused assignment's clock, as the console's badge beside its state says it. */
export const PAUSED_LABEL = 'Dihentikan sementara';

/**
 * The ladder's rung an overdue assignment reached, as the console names it (`level.*`): the
 * default policy's rungs, a rung past them by its number.
 */
export const levelLabel = (level: number): string =>
  (
    ({
      1: 'Surat pengingat I',
      2: 'Surat pengingat II',
      3: 'Surat penegasan',
      4: 'Intervensi pusat',
    }) as Record<number, string>
  )[level] ?? `Tingkat ${level}`;

/** The targets as a letter's sentence names them ("batas waktu konfirmasi penerimaan …"). */
export const TARGET_LABELS: Record<Target, string> = {
  acknowledge: 'konfirmasi penerimaan pengaduan',
  followUp: 'laporan tindak lanjut awal',
  resolution: 'laporan penyelesaian tindak lanjut',
};

/** An activity's kind as the console names it (`activity.*`): "Mediasi", "Gelar kasus". */
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  initial_evaluation: 'Evaluasi awal',
  clarification: 'Klarifikasi',
  confirmation: 'Konfirmasi',
  coordination: 'Koordinasi',
  mediation: 'Mediasi',
  investigation: 'Investigasi',
  case_conference: 'Gelar kasus',
};

/** A yes/no cell or field. */
export const yesNo = (value: boolean): string => (value ? 'Ya' : 'Tidak');

/**
 * Sifat: how soon a letter asks to be dealt with, the word of its head block (Tata Naskah
 * Dinas: Nomor, Sifat, Lampiran, Hal) a records clerk routes it by.
 */
export type LetterUrgency = 'Biasa' | 'Segera' | 'Sangat Segera';

/**
 * A letter's Sifat by what it does, whatever the policy names its rungs: the forwarding letter
 * and the warning before a deadline are `Biasa`; a reminder, written once a deadline has
 * passed, `Segera`; a penegasan (the last rung before central steps in, copied to the head in
 * the default policy) and central's intervention `Sangat Segera`. An invitation to an activity
 * (and its new date, its cancellation) `Segera`: it names a day the agency must keep.
 */
export const LETTER_URGENCY: Record<LetterAction, LetterUrgency> = {
  forwarding: 'Biasa',
  invitation: 'Segera',
  warning: 'Biasa',
  reminder: 'Segera',
  formal_warning: 'Sangat Segera',
  central_intervention: 'Sangat Segera',
};
