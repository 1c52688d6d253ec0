import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { NOT_A_MEMBER_UNIT } from '@pantau/core/schemas';
import type { Schemas } from '../api/client';
import { ActionResultProvider } from './action-form';
import { AgencyNamesProvider } from './agencies';
import { Delegation, HeldBy, ReturnDelegation } from './delegation';

const unit = (i: number) => ({
  id: `kantah-${i}`,
  name: `Kantor Pertanahan ${i}`,
  focalPointId: 'atr-bpn',
});

describe('delegating to a member unit', () => {
  it('offers every member unit of the focal point, past the first page of agencies', async () => {
    // ATR/BPN and its land offices: 150 of them, a page of 100 and one of 50.
    mockApi((call) => {
      if (!call.path.startsWith('/v1/agencies?')) return json(200, { items: [] });
      return call.path.includes('cursor=p2')
        ? json(200, {
            items: Array.from({ length: 50 }, (_, i) => unit(100 + i)),
            nextCursor: null,
          })
        : json(200, {
            items: [
              { id: 'atr-bpn', focalPointId: null },
              ...Array.from({ length: 99 }, (_, i) => unit(i)),
            ],
            nextCursor: 'p2',
          });
    });
    renderWith(
      <Delegation
        caseId="C1"
        assignment={
          {
            state: 'acknowledged',
            agencyId: 'atr-bpn',
            delegatedTo: null,
          } as unknown as Schemas['Assignment']
        }
        onChange={() => {}}
      />,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    await userEvent.click(
      screen.getByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' }),
    );
    const select = await screen.findByLabelText(/^Unit anggota/);
    await within(select).findByRole('option', { name: 'kantah-149' });
    // The focal point itself and nothing else: 149 units, and the empty choice.
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value'))
        .filter(Boolean),
    ).toHaveLength(149);
  });
});

describe('the member units offered', () => {
  it('come by name in Indonesian order, not by code as the API lists them', async () => {
    // By code: the API's order. By name: Badung, ende (lower case), Kupang, Surabaya.
    const units = [
      { id: 'kantah-01', name: 'Kantor Pertanahan Surabaya' },
      { id: 'kantah-02', name: 'Kantor Pertanahan Kupang' },
      { id: 'kantah-03', name: 'kantor pertanahan ende' },
      { id: 'kantah-04', name: 'Kantor Pertanahan Badung' },
    ];
    mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, { items: units });
      if (call.path.startsWith('/v1/agencies?'))
        return json(200, {
          items: [
            { id: 'atr-bpn', focalPointId: null },
            ...units.map((u) => ({ ...u, focalPointId: 'atr-bpn' })),
          ],
          nextCursor: null,
        });
      return json(200, { items: [] });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Delegation
          caseId="C1"
          assignment={
            {
              state: 'acknowledged',
              agencyId: 'atr-bpn',
              delegatedTo: null,
            } as unknown as Schemas['Assignment']
          }
          onChange={() => {}}
        />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    await userEvent.click(
      screen.getByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' }),
    );
    const select = await screen.findByLabelText(/^Unit anggota/);
    await within(select).findByRole('option', { name: 'Kantor Pertanahan Badung' });
    expect(
      within(select)
        .getAllByRole('option')
        .filter((o) => o.getAttribute('value'))
        .map((o) => o.textContent),
    ).toEqual([
      'Kantor Pertanahan Badung',
      'kantor pertanahan ende',
      'Kantor Pertanahan Kupang',
      'Kantor Pertanahan Surabaya',
    ]);
  });
});

