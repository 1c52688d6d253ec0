/**
 * The agency's queue opens on its coming activities (`GET /v1/activities/invited`): a mediation
 * at 10.00 WITA on Thursday is on the page it lands on, not only inside its case.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import Queue from './queue';

const MEDIATION = {
  activityId: 'a1',
  caseId: 'c1',
  caseSubject: 'Sertifikat tanah belum terbit',
  agendaNumber: '12/DUMAS/IX/2026',
  kind: 'mediation',
  scheduledAt: '2026-09-10T02:00:00.000Z',
  venue: 'Ruang Rapat Lt. 2, Gedung III Kemensetneg',
  agencyId: 'pemprov-bali',
  via: null,
};
const CLARIFICATION = {
  ...MEDIATION,
  activityId: 'a2',
  caseId: 'c2',
  caseSubject: 'Lampu jalan padam',
  agendaNumber: null,
  kind: 'clarification',
  scheduledAt: '2026-09-11T01:30:00.000Z',
  venue: null,
  agencyId: 'pemkab-badung',
};

/** The queue's calls answered; the activities list with `activities` (by its query). */
const answering = (activities: (query: string) => unknown[]) =>
  mockApi((call) => {
    if (call.path.startsWith('/v1/activities/invited'))
      return json(200, { items: activities(call.path), nextCursor: null });
    if (call.path.startsWith('/v1/queue'))
      return json(200, { items: [], nextCursor: null, total: 0 });
    if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
    if (call.path === '/v1/agency-names')
      return json(200, {
        items: [
          { id: 'pemprov-bali', name: 'Pemprov Bali' },
          { id: 'pemkab-badung', name: 'Pemkab Badung' },
        ],
      });
    if (call.path.startsWith('/v1/agencies?'))
      return json(200, {
        items: [
          { id: 'pemprov-bali', name: 'Pemprov Bali', timeZone: 'Asia/Makassar' },
          {
            id: 'pemkab-badung',
            name: 'Pemkab Badung',
            timeZone: 'Asia/Makassar',
            focalPointId: 'pemprov-bali',
          },
        ],
        nextCursor: null,
      });
    return json(200, { id: 'pemprov-bali', name: 'Pemprov Bali', timeZone: 'Asia/Makassar' });
  });

const render = (
  role: 'agency_coordinator' | 'agency_officer' = 'agency_officer',
  agency = 'pemprov-bali',
) =>
  renderWith(
    <AgencyNamesProvider user="u1">
      <Queue />
    </AgencyNamesProvider>,
    { as: { agency, role }, path: '/queue' },
  );

describe('the queue’s coming activities', () => {
  it('lists each: its kind in Indonesian, its day and hour in the agency’s zone, where, its case', async () => {
    answering(() => [MEDIATION]);
    render();
    const card = (await screen.findByRole('heading', { name: 'Kegiatan yang akan datang' }))
      .parentElement!;
    const item = within(card).getByRole('listitem');
    expect(item.textContent).toContain('Mediasi');
    // 02:00 UTC is 10.00 in Makassar, the agency's zone, named.
    await waitFor(() => expect(item.textContent).toContain('10 Sep 2026, 10.00 WITA'));
    // Where, as central wrote it (its invitation letter names it too).
    expect(item.textContent).toContain('Ruang Rapat Lt. 2, Gedung III Kemensetneg');
    const link = within(item).getByRole('link', { name: MEDIATION.caseSubject });
    expect(link.getAttribute('href')).toBe('/cases/c1');
    expect(item.textContent).toContain('12/DUMAS/IX/2026');
    // Its own: not said whom it is for.
    expect(item.textContent).not.toContain('untuk');
  });

  it('shows nothing when there is none', async () => {
    const calls = answering(() => []);
    render();
    await screen.findByText('Tidak ada data.');
    await waitFor(() =>
      expect(calls.some((c) => c.path.startsWith('/v1/activities/invited'))).toBe(true),
    );
    expect(screen.queryByText('Kegiatan yang akan datang')).toBeNull();
  });

  it('a coordinator including its member units lists theirs too, each saying whose', async () => {
    const calls = answering((path) =>
      path.includes('scope=members') ? [MEDIATION, CLARIFICATION] : [MEDIATION],
    );
    render('agency_coordinator');
    await userEvent.click(await screen.findByLabelText('Termasuk unit anggota'));
    const unit = await screen.findByRole('link', { name: 'Lampu jalan padam' });
    expect(unit.closest('li')!.textContent).toContain('Klarifikasi');
    await waitFor(() => expect(unit.closest('li')!.textContent).toContain('untuk Pemkab Badung'));
    expect(unit.closest('li')!.textContent).toContain('11 Sep 2026, 09.30 WITA');
    expect(
      calls.some((c) => c.path.includes('/v1/activities/invited?limit=10&scope=members')),
    ).toBe(true);
  });

  it('a member unit lists what is planned with its focal point on a case it holds, saying for whom', async () => {
    answering(() => [{ ...MEDIATION, agencyId: 'pemkab-badung', via: 'pemprov-bali' }]);
    render('agency_officer', 'pemkab-badung');
    const link = await screen.findByRole('link', { name: MEDIATION.caseSubject });
    await waitFor(() => expect(link.closest('li')!.textContent).toContain('untuk Pemprov Bali'));
  });
});
