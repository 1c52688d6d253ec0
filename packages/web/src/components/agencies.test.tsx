import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { useSignedIn } from '../auth/session-context';
import { AgencyName, AgencyNamesProvider, AgencyPicker } from './agencies';

const NAMES = {
  items: [{ id: 'kanwil-bpn-sulsel', name: 'Kantor Wilayah BPN Sulawesi Selatan' }],
};
const UNAVAILABLE = json(503, {
  type: 'about:blank',
  title: 'Service Unavailable',
  status: 503,
  code: 'unavailable',
});

const named = () =>
  renderWith(
    <AgencyNamesProvider user="u1">
      <p data-testid="who">
        <AgencyName id="kanwil-bpn-sulsel" />
      </p>
    </AgencyNamesProvider>,
    { as: { agency: 'setneg', role: 'central_officer' } },
  );

describe('agency names', () => {
  it('shows no agency code while the names are on their way', async () => {
    let answer = () => {};
    const names = new Promise<Response>(
      (resolve) =>
        (answer = () =>
          resolve(
            new Response(JSON.stringify(NAMES), {
              headers: { 'content-type': 'application/json' },
            }),
          )),
    );
    mockApi((call) => (call.path === '/v1/agency-names' ? names : new Promise(() => {})));
    named();
    const who = await screen.findByTestId('who');
    expect(who.textContent).not.toContain('kanwil-bpn-sulsel');
    expect(who.textContent).toBe('…');
    answer();
    await waitFor(() => expect(who.textContent).toBe('Kantor Wilayah BPN Sulawesi Selatan'));
  });

  it('says when the names could not be read, and reads them again when asked', async () => {
    let asked = 0;
    mockApi((call) => {
      if (call.path !== '/v1/agency-names') return new Promise(() => {});
      asked += 1;
      return asked === 1 ? UNAVAILABLE : json(200, NAMES);
    });
    named();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nama instansi belum dapat dimuat');
    expect(screen.getByTestId('who').textContent).not.toContain('kanwil-bpn-sulsel');
    await userEvent.click(screen.getByRole('button', { name: 'Muat ulang nama instansi' }));
    await waitFor(() =>
      expect(screen.getByTestId('who').textContent).toBe('Kantor Wilayah BPN Sulawesi Selatan'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads them again by itself after a failure', async () => {
    let asked = 0;
    mockApi((call) => {
      if (call.path !== '/v1/agency-names') return new Promise(() => {});
      asked += 1;
      return asked === 1 ? UNAVAILABLE : json(200, NAMES);
    });
    named();
    await screen.findByRole('alert');
    await waitFor(
      () =>
        expect(screen.getByTestId('who').textContent).toBe('Kantor Wilayah BPN Sulawesi Selatan'),
      { timeout: 5_000 },
    );
  });
});

describe('the agency picker', () => {
  it('Esc closes the list, keeping the text; a second Esc clears it (the APG combobox)', async () => {
    mockApi((call) =>
      call.path === '/v1/agency-names' ? json(200, NAMES) : new Promise(() => {}),
    );
    renderWith(
      <AgencyNamesProvider user="u1">
        <AgencyPicker label="Cari dan tambah instansi" onPick={() => {}} />
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const user = userEvent.setup();
    const box = screen.getByRole('combobox', { name: 'Cari dan tambah instansi' });
    await user.type(box, 'bpn');
    await screen.findByRole('option', { name: 'Kantor Wilayah BPN Sulawesi Selatan' });
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((box as HTMLInputElement).value).toBe('bpn');
    // Typed wrongly: a second Esc starts again, as in a search box, without reaching for Delete.
    await user.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(box);
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the signed-in officer’s own agency', () => {
  it('is read again after a failure, so that times come in its zone, not WIB by default', async () => {
    let asked = 0;
    mockApi((call) => {
      if (call.path !== '/v1/agencies/pemprov-sulsel') return new Promise(() => {});
      asked += 1;
      return asked === 1
        ? UNAVAILABLE
        : json(200, {
            id: 'pemprov-sulsel',
            name: 'Pemprov Sulawesi Selatan',
            timeZone: 'Asia/Makassar',
          });
    });
    function Zone() {
      return <p data-testid="zone">{useSignedIn().zone}</p>;
    }
    renderWith(<Zone />, { as: { agency: 'pemprov-sulsel', role: 'agency_officer' } });
    await waitFor(() => expect(screen.getByTestId('zone').textContent).toBe('Asia/Makassar'), {
      timeout: 5_000,
    });
    expect(asked).toBe(2);
  });
});
