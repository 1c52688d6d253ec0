/**
 * Who confirmed receipt of an assignment, on its case card: the focal point's coordinator
 * learns its member unit did, the unit that its coordinator did; nobody is told it did so itself.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import type { Schemas } from '../api/client';
import type { Role } from '../auth/session';
import { AgencyNamesProvider } from './agencies';
import { AcknowledgedBy } from './assignment-acknowledged';

const NAMES = [
  { id: 'atr-bpn', name: 'Kementerian ATR/BPN' },
  { id: 'kantah-7', name: 'Kantor Pertanahan Kota Kupang' },
];

/** ATR/BPN's assignment, held by its land office, acknowledged at 10.30 WITA by `by`. */
const acknowledged = (by: string | null, at: string | null = '2026-03-17T02:30:00.000Z') =>
  ({
    agencyId: 'atr-bpn',
    delegatedTo: 'kantah-7',
    state: 'acknowledged',
    met: { acknowledge: at, followUp: null, resolution: null },
    acknowledgedBy: by,
  }) as unknown as Schemas['Assignment'];

function shown(
  assignment: Schemas['Assignment'],
  as: { agency: string; role: Role },
  zone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura',
) {
  return renderWith(
    <AgencyNamesProvider user="u1">
      <p>Kartu</p>
      <AcknowledgedBy assignment={assignment} zone={zone} />
    </AgencyNamesProvider>,
    { as },
  );
}

const coordinator = { agency: 'atr-bpn', role: 'agency_coordinator' } as const;
const unit = { agency: 'kantah-7', role: 'agency_officer' } as const;
const central = { agency: 'setneg', role: 'central_officer' } as const;

describe('who confirmed receipt, on the case card', () => {
  it('tells the coordinator its unit did, and the unit its focal point did, in the reader’s zone', async () => {
    mockApi((call) =>
      call.path === '/v1/agency-names' ? json(200, { items: NAMES }) : json(200, { items: [] }),
    );
    const first = shown(acknowledged('kantah-7'), coordinator, 'Asia/Makassar');
    await screen.findByText(
      'Penerimaan dikonfirmasi oleh Kantor Pertanahan Kota Kupang pada 17 Mar 2026, 10.30 WITA.',
    );
    first.unmount();
    const second = shown(acknowledged('atr-bpn'), unit, 'Asia/Jayapura');
    await screen.findByText(
      'Penerimaan dikonfirmasi oleh Kementerian ATR/BPN pada 17 Mar 2026, 11.30 WIT.',
    );
    second.unmount();
    // Central learns who, when it was not the agency the card is about.
    shown(acknowledged('kantah-7'), central, 'Asia/Jakarta');
    await screen.findByText(
      'Penerimaan dikonfirmasi oleh Kantor Pertanahan Kota Kupang pada 17 Mar 2026, 09.30 WIB.',
    );
  });

  it('says nothing of one the reader confirmed itself, of the card’s own agency to central, or of an older record', async () => {
    mockApi((call) =>
      call.path === '/v1/agency-names' ? json(200, { items: NAMES }) : json(200, { items: [] }),
    );
    const cases: [Schemas['Assignment'], { agency: string; role: Role }][] = [
      [acknowledged('atr-bpn'), coordinator],
      [acknowledged('kantah-7'), unit],
      [acknowledged('atr-bpn'), central],
      // Acknowledged before who was kept: the deadlines say when, the history who.
      [acknowledged(null), coordinator],
      [acknowledged(null, null), unit],
    ];
    for (const [assignment, as] of cases) {
      const view = shown(assignment, as, 'Asia/Jakarta');
      await screen.findByText('Kartu');
      expect(screen.queryByText(/dikonfirmasi/i)).toBeNull();
      view.unmount();
    }
  });

  it('reads in English too', async () => {
    mockApi((call) =>
      call.path === '/v1/agency-names' ? json(200, { items: NAMES }) : json(200, { items: [] }),
    );
    renderWith(
      <AgencyNamesProvider user="u1">
        <AcknowledgedBy assignment={acknowledged('atr-bpn')} zone="Asia/Jakarta" />
      </AgencyNamesProvider>,
      { as: unit, lang: 'en' },
    );
    await screen.findByText(
      /^Receipt confirmed by Kementerian ATR\/BPN on 17 Mar 2026, 09:30 WIB\.$/,
    );
  });
});
