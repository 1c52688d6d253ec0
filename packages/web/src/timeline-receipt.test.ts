/**
 * Central's record that an e-mail complainant's receipt went (`mail_receipt_sent`): a heading
 * and a sentence, in Indonesian and English, never the address, the code or an id.
 */
import { describe, expect, it } from 'vitest';
import type { Schemas } from './api/client';
import { labelOf, translator } from './i18n/i18n';
import { describeEvent } from './timeline';

const receiptSent = {
  id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  caseId: '01JBBBBBBBBBBBBBBBBBBBBBBB',
  at: '2026-08-03T03:00:00.000Z',
  type: 'mail_receipt_sent',
  actor: { system: 'intake' },
  agencyId: null,
  data: {},
} as Schemas['TimelineEvent'];

const words = (lang: 'id' | 'en') =>
  describeEvent(
    receiptSent,
    translator(lang),
    () => 'Sekretariat Negara',
    (iso) => iso,
  );

describe('an e-mail complainant’s receipt on the timeline', () => {
  it('says in Indonesian that the agenda number and tracking code were e-mailed to the sender', () => {
    expect(labelOf(translator('id'), 'event', 'mail_receipt_sent')).toBe(
      'Tanda terima dikirim ke pengadu',
    );
    expect(words('id')).toEqual([
      'Nomor agenda, batas waktu verifikasi dan kode lacak dikirim lewat surel ke alamat pengirim pengaduan ini',
    ]);
  });

  it('has English words too, and no key or id shows', () => {
    expect(labelOf(translator('en'), 'event', 'mail_receipt_sent')).toBe(
      'Receipt sent to the complainant',
    );
    const all = [...words('id'), ...words('en')].join(' ');
    expect(all).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[0-9A-HJKMNP-TV-Z]{26}\b|timeline\./);
  });
});
