import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import Letters from './letters';

const NAMES = [
  { id: 'atr-bpn', name: 'Kementerian ATR/BPN' },
  { id: 'kanwil-bpn-jatim', name: 'Kanwil BPN Jawa Timur' },
  { id: 'kanwil-bpn-sulsel', name: 'Kanwil BPN Sulawesi Selatan' },
];

/** The API as a focal point's user reads it: itself and its member units, by name. */
const answering = () =>
  mockApi((call) => {
    if (call.path === '/v1/agency-names') return json(200, { items: NAMES });
    if (call.path.startsWith('/v1/agencies'))
      return json(200, {
        items: [
          { id: 'atr-bpn', focalPointId: null },
          { id: 'kanwil-bpn-jatim', focalPointId: 'atr-bpn' },
          { id: 'kanwil-bpn-sulsel', focalPointId: 'atr-bpn' },
        ],
        nextCursor: null,
      });
    if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
    return json(200, { items: [], nextCursor: null, total: 0 });
  });

const letterCalls = (calls: ReturnType<typeof mockApi>) =>
  calls.filter((c) => c.path.startsWith('/v1/notifications'));

describe('the letters page of a focal point', () => {
  it('offers the coordinator its member units, by name, and asks for the one chosen', async () => {
    const calls = answering();
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' }, path: '/letters' },
    );
    const select = await screen.findByLabelText('Instansi');
    await within(select).findByRole('option', { name: 'Kanwil BPN Jawa Timur' });
    expect(
      within(select).getByRole('option', { name: 'Kanwil BPN Sulawesi Selatan' }),
    ).toBeTruthy();
    // Its own agency's letters first, as before.
    expect(
      (within(select).getByRole('option', { selected: true }) as HTMLOptionElement).textContent,
    ).toBe('Kementerian ATR/BPN');
    expect(screen.queryByText('kanwil-bpn-jatim')).toBeNull();
    await userEvent.selectOptions(select, 'kanwil-bpn-jatim');
    await waitFor(() =>
      expect(letterCalls(calls).at(-1)?.path).toContain('agencyId=kanwil-bpn-jatim'),
    );
  });

  it('offers no such choice to an officer of the focal point', async () => {
    const calls = answering();
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_officer' }, path: '/letters' },
    );
    await waitFor(() => expect(letterCalls(calls).length).toBeGreaterThan(0));
    await screen.findByText('Tidak ada data.');
    expect(screen.queryByLabelText('Instansi')).toBeNull();
  });
});

describe('the letters page of a member unit', () => {
  it('says of a letter of its focal point’s assignment delegated to it whom it went to and why it is here', async () => {
    mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, { items: NAMES });
      if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
      if (call.path.startsWith('/v1/notifications'))
        return json(200, {
          items: [
            {
              id: 'n1',
              caseId: 'c1',
              agencyId: 'atr-bpn',
              target: 'acknowledge',
              targets: ['acknowledge'],
              step: 'reminder_1',
              action: 'reminder',
              channel: 'email',
              recipients: ['pengaduan@atrbpn.example.go.id'],
              cc: [],
              status: 'sent',
              subject: 'Surat pengingat I: Sertifikat tanah belum terbit',
              body: 'Dengan hormat, …',
              scheduledAt: '2026-04-23T17:00:00.000Z',
              createdAt: '2026-04-23T17:00:00.000Z',
              sentAt: '2026-04-24T01:00:00.000Z',
              attempts: 1,
              lastError: null,
              letterNumber: null,
              pdf: false,
              handled: null,
              sendsAt: null,
              cancelled: null,
            },
          ],
          nextCursor: null,
          total: 1,
        });
      return json(200, { items: [], nextCursor: null });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'kanwil-bpn-sulsel', role: 'agency_officer' }, path: '/letters' },
    );
    await screen.findByText(
      'Dikirim kepada Kementerian ATR/BPN; penugasannya didelegasikan kepada instansi Anda.',
    );
    expect(
      screen.getByRole('link', { name: 'Surat pengingat I: Sertifikat tanah belum terbit' }),
    ).toBeTruthy();
  });
});
