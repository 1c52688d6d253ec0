import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from './agencies';
import { AssignmentTable } from './assignment-table';

const NOW = new Date('2026-03-25T03:00:00Z');

/** Polri's (WIB) assignment, forwarded Monday 16 March: follow-up due end of Monday 30 March. */
const row = (over: Partial<Schemas['Assignment']> = {}): Schemas['Assignment'] => ({
  caseId: 'c1',
  agencyId: 'polri',
  subject: 'Pungutan liar pembuatan SIM',
  state: 'acknowledged',
  instructions: null,
  forwardedAt: '2026-03-16T03:00:00.000Z',
  clock: { basis: 'fresh', from: '2026-03-16T03:00:00.000Z', inheritedFrom: null },
  timeZone: 'Asia/Jakarta',
  delegatedTo: null,
  delegatedAt: null,
  due: {
    acknowledge: '2026-03-23T16:59:59.999Z',
    followUp: '2026-03-30T16:59:59.999Z',
    resolution: '2026-04-20T16:59:59.999Z',
  },
  met: { acknowledge: '2026-03-17T02:00:00.000Z', followUp: null, resolution: null },
  acknowledgedBy: 'polri',
  overdue: { acknowledge: false, followUp: false, resolution: false },
  nextDueAt: '2026-03-30T16:59:59.999Z',
  escalationLevel: 0,
  monitoring: false,
  paused: false,
  pausedSince: null,
  generation: 1,
  redirect: null,
  calendarWarnings: [],
  createdAt: '2026-03-16T03:00:00.000Z',
  updatedAt: '2026-03-17T02:00:00.000Z',
  version: 2,
  ...over,
});

const table = (items: Schemas['Assignment'][], zone: Schemas['Assignment']['timeZone']) =>
  renderWith(
    <AssignmentTable
      items={items}
      zone={zone}
      now={NOW}
      showAgency={false}
      showForwarded
      caption="Antrean"
    />,
  );

const cell = (name: string) => {
  const [header] = screen.getAllByRole('columnheader', { name });
  const index = [...header!.parentElement!.children].indexOf(header!);
  return screen.getAllByRole('row')[1]!.children[index] as HTMLElement;
};

