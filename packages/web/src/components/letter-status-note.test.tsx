import { waitFor } from '@testing-library/react';
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
  refusedAddresses: [],
  reached: [],
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

describe('what a letter that did not reach an address says (audit: a failed letter said nothing)', () => {
  const refusedHead = { address: 'kakanwil@bulog.invalid', reason: '550 5.1.2 no such domain' };
  const failed: Schemas['Notification'] = {
    ...queued,
    status: 'failed',
    attempts: 5,
    lastError: 'humas@bulog.invalid: 550 5.1.2 no such domain',
    failure: 'address_refused',
    sendsAt: null,
    refusedAddresses: [{ address: 'humas@bulog.invalid', reason: '550 5.1.2 no such domain' }],
  };

  it('a failed letter: that it was not sent, why, and the address refused, to central', async () => {
    const { container } = renderWith(<LetterStatusNote letter={failed} zone="Asia/Jakarta" />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    await waitFor(() =>
      expect(container.textContent).toBe(
        ' · tidak terkirim: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada); alamat yang ditolak: humas@bulog.invalid',
      ),
    );
  });

  it('a failed letter to the agency itself names the address too; to another agency, only why', async () => {
    const own = renderWith(<LetterStatusNote letter={failed} zone="Asia/Jakarta" />, {
      as: { agency: 'bulog', role: 'agency_officer' },
    });
    await waitFor(() => expect(own.container.textContent).toContain('humas@bulog.invalid'));
    own.unmount();
    const member = renderWith(<LetterStatusNote letter={failed} zone="Asia/Jakarta" />, {
      as: { agency: 'bulog-sulsel', role: 'agency_officer' },
    });
    await waitFor(() =>
      expect(member.container.textContent).toBe(
        ' · tidak terkirim: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada)',
      ),
    );
  });

  it('a failed letter addressed to no one: why, and no address', async () => {
    const { container } = renderWith(
      <LetterStatusNote
        letter={{ ...failed, recipients: [], failure: 'no_address', refusedAddresses: [] }}
        zone="Asia/Jakarta"
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    await waitFor(() =>
      expect(container.textContent).toBe(' · tidak terkirim: penerimanya belum punya alamat surel'),
    );
  });

  it('a letter sent but refused at one address: which copy did not arrive, and why', async () => {
    const { container } = renderWith(
      <LetterStatusNote
        letter={{
          ...queued,
          status: 'sent',
          sentAt: '2026-03-30T01:00:00.000Z',
          sendsAt: null,
          attempts: 1,
          refusedAddresses: [refusedHead],
        }}
        zone="Asia/Jakarta"
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    await waitFor(() =>
      expect(container.textContent).toBe(
        ' · tidak sampai ke kakanwil@bulog.invalid: alamat surelnya ditolak (alamat atau domainnya tidak ada)',
      ),
    );
  });

  it('a letter sent again to the address corrected: whom it reached the first time, not to a member unit', async () => {
    const again: Schemas['Notification'] = {
      ...queued,
      status: 'sent',
      recipients: ['kakanwil@bulog.example.co.id'],
      sentAt: '2026-03-31T01:00:00.000Z',
      sendsAt: null,
      attempts: 1,
      reached: ['humas@bulog.example.co.id'],
    };
    const own = renderWith(<LetterStatusNote letter={again} zone="Asia/Jakarta" />, {
      as: { agency: 'bulog', role: 'agency_officer' },
    });
    await waitFor(() =>
      expect(own.container.textContent).toBe(
        ' · dikirim ulang ke alamat yang belum menerimanya; sebelumnya sampai ke humas@bulog.example.co.id',
      ),
    );
    own.unmount();
    const member = renderWith(<LetterStatusNote letter={again} zone="Asia/Jakarta" />, {
      as: { agency: 'bulog-sulsel', role: 'agency_officer' },
    });
    await waitFor(() => expect(member.container.textContent).toBe(''));
  });
});
