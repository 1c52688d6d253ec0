/**
 * The console's words for timeline events as older releases stored them (their data as the
 * named commit wrote it: `git show <commit>:packages/core/src/service.ts`): events are never
 * rewritten, so a case's history shows them as they are. None may throw, show a raw code or an
 * id. (Audit s25, second round: no event type was ever renamed or removed; fields only added.)
 */
import { describe, expect, it } from 'vitest';
import type { Schemas } from './api/client';
import { translator } from './i18n/i18n';
import { describeEvent } from './timeline';

const event = (type: string, data: Record<string, unknown>, agencyId: string | null = 'polri') =>
  ({
    id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    at: '2026-11-24T03:00:00.000Z',
    type,
    actor: { sub: 'o1', agency: 'setneg', role: 'central_officer' },
    agencyId,
    data,
  }) as Schemas['TimelineEvent'];

const t = translator('id');
const names: Record<string, string> = { polri: 'Kepolisian Negara RI', pln: 'PT PLN (Persero)' };
const describe_ = (e: Schemas['TimelineEvent']) =>
  describeEvent(
    e,
    t,
    (id) => names[id] ?? '(tidak dikenal)',
    (iso) => `<${iso.slice(0, 10)}>`,
  );

/** A raw code (snake_case, a ULID, an agency id) where a person reads words. */
const RAW = /\b[a-z]+_[a-z_]+\b|\b[0-9A-HJKMNP-TV-Z]{26}\b|\bpolri\b|\bpln\b/;

describe('timeline events older releases stored, as the console describes them', () => {
  const older: [string, Schemas['TimelineEvent'], string[]][] = [
    // fda3360 (11-23): registration, verification, forwarding, an answer, a redirect.
    [
      'case_registered fda3360',
      event('case_registered', { channel: 'social_media', subject: 'x' }, null),
      ['Media sosial'],
    ],
    [
      'case_verified fda3360',
      event('case_verified', { type: 'normative', category: null }, null),
      [],
    ],
    [
      'assignment_forwarded fda3360',
      event('assignment_forwarded', { generation: 1, due: {}, timeZone: 'Asia/Jakarta' }),
      [],
    ],
    [
      'assignment_redirected fda3360',
      event('assignment_redirected', { reason: 'Bukan wewenang', suggestedAgencyId: 'pln' }),
      [],
    ],
    ['case_closed fda3360', event('case_closed', { outcome: 'unresolved' }, null), []],
    // b8c859d..1e6f0f2 (11-23..11-29): an escalation step without an episode.
    [
      'escalation_step b8c859d',
      event('escalation_step', {
        step: 'formal_warning',
        action: 'formal_warning',
        targets: ['followUp', 'resolution'],
        scheduledAt: '2026-11-25T17:00:00.001Z',
        notificationId: '01JBBBBBBBBBBBBBBBBBBBBBBB',
      }),
      [],
    ],
    // b6077ef (11-23): an approval before `dueBefore`/`due` were recorded on it.
    [
      'extension_approved b6077ef',
      event('extension_approved', { requestId: '01JCCCCCCCCCCCCCCCCCCCCCCC', workingDays: 5 }),
      [],
    ],
    [
      'deadlines_recomputed b6077ef',
      event('deadlines_recomputed', {
        calendarId: 'id-national',
        before: { acknowledge: '2026-11-26T16:59:59.999Z' },
        after: { acknowledge: '2026-11-27T16:59:59.999Z' },
      }),
      [],
    ],
    // 2b10edd (11-23): a delegation; a take-back (memberId null).
    [
      'assignment_delegated 2b10edd',
      event('assignment_delegated', { memberId: 'pln', note: null }),
      [],
    ],
    [
      'assignment_delegated take-back 2b10edd',
      event('assignment_delegated', { memberId: null, note: null }),
      [],
    ],
  ];
  it.each(older)('%s: words only', (_name, e, contains) => {
    const lines = describe_(e);
    for (const line of lines) expect(line).not.toMatch(RAW);
    for (const c of contains) expect(lines.join(' | ')).toContain(c);
  });
});

describe('why a case closed, and why a close withdrew an assignment, in the reader’s words', () => {
  const en = translator('en');
  const inEnglish = (e: Schemas['TimelineEvent']) =>
    describeEvent(
      e,
      en,
      (id) => names[id] ?? '(unknown)',
      (iso) => `<${iso.slice(0, 10)}>`,
    );

  it('says the reply window ended in silence, from its code (or the English reason it once wrote)', () => {
    const coded = event(
      'case_closed',
      {
        outcome: 'resolved',
        code: 'closed_unanswered',
        reason: 'Tidak ada tanggapan pengadu dalam jangka waktu',
      },
      null,
    );
    const older = event(
      'case_closed',
      { outcome: 'resolved', reason: 'no reply within the reply window' },
      null,
    );
    for (const e of [coded, older]) {
      expect(describe_(e)).toEqual([
        'Terselesaikan',
        'Pengadu tidak menanggapi sampai batas tanggapannya berakhir; ditutup otomatis.',
      ]);
      expect(inEnglish(e)).toEqual([
        'Resolved',
        'The complainant did not reply before their reply window ended; closed automatically.',
      ]);
    }
  });

  it('says the complainant was satisfied, from its code', () => {
    const e = {
      ...event(
        'case_closed',
        { outcome: 'resolved', code: 'closed_satisfied', reason: 'Pengadu menyatakan puas' },
        null,
      ),
      actor: { complainant: true as const },
    };
    expect(describe_(e)).toEqual([
      'Terselesaikan',
      'Pengadu menyatakan puas atas jawaban instansi.',
    ]);
    expect(inEnglish(e)).toEqual([
      'Resolved',
      'The complainant said they were satisfied with the agencies’ answers.',
    ]);
  });

  it('says an assignment was withdrawn because central closed the case, and how', () => {
    const e = event('assignment_withdrawn', {
      code: 'closed_by_central',
      outcome: 'unresolved',
      reason: 'Pengaduan ditutup (Tidak terselesaikan)',
    });
    expect(describe_(e)).toEqual([
      'Pengaduan ditutup oleh Asdep Pengaduan Masyarakat: Tidak terselesaikan',
    ]);
    expect(inEnglish(e)).toEqual([
      'The complaint unit (Asdep Pengaduan Masyarakat) closed the case: Unresolved',
    ]);
    // One central withdrew on its own says central's reason, as before.
    expect(describe_(event('assignment_withdrawn', { reason: 'Salah instansi' }))).toEqual([
      '“Salah instansi”',
    ]);
  });
});
