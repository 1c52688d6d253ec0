import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jobOf } from '../../test/fixtures';
import { json, mockApi, renderWith } from '../../test/render';
import CalendarPage from './admin-calendar';

const job = jobOf({
  state: 'completed',
  total: 12,
  done: 12,
  finishedAt: '2026-11-30T03:00:00.000Z',
});

describe('declaring a year’s holidays complete', () => {
  it('is offered for a year not declared, and once declared the page says so', async () => {
    const declared = [2025, 2026];
    const calls = mockApi((call) => {
      if (call.method === 'PUT' && call.path === '/v1/calendars/id/years/2027') {
        declared.push(2027);
        return json(202, { date: '2027', job });
      }
      if (call.path.startsWith('/v1/calendars/id/days'))
        return json(200, {
          id: 'id',
          years: [...declared],
          items: call.path.includes('year=2027')
            ? [{ date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' }]
            : [],
        });
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2027' } });
    await screen.findByText('Tahun Baru 2027 Masehi');
    expect(screen.getByText(/Hari libur tahun 2027 belum dinyatakan lengkap/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nyatakan hari libur 2027 lengkap' }));
    await screen.findByText(/Hari libur 2027 dinyatakan lengkap\./);
    await screen.findByText('Hari libur tahun 2027 sudah dinyatakan lengkap.');
    expect(screen.queryByRole('button', { name: /Nyatakan hari libur/ })).toBeNull();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual([
      '/v1/calendars/id/years/2027',
    ]);
  });
});
