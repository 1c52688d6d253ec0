/**
 * Where approving an extension would put the deadline, and that approving leaves the agency
 * late when that day has already passed (audit: on 31 March five of six requests offered a
 * deadline in mid-March, without a word): on the desk and on the case page alike.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import type { Schemas } from '../api/client';
import Desk from '../pages/desk';
import { AssignmentActions } from './assignment-actions';

/** The API's clock: Tuesday 31 March 2026, 10:00 WIB. */
const NOW = '2026-03-31T03:00:00.000Z';
const EMPTY = { items: [], nextCursor: null, now: NOW, years: [2026] };
/** 12 March, 23:59 WIB: past. 2 April, 23:59 WIB: to come. */
const PAST = '2026-03-12T16:59:59.999Z';
const COMING = '2026-04-02T16:59:59.999Z';
const STILL_LATE = 'sudah lewat: instansi tetap terlambat';

const request = {
  id: 'x1',
  caseId: 'c1',
  agencyId: 'polri',
  workingDays: 5,
  reason: 'Menunggu hasil pemeriksaan Propam',
  status: 'pending',
  requestedAt: '2026-03-30T03:00:00.000Z',
  decidedAt: null,
  note: null,
  subject: 'Laporan kehilangan tidak diproses',
  agencyName: 'Polri',
  deadline: { target: 'acknowledge', dueAt: '2026-03-05T16:59:59.999Z', overdue: true },
  proposedDueAt: PAST,
  timeZone: 'Asia/Jakarta',
  escalationLevel: 2,
};

describe('an extension whose new deadline has already passed', () => {
  it('says so on the desk, by the API’s clock', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/extension-requests')
        ? json(200, {
            items: [request, { ...request, id: 'x2', caseId: 'c2', proposedDueAt: COMING }],
            nextCursor: null,
            total: 2,
          })
        : json(200, EMPTY),
    );
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Permintaan perpanjangan menunggu keputusan/ });
    const [late, inTime] = await within(card).findAllByRole('listitem');
    await within(late!).findByText(STILL_LATE, { exact: false });
    expect(late!.textContent).toContain(
      `Jika disetujui: tenggat menjadi 12 Mar 2026, 23.59 WIB — ${STILL_LATE}`,
    );
    expect(inTime!.textContent).toContain('Jika disetujui: tenggat menjadi 2 Apr 2026, 23.59 WIB');
    expect(inTime!.textContent).not.toContain('sudah lewat');
  });

  it('says so on the case page, where central decides', async () => {
    mockApi((call) => (call.path === '/v1/clock' ? json(200, { now: NOW }) : json(200, {})));
    const ext = (id: string, workingDays: number, proposedDueAt: string) =>
      ({
        ...request,
        id,
        workingDays,
        proposedDueAt,
      }) as unknown as Schemas['CaseExtensionRequest'];
    renderWith(
      <AssignmentActions
        caseId="c1"
        assignment={
          {
            caseId: 'c1',
            agencyId: 'polri',
            state: 'pending',
            paused: false,
            timeZone: 'Asia/Jakarta',
          } as unknown as Schemas['Assignment']
        }
        central
        pendingExtensions={[ext('x1', 5, PAST), ext('x2', 10, COMING)]}
        onChange={() => {}}
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const form = (days: number) =>
      screen
        .getByText(new RegExp(`^Permintaan perpanjangan ${days} hari kerja`), {
          selector: 'summary, summary *',
        })
        .closest('details')!;
    await within(form(5)).findByText(STILL_LATE, { exact: false });
    expect(form(5).textContent).toContain(
      `Jika disetujui: tenggat menjadi 12 Mar 2026, 23.59 WIB — ${STILL_LATE}`,
    );
    expect(form(10).textContent).toContain('Jika disetujui: tenggat menjadi 2 Apr 2026, 23.59 WIB');
    expect(form(10).textContent).not.toContain('sudah lewat');
  });
});
