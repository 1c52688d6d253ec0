import type { DocumentSettings } from '../schemas/documents.ts';

/**
 * Document settings as stored, read as they were saved: the rules check what an admin sends
 * (`DocumentSettingsBody`), and refusing settings saved before a rule existed (before 37f1922,
 * half of a UTF-16 pair from a script's JSON) would throw on every letter and registration; the
 * admin corrects them on the next save, where the rule applies. Without zod, so that the
 * functions that write letters load none; only the settings' own fields, nothing else the item
 * may carry.
 */
export function storedDocumentSettings(stored: DocumentSettings): DocumentSettings {
  const { letterhead, signatory } = stored;
  return {
    agendaNumberPattern: stored.agendaNumberPattern,
    letterNumberPattern: stored.letterNumberPattern,
    letterhead: {
      ministry: letterhead.ministry,
      unit: letterhead.unit,
      address: letterhead.address,
      city: letterhead.city,
      ...(letterhead.phone === undefined ? {} : { phone: letterhead.phone }),
      ...(letterhead.email === undefined ? {} : { email: letterhead.email }),
    },
    signatory: { name: signatory.name, position: signatory.position, nip: signatory.nip },
    tembusan: [...stored.tembusan],
    version: stored.version,
    updatedAt: stored.updatedAt,
  };
}