describe('delegating to a unit an admin has just moved away', () => {
  it('says so in a sentence, and reads the units again', async () => {
    let moved = false;
    const calls = mockApi((call) => {
      if (call.path.startsWith('/v1/agencies?'))
        return json(200, {
          items: [{ id: 'atr-bpn', focalPointId: null }, ...(moved ? [] : [unit(1)]), unit(2)],
          nextCursor: null,
        });
      if (call.method !== 'POST') return json(200, { items: [] });
      moved = true;
      return json(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation_failed',
        detail: 'the request is not valid',
        requestId: 'r1',
        errors: [{ path: 'memberId', message: NOT_A_MEMBER_UNIT }],
      });
    });
    renderWith(
      <Delegation
        caseId="C1"
        assignment={
          {
            state: 'acknowledged',
            agencyId: 'atr-bpn',
            delegatedTo: null,
          } as unknown as Schemas['Assignment']
        }
        onChange={() => {}}
      />,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    await userEvent.click(
      screen.getByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' }),
    );
    const select = await screen.findByLabelText(/^Unit anggota/);
    await within(select).findByRole('option', { name: 'kantah-1' });
    await userEvent.selectOptions(select, 'kantah-1');
    await userEvent.click(screen.getByRole('button', { name: /Delegasikan/ }));
    expect(
      (await screen.findAllByText(/bukan \(lagi\) unit anggota instansi Anda/)).length,
    ).toBeGreaterThan(0);
    await waitFor(() =>
      expect(calls.filter((c) => c.path.startsWith('/v1/agencies?'))).toHaveLength(2),
    );
    await waitFor(() =>
      expect(within(select).queryByRole('option', { name: 'kantah-1' })).toBeNull(),
    );
  });
});

describe('a coordinator whose agency has no member unit', () => {
  it('is offered no delegation at all', async () => {
    const calls = mockApi((call) =>
      call.path.startsWith('/v1/agencies?')
        ? json(200, { items: [{ id: 'polri', focalPointId: null }], nextCursor: null })
        : json(200, { items: [] }),
    );
    renderWith(
      <Delegation
        caseId="C1"
        assignment={
          {
            state: 'acknowledged',
            agencyId: 'polri',
            delegatedTo: null,
          } as unknown as Schemas['Assignment']
        }
        onChange={() => {}}
      />,
      { as: { agency: 'polri', role: 'agency_coordinator' } },
    );
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/v1/agencies?'))).toBe(true));
    await waitFor(() =>
      expect(screen.queryByText('Delegasikan ke unit anggota', { exact: false })).toBeNull(),
    );
  });
});

/** A coordinator's assignment Kantor Pertanahan Kota Kupang holds; `changed`: reads asked for. */
function heldByKantah7() {
  const calls = mockApi((call) => {
    if (call.path === '/v1/agency-names')
      return json(200, { items: [{ id: 'kantah-7', name: 'Kantor Pertanahan Kota Kupang' }] });
    return json(200, { agencyId: 'atr-bpn', delegatedTo: null });
  });
  let changed = 0;
  renderWith(
    <AgencyNamesProvider user="u1">
      <ActionResultProvider>
        <Delegation
          caseId="C1"
          assignment={
            { agencyId: 'atr-bpn', delegatedTo: 'kantah-7' } as unknown as Schemas['Assignment']
          }
          onChange={() => (changed += 1)}
        />
      </ActionResultProvider>
    </AgencyNamesProvider>,
    { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
  );
  return { calls, changed: () => changed };
}

describe('taking a delegated assignment back', () => {
  it('says it was taken back, from whom, where the page says what an action did', async () => {
    const { calls, changed } = heldByKantah7();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Ambil kembali dari Kantor Pertanahan Kota Kupang',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ya, ambil kembali' }));
    await waitFor(() => expect(changed()).toBe(1));
    const post = calls.find((c) => c.method === 'POST')!;
    // From the unit the button names (audit s24 #5): the API refuses it once another holds it.
    expect(post.body).toEqual({ memberId: null, from: 'kantah-7' });
    const result = screen.getByRole('status');
    expect(result.textContent).toBe('Diambil kembali dari Kantor Pertanahan Kota Kupang.');
    // Focus goes to the result, as after every other action.
    expect(document.activeElement).toBe(result);
  });
});

