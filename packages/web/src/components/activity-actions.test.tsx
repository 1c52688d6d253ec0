import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { activityOf } from '../../test/fixtures';
import type { Schemas } from '../api/client';
import { CaseActions } from './case-actions';

const kase = {
  id: 'C1',
  status: 'forwarded',
  identityHidden: false,
  assignments: [],
  activities: [activityOf({ id: 'A1', caseId: 'C1', scheduledAt: '2026-03-02T03:00:00.000Z' })],
} as unknown as Schemas['Case'];

const UNAUTHORIZED = { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' };

/** Central's actions on the case: the plan's form, and each open activity's. */
const render = () =>
  renderWith(<CaseActions kase={kase} onChange={() => {}} />, {
    as: { agency: 'setneg', role: 'central_officer' },
  });

const formOf = async (title: string) => {
  const summary = await screen.findByText(title, { selector: 'summary, summary *' });
  const details = summary.closest('details')!;
  if (!details.open) await userEvent.click(summary);
  return within(details);
};

describe('monitoring activity forms the API refused for an ended session (401)', () => {
  it('keep the plan and the report typed: the forms opened again (after signing in) hold them', async () => {
    mockApi((call) =>
      call.method === 'POST' ? json(401, UNAUTHORIZED) : json(200, { items: [], nextCursor: null }),
    );
    const first = render();
    const plan = await formOf('Rencanakan kegiatan pemantauan');
    await userEvent.type(plan.getByLabelText(/^Rencana/), 'Klarifikasi di kantor wilayah.');
    const report = await formOf('Laporkan: Klarifikasi');
    fireEvent.change(report.getByLabelText(/^Dilaksanakan pada/), {
      target: { value: '2026-03-02T10:00' },
    });
    await userEvent.type(report.getByLabelText(/^Hasil/), 'Sepakat');
    await userEvent.type(
      report.getByLabelText(/^Ringkasan/),
      'Instansi berjanji memperbaiki jalan bulan depan.',
    );
    await userEvent.click(report.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.queryByText('Laporkan: Klarifikasi')).toBeNull());
    first.unmount();
    render();
    const planAgain = within(
      screen
        .getByText('Rencanakan kegiatan pemantauan', { selector: 'summary, summary *' })
        .closest('details')!,
    );
    expect(planAgain.getByLabelText<HTMLTextAreaElement>(/^Rencana/).value).toBe(
      'Klarifikasi di kantor wilayah.',
    );
    expect(planAgain.getByText('Isian yang belum terkirim dipulihkan.')).toBeTruthy();
    const reportAgain = within(
      screen
        .getByText('Laporkan: Klarifikasi', { selector: 'summary, summary *' })
        .closest('details')!,
    );
    expect(reportAgain.getByLabelText<HTMLTextAreaElement>(/^Ringkasan/).value).toBe(
      'Instansi berjanji memperbaiki jalan bulan depan.',
    );
    expect(reportAgain.getByLabelText<HTMLInputElement>(/^Hasil/).value).toBe('Sepakat');
    expect(reportAgain.getByLabelText<HTMLInputElement>(/^Dilaksanakan pada/).value).toBe(
      '2026-03-02T10:00',
    );
  });

  it('forget the report once it is saved', async () => {
    mockApi((call) =>
      call.method === 'POST' ? json(200, {}) : json(200, { items: [], nextCursor: null }),
    );
    const first = render();
    const report = await formOf('Laporkan: Klarifikasi');
    fireEvent.change(report.getByLabelText(/^Dilaksanakan pada/), {
      target: { value: '2026-03-02T10:00' },
    });
    await userEvent.type(report.getByLabelText(/^Hasil/), 'Sepakat');
    await userEvent.type(report.getByLabelText(/^Ringkasan/), 'Selesai.');
    await userEvent.click(report.getByRole('button', { name: 'Simpan' }));
    await waitFor(() =>
      expect(report.getByLabelText<HTMLTextAreaElement>(/^Ringkasan/).value).toBe(''),
    );
    first.unmount();
    render();
    const again = within(
      screen
        .getByText('Laporkan: Klarifikasi', { selector: 'summary, summary *' })
        .closest('details')!,
    );
    expect(again.getByLabelText<HTMLTextAreaElement>(/^Ringkasan/).value).toBe('');
    expect(again.queryByText('Isian yang belum terkirim dipulihkan.')).toBeNull();
  });
});
