import { describe, expect, it } from 'vitest';
import { canRead, receivedAttachment } from './attachments.ts';

const received = (name: string, contentType: string) =>
  receivedAttachment({
    id: '01J0000000000000000000000A',
    caseId: 'C1',
    name,
    contentType,
    sniffed: { mime: contentType, size: 10, sha256: 'ab' },
    // As a record made visible before such a change was refused would read.
    visibility: 'agencies',
    uploadedBy: { sub: 'intake:mail', agency: 'setneg' },
    now: new Date('2026-08-03T03:00:00.000Z'),
  });

describe('canRead: a case’s original e-mail', () => {
  const agency = { central: false, agencies: new Set(['polri']) } as const;

  it('is never an agency’s, whatever its record’s visibility says', () => {
    expect(canRead(received('surel-asli.eml', 'message/rfc822'), agency, [])).toBe(false);
    expect(canRead(received('surel-asli.eml', 'message/rfc822'), { central: true }, [])).toBe(true);
  });

  it('leaves the case’s other files to their visibility', () => {
    expect(canRead(received('ktp.pdf', 'application/pdf'), agency, [])).toBe(true);
  });
});
