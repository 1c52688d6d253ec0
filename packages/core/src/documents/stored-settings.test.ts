import { describe, expect, it } from 'vitest';
import { type DocumentSettings, DocumentSettingsSchema } from '../schemas/documents.ts';
import { DEFAULT_DOCUMENT_SETTINGS } from './letter-document.ts';
import { storedDocumentSettings } from './stored-settings.ts';

const saved: DocumentSettings = {
  ...DEFAULT_DOCUMENT_SETTINGS,
  letterhead: {
    ...DEFAULT_DOCUMENT_SETTINGS.letterhead,
    phone: '(021) 3845627',
    email: 'asdep.dumas@setneg.go.id',
  },
  version: 3,
  updatedAt: '2026-03-16T03:00:00.000Z',
};

describe('document settings as stored, read without zod', () => {
  it('reads what the contract saved as it was saved, and only the settings’ fields', () => {
    const item = { ...saved, entity: 'document_settings', extra: 1 } as DocumentSettings;
    expect(storedDocumentSettings(item)).toEqual(saved);
    expect(Object.keys(storedDocumentSettings(item)).sort()).toEqual(Object.keys(saved).sort());
    expect(DocumentSettingsSchema.parse(storedDocumentSettings(item))).toEqual(saved);
  });

  it('leaves out a telephone and an e-mail the unit never gave (absent, not undefined)', () => {
    const { phone: _phone, email: _email, ...letterhead } = saved.letterhead;
    const read = storedDocumentSettings({ ...saved, letterhead });
    expect(Object.keys(read.letterhead).sort()).toEqual(['address', 'city', 'ministry', 'unit']);
  });

  it('reads settings saved before a rule existed instead of refusing every letter', () => {
    // Half of a UTF-16 pair, from a script's JSON before 37f1922: the next save corrects it.
    const before = { ...saved, letterhead: { ...saved.letterhead, unit: 'Asdep \ud800' } };
    expect(DocumentSettingsSchema.safeParse(before).success).toBe(false);
    expect(storedDocumentSettings(before).letterhead.unit).toBe('Asdep \ud800');
  });
});
