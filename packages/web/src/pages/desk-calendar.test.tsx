import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import Desk from './desk';
import { undeclaredYears } from './desk/calendar-notice';

describe('the desk’s word on a year without its holidays', () => {
  it('wants this year, and from October the next', () => {
    expect(undeclaredYears('2026-09-30', [2025, 2026])).toEqual([]);
    expect(undeclaredYears('2026-10-01', [2025, 2026])).toEqual([2027]);
    expect(undeclaredYears('2026-11-30', [2025, 2026, 2027])).toEqual([]);
    expect(undeclaredYears('2027-01-04', [2026])).toEqual([2027]);
  });

  it('tells a central officer on 30 November that 2027 is not declared, and whom to ask', async () => {
    let declared = [2025, 2026];
    const calls = mockApi((call) => {
      if (call.path === '/v1/clock') return json(200, { now: '2026-11-30T03:00:00.000Z' });
      if (call.path.startsWith('/v1/calendars/id/days'))
        return json(200, { id: 'id', years: declared, items: [] });
      return json(200, { items: [], nextCursor: null, now: '2026-11-30T03:00:00.000Z' });
    });
    const first = renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const notice = await screen.findByText(/Hari libur tahun 2027 belum dinyatakan lengkap/);
    expect(notice.textContent).toContain('Minta admin pusat mengisinya.');
    first.unmount();

    // Declared: nothing said.
    declared = [2025, 2026, 2027];
    const asked = calls.length;
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_admin' } });
    await expect
      .poll(() => calls.slice(asked).some((c) => c.path.startsWith('/v1/calendars/id/days')))
      .toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/belum dinyatakan lengkap/)).toBeNull();
  });
});