describe('taking back asks first', () => {
  it('sends nothing until confirmed; "Batal" and Esc return to the button', async () => {
    const { calls, changed } = heldByKantah7();
    const takeBack = await screen.findByRole('button', {
      name: 'Ambil kembali dari Kantor Pertanahan Kota Kupang',
    });
    // The unit loses the case at once (and what it is typing): a slip of the mouse must not.
    await userEvent.click(takeBack);
    const ask = await screen.findByRole('alertdialog');
    expect(ask.textContent).toContain(
      'Kantor Pertanahan Kota Kupang tidak lagi dapat membuka pengaduan ini',
    );
    expect(document.activeElement).toBe(ask);
    await userEvent.click(within(ask).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(takeBack);
    await userEvent.click(takeBack);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await userEvent.click(takeBack);
    await userEvent.click(screen.getByRole('button', { name: 'Ya, ambil kembali' }));
    await waitFor(() => expect(changed()).toBe(1));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});

describe('which member unit holds the assignment, on the case page', () => {
  it('says since when, in the reader’s zone; without a date on an older record', async () => {
    mockApi((call) =>
      call.path === '/v1/agency-names'
        ? json(200, { items: [{ id: 'kantah-7', name: 'Kantor Pertanahan Kota Kupang' }] })
        : json(200, { items: [] }),
    );
    const held = (delegatedAt: string | null) =>
      ({
        agencyId: 'atr-bpn',
        delegatedTo: 'kantah-7',
        delegatedAt,
      }) as unknown as Schemas['Assignment'];
    const first = renderWith(
      <AgencyNamesProvider user="u1">
        <HeldBy assignment={held('2026-03-17T02:30:00.000Z')} zone="Asia/Makassar" />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    await screen.findByText(
      'Didelegasikan ke Kantor Pertanahan Kota Kupang sejak 17 Mar 2026, 10.30 WITA.',
    );
    first.unmount();
    renderWith(
      <AgencyNamesProvider user="u1">
        <HeldBy assignment={held(null)} zone="Asia/Makassar" />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    await screen.findByText('Didelegasikan ke Kantor Pertanahan Kota Kupang.');
  });
});

describe('a member unit giving a delegated assignment back', () => {
  it('sends why, says so, and leaves the case it no longer has', async () => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'atr-bpn', name: 'Kementerian ATR/BPN' }] });
      return json(200, { agencyId: 'atr-bpn', delegatedTo: null });
    });
    let returned = 0;
    renderWith(
      <AgencyNamesProvider user="u1">
        <ActionResultProvider>
          <ReturnDelegation
            caseId="C1"
            assignment={
              {
                state: 'acknowledged',
                agencyId: 'atr-bpn',
                delegatedTo: 'kanwil-bpn-jatim',
              } as unknown as Schemas['Assignment']
            }
            onReturned={() => (returned += 1)}
          />
        </ActionResultProvider>
      </AgencyNamesProvider>,
      { as: { agency: 'kanwil-bpn-jatim', role: 'agency_officer' } },
    );
    const summary = await screen.findByText(
      'Bukan wilayah kami: kembalikan ke koordinator Kementerian ATR/BPN',
      { selector: 'summary, summary *' },
    );
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Lokasi di Makassar.');
    await userEvent.click(form.getByRole('button', { name: 'Kembalikan ke koordinator' }));
    await waitFor(() => expect(returned).toBe(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/v1/cases/C1/assignments/atr-bpn/delegate');
    expect(post.body).toEqual({ memberId: null, note: 'Lokasi di Makassar.' });
    expect(screen.getByRole('status').textContent).toBe(
      'Dikembalikan ke koordinator Kementerian ATR/BPN.',
    );
  });

  it('sends it again after a lost answer under the same Idempotency-Key (it no longer reads the case)', async () => {
    let attempt = 0;
    const calls = mockApi((call) => {
      if (call.method !== 'POST') return json(200, { items: [] });
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch');
      return json(200, { agencyId: 'atr-bpn', delegatedTo: null });
    });
    let returned = 0;
    renderWith(
      <ReturnDelegation
        caseId="C1"
        assignment={
          {
            state: 'acknowledged',
            agencyId: 'atr-bpn',
            delegatedTo: 'kanwil-bpn-jatim',
          } as unknown as Schemas['Assignment']
        }
        onReturned={() => (returned += 1)}
      />,
      { as: { agency: 'kanwil-bpn-jatim', role: 'agency_officer' } },
    );
    const summary = await screen.findByText(/^Bukan wilayah kami/, {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Lokasi di Makassar.');
    await userEvent.click(form.getByRole('button', { name: 'Kembalikan ke koordinator' }));
    await form.findByText(/Tidak dapat menghubungi server/);
    await userEvent.click(form.getByRole('button', { name: 'Kembalikan ke koordinator' }));
    await waitFor(() => expect(returned).toBe(1));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]!.headers.get('idempotency-key')).toBe(posts[0]!.headers.get('idempotency-key'));
  });
});

