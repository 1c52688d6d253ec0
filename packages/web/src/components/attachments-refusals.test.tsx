/**
 * The attachments card: what an officer reads after an upload whose
 * answer was lost, and what the card tells them to do when a case's places are full.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { CaseAttachments } from './attachments';

const attachment = (status: string) => ({
  id: 'A1',
  caseId: 'C1',
  name: 'ktp-pengadu.pdf',
  size: 22,
  contentType: status === 'uploading' ? null : 'application/x-msdownload',
  sha256: null,
  status,
  refusal:
    status === 'refused'
      ? 'ktp-pengadu.pdf: the content is application/x-msdownload; only PDF, JPEG, PNG and DOCX files are accepted'
      : null,
  scan: null,
  visibility: 'agencies',
  attachedTo: { kind: 'case', agencyId: null, activityId: null },
  uploadedBy: { sub: 'u1', agency: 'setneg' },
  uploadedAt: '2026-03-16T03:00:00.000Z',
  completedAt: null,
  version: 2,
});

describe('an upload refused by its type whose answer was lost', () => {
  it('is not reported as saved when pressed again', async () => {
    let completes = 0;
    let starts = 0;
    mockApi((call) => {
      if (call.path.endsWith('/complete')) {
        completes += 1;
        // The API refused the file (415) but the answer timed out on the way; asked again,
        // the API answers the record as it is: 200, status "refused" (completeAttachment).
        return completes === 1
          ? json(504, { title: 'Gateway Timeout', status: 504 })
          : json(200, attachment('refused'));
      }
      if (call.method === 'POST' && call.path === '/v1/cases/C1/attachments') {
        starts += 1;
        return starts === 1
          ? json(201, {
              attachment: attachment('uploading'),
              upload: {
                url: 'https://uploads.example/bucket',
                fields: { key: 'cases/C1/A1' },
                maxBytes: 20_971_520,
                expiresAt: '2026-03-16T03:15:00.000Z',
              },
            })
          : json(409, {
              title: 'Conflict',
              status: 409,
              code: 'invalid_transition',
              detail: 'attachment A1 is refused: its upload is done',
              requestId: 'r',
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
      new File(['MZ not a pdf'], 'ktp-pengadu.pdf', { type: 'application/pdf' }),
    );
    const send = form.getByRole('button', { name: /Unggah/ });
    await userEvent.click(send);
    await waitFor(() => expect(completes).toBe(1));
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(send);
    await waitFor(() => expect(completes).toBe(2));
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    // The file was refused: the officer must not read that it was saved.
    expect(screen.queryByText('Lampiran ktp-pengadu.pdf tersimpan.')).toBeNull();
  });
});

describe('a start refused because the case holds 30 files', () => {
  it('does not tell the officer to delete files (nobody can: there is no delete)', async () => {
    mockApi((call) =>
      call.method === 'POST' && call.path === '/v1/cases/C1/attachments'
        ? json(422, {
            title: 'Unprocessable',
            status: 422,
            code: 'limit_exceeded',
            limit: 'attachments',
            detail: 'a case holds at most 30 attachments',
            requestId: 'r',
          })
        : json(200, { items: [] }),
    );
    renderWith(
      <CaseAttachments caseId="C1" central agencies={[]} activities={[]} zone="Asia/Jakarta" />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const heading = await screen.findByRole('heading', { name: 'Unggah lampiran' });
    const form = within(heading.closest('form')!);
    await userEvent.upload(
      form.getByLabelText(/^Berkas/),
      new File(['%PDF-1.7'], 'surat.pdf', { type: 'application/pdf' }),
    );
    await userEvent.click(form.getByRole('button', { name: /Unggah/ }));
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toContain('sudah memuat lampiran sebanyak batasnya');
    expect(alert.textContent).not.toMatch(/hapus/i);
  });
});
