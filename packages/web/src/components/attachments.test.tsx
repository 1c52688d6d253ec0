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

const centralCard = () =>
  renderWith(
    <CaseAttachments caseId="C1" central agencies={[]} activities={[]} zone="Asia/Jakarta" />,
    { as: { agency: 'setneg', role: 'central_officer' } },
  );

/** Chooses a file in central's upload form and presses "Unggah"; the form and its button. */
async function upload(name: string, content: string) {
  const heading = await screen.findByRole('heading', { name: 'Unggah lampiran' });
  const form = within(heading.closest('form')!);
  await userEvent.upload(
    form.getByLabelText(/^Berkas/),
    new File([content], name, { type: 'application/pdf' }),
  );
  const send = form.getByRole('button', { name: /Unggah/ });
  await userEvent.click(send);
  return { form, send };
}

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
    centralCard();
    const { send } = await upload('surat-pengaduan.pdf', '%PDF-1.7');
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

  it('says the scan is still running and to try again, not that the case is in the wrong state', async () => {
    refusedBy(409, 'scan_pending');
    centralCard();
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
    centralCard();
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
    centralCard();
    expect(await screen.findByText(/tidak lolos pemeriksaan antivirus;/)).toBeTruthy();
    expect(screen.queryByText(/bukan PDF, JPEG, PNG/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unduh surat-pengaduan.pdf' })).toBeNull();
  });
});

const typeRefused = (status: string) => ({
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
        // The API refused the file (415) but the answer timed out on the way; asked again, an
        // API of an earlier release answers the record as it is: 200, status "refused".
        return completes === 1
          ? json(504, { title: 'Gateway Timeout', status: 504 })
          : json(200, typeRefused('refused'));
      }
      if (call.method === 'POST' && call.path === '/v1/cases/C1/attachments') {
        starts += 1;
        return starts === 1
          ? json(201, {
              attachment: typeRefused('uploading'),
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
    centralCard();
    const { send } = await upload('ktp-pengadu.pdf', 'MZ not a pdf');
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
    centralCard();
    const { form } = await upload('surat.pdf', '%PDF-1.7');
    const alert = await form.findByRole('alert');
    expect(alert.textContent).toContain('sudah memuat lampiran sebanyak batasnya');
    expect(alert.textContent).not.toMatch(/hapus/i);
  });
});

const file = (id: string, name: string, contentType: string, visibility = 'central') => ({
  id,
  caseId: 'C1',
  name,
  size: 2_048,
  contentType,
  sha256: null,
  status: 'available',
  refusal: null,
  scan: null,
  visibility,
  attachedTo: { kind: 'case', agencyId: null, activityId: null },
  uploadedBy: { sub: 'intake:mail', agency: 'setneg' },
  uploadedAt: '2026-03-16T03:00:00.000Z',
  completedAt: '2026-03-16T03:00:00.000Z',
  version: 1,
});

describe('a case’s original e-mail on central’s card', () => {
  it('has no visibility choice but says why; the other files keep theirs', async () => {
    mockApi(() =>
      json(200, {
        items: [
          file('A1', 'ktp.pdf', 'application/pdf', 'agencies'),
          file('A2', 'surel-asli.eml', 'message/rfc822'),
        ],
        nextCursor: null,
      }),
    );
    centralCard();
    const mail = (await screen.findByText('surel-asli.eml')).closest('li')!;
    expect(within(mail).queryByRole('combobox')).toBeNull();
    expect(within(mail).getByText('Hanya pusat')).toBeTruthy();
    expect(within(mail).getByText(/Surel asli selalu hanya untuk pusat/)).toBeTruthy();
    const pdf = screen.getByText('ktp.pdf').closest('li')!;
    expect(within(pdf).getByRole('combobox', { name: 'Ubah visibilitas ktp.pdf' })).toBeTruthy();
  });

  it('calls a follow-up’s own message a follow-up, not a second original', async () => {
    // The walk: `surel-lanjutan.eml` read "Surel asli", as the complaint's did (by its type).
    mockApi(() =>
      json(200, {
        items: [
          file('A1', 'surel-asli.eml', 'message/rfc822'),
          file('A2', 'surel-lanjutan.eml', 'message/rfc822'),
        ],
        nextCursor: null,
      }),
    );
    centralCard();
    const original = (await screen.findByText('surel-asli.eml')).closest('li')!;
    const followUp = screen.getByText('surel-lanjutan.eml').closest('li')!;
    expect(within(original).getByText(/^Surel asli ·/)).toBeTruthy();
    expect(within(followUp).getByText(/^Surel lanjutan ·/)).toBeTruthy();
    expect(within(followUp).queryByText(/Surel asli/)).toBeNull();
    expect(within(followUp).getByText(/Surel lanjutan selalu hanya untuk pusat/)).toBeTruthy();
    expect(within(followUp).queryByRole('combobox')).toBeNull();
  });
});

describe('a completion answered with a refused file', () => {
  it('says the file was refused and why, never that it was saved', async () => {
    const refused = {
      ...file('A3', 'foto.pdf', 'application/x-msdownload', 'agencies'),
      status: 'refused',
      refusal: 'foto.pdf: the content is application/x-msdownload',
    };
    mockApi((call) => {
      if (call.path.endsWith('/complete')) return json(200, refused);
      if (call.method === 'POST' && call.path === '/v1/cases/C1/attachments')
        return json(201, {
          attachment: { ...refused, status: 'uploading', contentType: null, refusal: null },
          upload: {
            url: 'https://uploads.example/bucket',
            fields: { key: 'cases/C1/A3' },
            maxBytes: 20_971_520,
            expiresAt: '2026-03-16T03:15:00.000Z',
          },
        });
      if (call.path === '/bucket') return new Response(null, { status: 204 });
      return json(200, { items: [], nextCursor: null });
    });
    centralCard();
    const { form } = await upload('foto.pdf', 'MZ');
    const alert = await form.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Lampiran foto.pdf ditolak: isinya'));
    expect(screen.queryByText(/tersimpan/)).toBeNull();
  });
});