describe('a colleague moved the assignment since the page was read (audit s24)', () => {
  const NAMES = {
    items: [
      { id: 'unit-a', name: 'Kantah Surabaya' },
      { id: 'unit-b', name: 'Kantah Malang' },
    ],
  };
  const conflict = json(409, {
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'version_conflict',
    detail: 'the assignment of fp on case C1 is held by unit-b now, not unit-a: read it again',
    requestId: 'r1',
  });
  const render = (delegatedTo: string | null, onChange: () => void) =>
    renderWith(
      <AgencyNamesProvider user="u1">
        <ActionResultProvider>
          <Delegation
            caseId="C1"
            assignment={
              {
                state: 'acknowledged',
                agencyId: 'fp',
                delegatedTo,
              } as unknown as Schemas['Assignment']
            }
            onChange={onChange}
          />
        </ActionResultProvider>
      </AgencyNamesProvider>,
      { as: { agency: 'fp', role: 'agency_coordinator' } },
    );

  it('#5: "Ambil kembali" refused, it says so, announces nothing and offers the latest', async () => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, NAMES);
      return call.method === 'POST' ? conflict : json(200, { items: [] });
    });
    let changed = 0;
    render('unit-a', () => (changed += 1));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Ambil kembali dari Kantah Surabaya' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ya, ambil kembali' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Penugasan ini baru saja dipindahkan koordinator lain',
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      memberId: null,
      from: 'unit-a',
    });
    // Nothing was taken back: no "Diambil kembali dari Kantah Surabaya".
    expect(screen.getByRole('status').textContent).toBe('');
    expect(changed).toBe(0);
    await userEvent.click(screen.getByRole('button', { name: 'Muat versi terbaru' }));
    expect(changed).toBe(1);
  });

  it('#4: a delegation names no holder (the form showed none); refused, the note stays', async () => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, NAMES);
      if (call.path.startsWith('/v1/agencies?'))
        return json(200, {
          items: [
            { id: 'fp', focalPointId: null },
            { id: 'unit-a', focalPointId: 'fp' },
            { id: 'unit-b', focalPointId: 'fp' },
          ],
          nextCursor: null,
        });
      return call.method === 'POST' ? conflict : json(200, { items: [] });
    });
    let changed = 0;
    render(null, () => (changed += 1));
    await userEvent.click(
      screen.getByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' }),
    );
    const form = within(
      screen
        .getByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' })
        .closest('details')!,
    );
    await userEvent.selectOptions(await form.findByLabelText(/^Unit anggota/), 'unit-b');
    const note = form.getByLabelText(/^Catatan/) as HTMLTextAreaElement;
    await userEvent.type(note, 'Wilayah Malang.');
    await userEvent.click(form.getByRole('button', { name: 'Delegasikan' }));
    expect((await form.findByRole('alert')).textContent).toContain(
      'Penugasan ini baru saja dipindahkan koordinator lain',
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      memberId: 'unit-b',
      note: 'Wilayah Malang.',
      from: null,
    });
    expect(note.value).toBe('Wilayah Malang.');
    await userEvent.click(form.getByRole('button', { name: 'Muat versi terbaru' }));
    expect(changed).toBe(1);
  });
});

