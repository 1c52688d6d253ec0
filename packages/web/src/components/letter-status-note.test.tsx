import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { renderWith } from '../../test/render';
import { LetterStatusNote } from './document-links';

const queued: Schemas['Notification'] = {
  id: 'n1',
  caseId: 'c1',
  agencyId: 'bulog',
  target: 'followUp',
  targets: ['followUp'],
  step: 'reminder_1',
  action: 'reminder',
  channel: 'email',
  recipients: ['humas@bulog.invalid'],
  cc: [],
  status: 'pending',
  subject: 'Pengingat',
  body: 'Isi surat',
  scheduledAt: '2026-03-30T00:00:00.000Z',
  createdAt: '2026-03-30T00:00:00.000Z',
  sentAt: null,
  attempts: 0,
  lastError: null,
  failure: null,
  refused: null,
  letterNumber: null,
  datedOn: null,
  pdf: true,
  sendsAt: '2026-03-30T01:00:00.000Z',
  cancelled: null,
  handled: null,
};

describe('what a queued letter’s badge does not say', () => {
  it('a letter never tried: when it goes', () => {
    const { container } = renderWith(<LetterStatusNote letter={queued} zone="Asia/Jakarta" />);
    expect(container.textContent).toBe(' · akan dikirim mulai 30 Mar 2026, 08.00 WIB');
  });

  it('a letter the mailer refused, waiting for its retry: that it was refused, why, and when it is tried again', () => {
    const { container } = renderWith(
      <LetterStatusNote
        letter={{
          ...queued,
          attempts: 2,
          lastError: '550 5.1.2 no such domain',
          refused: 'address_refused',
          sendsAt: '2026-03-30T01:30:00.000Z',
        }}
        zone="Asia/Makassar"
      />,
    );
    expect(container.textContent).toBe(
      ' · ditolak: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada); dicoba lagi 30 Mar 2026, 09.30 WITA',
    );
  });
});
