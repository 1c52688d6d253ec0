import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { CaseAttachments } from './attachments';

const attachment = (status: string) => ({
  id: 'A1',
  name: 'surat-pengaduan.pdf',
  size: 1_234,
  contentType: status === 'uploading' ? null : 'application/pdf',
  status,
  visibility: 'agencies',
  attachedTo: { kind: 'case', agencyId: null, activityId: null },
  uploadedBy: { sub: 'u1', agency: 'setneg' },
  createdAt: '2026-03-16T03:00:00.000Z',
  refusal: null,
});

describe('an upload whose last answer was lost', () => {
  it('is finished when sent again: the file once, no "not possible in this state"', async () => {
    let starts = 0;
    let completes = 0;
    const calls = mockApi((call) => {
      if (call.path.endsWith('/complete')) {
        completes += 1;
        // The first time the file was checked and kept, but the answer did not come back.
        return completes === 1
          ? json(504, { title: 'Gateway Timeout', status: 504 })
          : json(200, attachment('available'));
      }
      if (call.method === 'POST' && call.path === '/v1/cases/C1/attachments') {
        starts += 1;
        // Replayed under its key once that upload is done: the API refuses a second form.
        return starts === 1
          ? json(201, {
              attachment: attachment('uploading'),
              upload: {
                url: 'https://uploads.example/bucket',
                fields: { key: 'cases/C1/A1' },
                maxBytes: 20_000_000,
                expiresAt: '2026-03-16T03:15:00.000Z',
              },
            })
          : json(409, {
              title: 'Conflict',
              status: 409,
              code: 'invalid_transition',
              detail: 'attachment A1 is available: its upload is done',
            });
      }
      if (call.path === '/bucket') return new Response(null, { status: 204 });
      return json(200, { items: [] });
    });
    renderWith(
      <CaseAttachments caseId="C1" central agencies={[]} activities={[]} zone="Asia/Jakarta" />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const heading = await screen.findByRole('heading', { name: 'Unggah lampiran' });
    const form = within(heading.closest('form')!);
    await userEvent.upload(
      form.getByLabelText(/^Berkas/),
      new File(['%PDF-1.7'], 'surat-pengaduan.pdf', { type: 'application/pdf' }),
    );
    const send = form.getByRole('button', { name: /Unggah/ });
    await userEvent.click(send);
    await waitFor(() => expect(completes).toBe(1));
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(send);
    expect(await screen.findByText('Lampiran surat-pengaduan.pdf tersimpan.')).toBeTruthy();
    expect(screen.queryByText(/tidak dapat dilakukan/i)).toBeNull();
    // The file went to storage once; the second press finished what the first began.
    expect(calls.filter((c) => c.path === '/bucket')).toHaveLength(1);
    expect(completes).toBe(2);
  });
});

describe('a download the malware scan has not cleared', () => {
  const listed = {
    items: [{ ...attachment('available'), uploadedAt: '2026-03-16T03:00:00.000Z' }],
  };
  const refusedBy = (status: number, code: string) =>
    mockApi((call) =>
      call.path.endsWith('/download')
        ? json(status, { title: 'x', status, code, detail: 'the malware scan', requestId: 'r' })
        : json(200, listed),
    );
  const render = () =>
    renderWith(
      <CaseAttachments caseId="C1" central agencies={[]} activities={[]} zone="Asia/Jakarta" />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );

  it('says the scan is still running and to try again, not that the case is in the wrong state', async () => {
    refusedBy(409, 'scan_pending');
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Unduh surat-pengaduan.pdf' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Berkas masih diperiksa antivirus; coba unduh lagi dalam satu–dua menit.',
    );
    expect(alert.textContent).not.toMatch(/status pengaduan/);
    // Still offered: a minute on, it downloads.
    expect(screen.getByRole('button', { name: 'Unduh surat-pengaduan.pdf' })).toBeTruthy();
  });

  it('says the file failed the scan, and offers it for download no more', async () => {
    refusedBy(422, 'scan_refused');
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Unduh surat-pengaduan.pdf' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Berkas ini tidak lolos pemeriksaan antivirus dan tidak dapat diunduh; unggah ulang salinan yang bersih.',
    );
    expect(screen.queryByRole('button', { name: 'Unduh surat-pengaduan.pdf' })).toBeNull();
    expect(screen.getByText(/tidak lolos pemeriksaan antivirus;/)).toBeTruthy();
  });

  it('after a reload, lists a file the scan refused as refused by the scan, not by its type', async () => {
    mockApi(() =>
      json(200, {
        items: [
          {
            ...attachment('refused'),
            scan: 'infected',
            refusal: 'the malware scan did not mark this file clean (infected): it is never served',
            uploadedAt: '2026-03-16T03:00:00.000Z',
          },
        ],
      }),
    );
    render();
    expect(await screen.findByText(/tidak lolos pemeriksaan antivirus;/)).toBeTruthy();
    expect(screen.queryByText(/bukan PDF, JPEG, PNG/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unduh surat-pengaduan.pdf' })).toBeNull();
  });
});

describe('an agency’s upload to a response whose assignment has just ended', () => {
  it('says files can no longer be added and why, not "reload the page"', async () => {
    // The page still showed it open (answered in another tab): the API refuses the start.
    mockApi((call) =>
      call.method === 'POST' && call.path === '/v1/cases/C1/attachments'
        ? json(409, {
            title: 'Conflict',
            status: 409,
            code: 'invalid_transition',
            detail: 'an assignment that is completed takes no more files',
            requestId: 'r',
          })
        : json(200, { items: [] }),
    );
    renderWith(
      <CaseAttachments
        caseId="C1"
        central={false}
        agencies={['polri']}
        activities={[]}
        zone="Asia/Jakarta"
      />,
      { as: { agency: 'polri', role: 'agency_officer' } },
    );
    const heading = await screen.findByRole('heading', { name: 'Unggah lampiran' });
    const form = within(heading.closest('form')!);
    await userEvent.upload(
      form.getByLabelText(/^Berkas/),
      new File(['%PDF-1.7'], 'surat-jawaban.pdf', { type: 'application/pdf' }),
    );
    await userEvent.click(form.getByRole('button', { name: /Unggah/ }));
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toContain(
      'Lampiran tidak dapat ditambahkan: penugasan ini sudah selesai (tindak lanjut akhir terkirim, dialihkan, atau ditarik).',
    );
    expect(alert.textContent).not.toMatch(/Muat ulang/);
  });
});