describe('a delegation typed while the assignment moves on (the page reads it again)', () => {
  const open = {
    state: 'acknowledged',
    agencyId: 'fp',
    delegatedTo: null,
  } as unknown as Schemas['Assignment'];
  /** The delegation as the case page hosts it; the function shows the assignment read again. */
  const renderReading = () => {
    let show: (next: Schemas['Assignment']) => void = () => {};
    function Page() {
      const [shown, setShown] = useState(open);
      show = setShown;
      return <Delegation caseId="C1" assignment={shown} onChange={() => {}} />;
    }
    mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'unit-a', name: 'Kantah Surabaya' }] });
      if (call.path.startsWith('/v1/agencies?'))
        return json(200, {
          items: [
            { id: 'fp', focalPointId: null },
            { id: 'unit-a', focalPointId: 'fp' },
          ],
          nextCursor: null,
        });
      return json(200, { items: [] });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Page />
      </AgencyNamesProvider>,
      { as: { agency: 'fp', role: 'agency_coordinator' } },
    );
    return (next: Schemas['Assignment']) =>
      act(async () => {
        show(next);
      });
  };
  const details = () =>
    screen
      .queryByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' })
      ?.closest('details') ?? null;
  const typeNote = async () => {
    await userEvent.click(
      screen.getByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' }),
    );
    await userEvent.type(within(details()!).getByLabelText(/^Catatan/), 'Wilayah Surabaya.');
  };

  it('withdrawn: the form stays, locked, with the note, saying why, until “Buang isian”', async () => {
    const readAgain = renderReading();
    await typeNote();
    await readAgain({ ...open, state: 'withdrawn' });
    const gone = details()!;
    expect(gone).toBeTruthy();
    expect(within(gone).getByRole('alert').textContent).toContain('sudah berstatus “Ditarik”');
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Catatan/).value).toBe(
      'Wilayah Surabaya.',
    );
    expect(within(gone).queryByRole('button', { name: 'Delegasikan' })).toBeNull();
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(details()).toBeNull());
  });

  it('delegated by another coordinator: the note stays beside “Ambil kembali”, saying to whom', async () => {
    const readAgain = renderReading();
    await typeNote();
    await readAgain({ ...open, delegatedTo: 'unit-a' });
    expect(
      await screen.findByRole('button', { name: 'Ambil kembali dari Kantah Surabaya' }),
    ).toBeTruthy();
    const gone = details()!;
    expect(gone).toBeTruthy();
    expect(within(gone).getByRole('alert').textContent).toContain(
      'sudah didelegasikan ke Kantah Surabaya',
    );
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Catatan/).value).toBe(
      'Wilayah Surabaya.',
    );
  });

  it('untouched: it just goes', async () => {
    const readAgain = renderReading();
    expect(details()).toBeTruthy();
    await readAgain({ ...open, state: 'withdrawn' });
    expect(details()).toBeNull();
  });
});

describe('a member unit giving back an assignment its coordinator has taken back meanwhile', () => {
  it('the API’s 404 (the case no longer its to read) is said as that, the form locked with the text until “Buang isian”', async () => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'atr-bpn', name: 'Kementerian ATR/BPN' }] });
      if (call.method === 'POST')
        return json(404, {
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
          detail: 'case C1 not found',
          requestId: 'r4',
        });
      return json(200, { items: [] });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <ReturnDelegation
          caseId="C1"
          assignment={
            {
              state: 'acknowledged',
              agencyId: 'atr-bpn',
              delegatedTo: 'kanwil-bpn-jatim',
            } as unknown as Schemas['Assignment']
          }
          onReturned={() => {}}
        />
      </AgencyNamesProvider>,
      { as: { agency: 'kanwil-bpn-jatim', role: 'agency_officer' } },
    );
    const summary = await screen.findByText(/^Bukan wilayah kami/, {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    const details = summary.closest('details')!;
    await userEvent.type(within(details).getByLabelText(/^Alasan/), 'Lokasi di Makassar.');
    await userEvent.click(
      within(details).getByRole('button', { name: 'Kembalikan ke koordinator' }),
    );
    const said = await within(details).findByRole('alert');
    expect(said.textContent).toContain('sudah tidak didelegasikan ke unit Anda');
    expect(said.textContent).not.toMatch(/bukan milik instansi Anda/);
    expect(within(details).getByLabelText<HTMLTextAreaElement>(/^Alasan/).value).toBe(
      'Lokasi di Makassar.',
    );
    expect(within(details).queryByRole('button', { name: 'Kembalikan ke koordinator' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    await userEvent.click(within(details).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() =>
      expect(
        screen.queryByText(/^Bukan wilayah kami/, { selector: 'summary, summary *' }),
      ).toBeNull(),
    );
  });
});
