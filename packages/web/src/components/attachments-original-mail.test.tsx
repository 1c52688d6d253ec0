/**
 * The attachments card after the session 26 audit: a case's original e-mail offers no choice
 * of who sees it (the API refuses to share it), and a refused file's completion reads as refused.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { CaseAttachments } from './attachments';

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
    renderWith(
      <CaseAttachments caseId="C1" central agencies={[]} activities={[]} zone="Asia/Jakarta" />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const mail = (await screen.findByText('surel-asli.eml')).closest('li')!;
    expect(within(mail).queryByRole('combobox')).toBeNull();
    expect(within(mail).getByText('Hanya pusat')).toBeTruthy();
    expect(within(mail).getByText(/Surel asli selalu hanya untuk pusat/)).toBeTruthy();
    const pdf = screen.getByText('ktp.pdf').closest('li')!;
    expect(within(pdf).getByRole('combobox', { name: 'Ubah visibilitas ktp.pdf' })).toBeTruthy();
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
    renderWith(
      <CaseAttachments caseId="C1" central agencies={[]} activities={[]} zone="Asia/Jakarta" />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const heading = await screen.findByRole('heading', { name: 'Unggah lampiran' });
    const form = within(heading.closest('form')!);
    await userEvent.upload(
      form.getByLabelText(/^Berkas/),
      new File(['MZ'], 'foto.pdf', { type: 'application/pdf' }),
    );
    await userEvent.click(form.getByRole('button', { name: /Unggah/ }));
    const alert = await form.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Lampiran foto.pdf ditolak: isinya'));
    expect(screen.queryByText(/tersimpan/)).toBeNull();
  });
});
