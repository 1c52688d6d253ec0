/**
 * Central's record of who shared a file with the agencies, or took it back: a sentence naming
 * the file and which way it went, never a code or the attachment's id.
 */
import { describe, expect, it } from 'vitest';
import type { Schemas } from './api/client';
import { labelOf, translator } from './i18n/i18n';
import { describeEvent } from './timeline';

const changed = (from: string, to: string) =>
  ({
    id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
    caseId: '01JBBBBBBBBBBBBBBBBBBBBBBB',
    at: '2026-11-24T03:00:00.000Z',
    type: 'attachment_visibility_changed',
    actor: { sub: 'o1', agency: 'setneg', role: 'central_officer' },
    agencyId: null,
    data: { attachmentId: '01JCCCCCCCCCCCCCCCCCCCCCCC', name: 'ktp.pdf', from, to },
  }) as Schemas['TimelineEvent'];

const words = (lang: 'id' | 'en', e: Schemas['TimelineEvent']) =>
  describeEvent(
    e,
    translator(lang),
    () => 'Sekretariat Negara',
    (iso) => iso,
  );

describe('an attachment’s visibility change on the timeline', () => {
  it('says in Indonesian which file was shared with the agencies, or taken back', () => {
    expect(words('id', changed('central', 'agencies'))).toEqual([
      'Lampiran “ktp.pdf” dibuka untuk instansi',
    ]);
    expect(words('id', changed('agencies', 'central'))).toEqual([
      'Lampiran “ktp.pdf” dikembalikan hanya untuk pusat',
    ]);
    expect(labelOf(translator('id'), 'event', 'attachment_visibility_changed')).toBe(
      'Akses lampiran diubah',
    );
  });

  it('has English words too, and never shows a code or an id', () => {
    expect(words('en', changed('central', 'agencies'))).toEqual([
      'File “ktp.pdf” shared with the agencies',
    ]);
    const all = [
      ...words('id', changed('agencies', 'central')),
      ...words('en', changed('agencies', 'central')),
    ].join(' ');
    expect(all).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[0-9A-HJKMNP-TV-Z]{26}\b/);
  });
});
