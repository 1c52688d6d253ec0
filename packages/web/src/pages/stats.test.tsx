import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import Stats from './stats';

const totals = {
  agencyId: 'all',
  assigned: 0,
  redirected: 0,
  responded: 0,
  respondedOnTime: 0,
  completed: 0,
  responseRate: null,
  onTimeRate: null,
  medianWorkingDaysToFirstResponse: null,
  belowMinimumSample: true,
  rank: null,
};

describe('the statistics page’s period', () => {
  it('says which date is wrong and why when the API refuses the period', async () => {
    // As the API answers (core's reporting.ts): a 400 naming `from`.
    const calls = mockApi((call) => {
      if (!call.path.startsWith('/v1/stats/agencies?')) return json(200, { items: [] });
      const query = new URLSearchParams(call.path.split('?')[1]);
      return query.get('from')! > query.get('to')!
        ? json(400, {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            code: 'validation_failed',
            detail: 'invalid from',
            requestId: 'r-1',
            errors: [{ path: 'from', message: 'must not be after to' }],
          })
        : json(200, { from: '2026-01-01', to: '2026-03-31', minimumSample: 5, items: [], totals });
    });
    const stats = () => calls.filter((c) => c.path.startsWith('/v1/stats/agencies?'));
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-01-01&to=2026-03-31',
    });
    await waitFor(() => expect(stats()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-05-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    const alert = await screen.findByRole('alert');
    // The date it is about and what is wrong with it, where there is no note at the field.
    expect(alert.textContent).toContain('Ada isian yang belum benar:');
    expect(alert.textContent).toContain('Dari tanggal tidak boleh sesudah tanggal akhir.');
    expect(alert.textContent).not.toMatch(/lihat keterangan|must not|invalid from/);
  });
});