describe('AssignmentTable', () => {
  it('a paused row says its deadline is paused: not running, not soon, not coloured due soon', () => {
    // The follow-up's old date is within three days: it would read "Segera".
    const view = table(
      [
        row({
          paused: true,
          pausedSince: '2026-03-24T03:00:00.000Z',
          due: { ...row().due, followUp: '2026-03-26T16:59:59.999Z' },
          nextDueAt: null,
        }),
      ],
      'Asia/Jakarta',
    );
    const next = cell('Tenggat berikutnya');
    expect(within(next).getByText('Dihentikan sementara')).toBeTruthy();
    expect(next.textContent).not.toMatch(/Berjalan|Segera/);
    expect(view.container.querySelector('tr.row-due_soon')).toBeNull();
  });

  it('gives each row’s deadline in its agency’s zone (the end of its day), the forwarding in the reader’s', () => {
    // Read in WIT (a member unit, or a coordinator in Papua) of an assignment in WIB.
    table([row()], 'Asia/Jayapura');
    expect(cell('Tenggat berikutnya').textContent).toContain('30 Mar 2026, 23.59 WIB');
    expect(cell('Tenggat berikutnya').textContent).not.toContain('WIT');
    expect(cell('Diteruskan').textContent).toBe('16 Mar 2026, 12.00 WIT');
  });

  it('central in WIB reads an agency’s WIT deadline as that agency’s day end, zone named', () => {
    table(
      [
        row({
          agencyId: 'pemkot-jayapura',
          timeZone: 'Asia/Jayapura',
          due: { ...row().due, followUp: '2026-03-30T14:59:59.999Z' },
        }),
      ],
      'Asia/Jakarta',
    );
    expect(cell('Tenggat berikutnya').textContent).toContain('30 Mar 2026, 23.59 WIT');
    expect(cell('Diteruskan').textContent).toBe('16 Mar 2026, 10.00 WIB');
  });

  it('says how many working days its next deadline has left, or how late it is, as the API counts them', () => {
    // An officer in Jayapura (WIT) on a phone: the date and "Berjalan" do not say whether a
    // deadline after a holiday is one working day away or three; the API counts them over the
    // agency's holidays (plain date arithmetic here would be wrong).
    const wit = {
      agencyId: 'pemkot-jayapura',
      timeZone: 'Asia/Jayapura' as const,
      met: { acknowledge: null, followUp: null, resolution: null },
    };
    table(
      [
        row({
          ...wit,
          caseId: 'left',
          due: { ...row().due, acknowledge: '2026-03-26T14:59:59.999Z' },
          nextDueAt: '2026-03-26T14:59:59.999Z',
          nextDueWorkingDaysLeft: 2,
          nextDueWorkingDaysLate: null,
        }),
        row({
          ...wit,
          caseId: 'last',
          due: { ...row().due, acknowledge: '2026-03-25T14:59:59.999Z' },
          nextDueAt: '2026-03-25T14:59:59.999Z',
          nextDueWorkingDaysLeft: 0,
          nextDueWorkingDaysLate: null,
        }),
        row({
          ...wit,
          caseId: 'late',
          due: { ...row().due, acknowledge: '2026-03-18T14:59:59.999Z' },
          overdue: { acknowledge: true, followUp: false, resolution: false },
          nextDueAt: '2026-03-18T14:59:59.999Z',
          nextDueWorkingDaysLeft: null,
          nextDueWorkingDaysLate: 3,
        }),
      ],
      'Asia/Jayapura',
    );
    const [, left, last, late] = screen.getAllByRole('row');
    const next = (r: HTMLElement | undefined) =>
      within(r!)
        .getByText(/Konfirmasi penerimaan/)
        .closest('td')!.textContent;
    expect(next(left)).toContain('26 Mar 2026, 23.59 WIT');
    expect(next(left)).toContain('(tinggal 2 hari kerja lagi)');
    expect(next(last)).toContain('(hari ini hari kerja terakhir)');
    expect(next(late)).toContain('Lewat tenggat');
    expect(next(late)).toContain('(terlambat 3 hari kerja)');
  });

  it('counts nothing where the API gives no figure (paused, or a list without it)', () => {
    table(
      [
        row({
          paused: true,
          nextDueAt: null,
          nextDueWorkingDaysLeft: null,
          nextDueWorkingDaysLate: null,
        }),
      ],
      'Asia/Jakarta',
    );
    expect(cell('Tenggat berikutnya').textContent).not.toMatch(/hari kerja/);
  });

  it('a delegated row names the unit holding it, and to that unit whose assignment it works', async () => {
    const items = [row({ agencyId: 'atr-bpn', delegatedTo: 'kanwil-bpn-jatim' })];
    const props = { items, zone: 'Asia/Jakarta' as const, now: NOW, showAgency: false };
    const coordinator = renderWith(<AssignmentTable {...props} caption="Antrean" />, {
      as: { agency: 'atr-bpn', role: 'agency_coordinator' },
    });
    await screen.findByText('Dikerjakan oleh kanwil-bpn-jatim');
    coordinator.unmount();
    renderWith(<AssignmentTable {...props} caption="Antrean" />, {
      as: { agency: 'kanwil-bpn-jatim', role: 'agency_officer' },
    });
    // Not "worked on by" itself.
    await screen.findByText('Didelegasikan oleh atr-bpn');
  });

  it('a delegated row says since when the unit holds it, in the reader’s zone', async () => {
    // Fifteen units: which one holds it is not enough, the coordinator asks since when.
    const items = [
      row({
        agencyId: 'atr-bpn',
        delegatedTo: 'kanwil-bpn-sulsel',
        delegatedAt: '2026-03-17T02:30:00.000Z',
      }),
    ];
    const props = { items, now: NOW, showAgency: false, caption: 'Antrean' };
    const wib = renderWith(<AssignmentTable {...props} zone="Asia/Jakarta" />, {
      as: { agency: 'atr-bpn', role: 'agency_coordinator' },
    });
    await screen.findByText('Dikerjakan oleh kanwil-bpn-sulsel sejak 17 Mar 2026, 09.30 WIB');
    wib.unmount();
    renderWith(<AssignmentTable {...props} zone="Asia/Makassar" />, {
      as: { agency: 'kanwil-bpn-sulsel', role: 'agency_officer' },
    });
    await screen.findByText('Didelegasikan oleh atr-bpn sejak 17 Mar 2026, 10.30 WITA');
  });

  it('a case sent to two agencies: each row’s link says which agency, heard alike twice before', async () => {
    mockApi((call) =>
      call.path === '/v1/agency-names'
        ? json(200, {
            items: [
              { id: 'polri', name: 'Kepolisian Negara Republik Indonesia' },
              { id: 'pln', name: 'PT PLN (Persero)' },
            ],
          })
        : new Promise(() => {}),
    );
    renderWith(
      <AgencyNamesProvider user="u1">
        <AssignmentTable
          items={[row(), row({ agencyId: 'pln' })]}
          zone="Asia/Jakarta"
          now={NOW}
          showAgency
          caption="Penugasan semua instansi"
        />
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    await screen.findByRole('link', {
      name: 'Pungutan liar pembuatan SIM, PT PLN (Persero)',
    });
    expect(screen.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual(
      [
        [
          'Pungutan liar pembuatan SIM, Kepolisian Negara Republik Indonesia',
          '/cases/c1?agency=polri',
        ],
        ['Pungutan liar pembuatan SIM, PT PLN (Persero)', '/cases/c1?agency=pln'],
      ],
    );
    // Heard, not shown: the agency has its own column.
    for (const link of screen.getAllByRole('link'))
      expect(link.querySelector('.visually-hidden')?.textContent).toMatch(/^, /);
  });
});
