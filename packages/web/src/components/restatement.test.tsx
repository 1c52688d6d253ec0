import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import type { Schemas } from '../api/client';
import { Restatement } from './restatement';

const SIGNED = 'Petugas meminta uang tambahan. Hormat saya, Dewi Lestari, 0812';

/** An e-mail forwarded with its identity hidden before a restatement was required. */
const withheld = {
  id: 'C1',
  status: 'forwarded',
  channel: 'email',
  identityHidden: true,
  subject: 'Pungutan liar',
  description: SIGNED,
  agencyDescription: null,
  version: 7,
  assignments: [{ agencyId: 'samsat', subject: 'Pungutan liar' }],
} as unknown as Schemas['Case'];

/** The sentences a screen reader reads with a control: its hint, error, and any notice. */
const describedBy = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

const formOf = () =>
  within(
    screen
      .getByText('Rumuskan ulang untuk instansi', { selector: 'summary, summary *' })
      .closest('details')!,
  );

describe('restating an e-mail the agencies cannot read', () => {
  it('opens saying so, refuses the text as it came, and sends the restatement on its version', async () => {
    const calls = mockApi((call) =>
      call.method === 'PATCH' ? json(200, { ...withheld, agencyDescription: 'x' }) : json(200, {}),
    );
    let changed = 0;
    renderWith(<Restatement kase={withheld} onChange={() => (changed += 1)} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = formOf();
    expect(form.getByText(/Instansi belum dapat membaca uraian pengaduan ini/)).toBeTruthy();
    // It starts from the mail as it came: sent unchanged, the agencies would read the signature.
    const text = form.getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    expect(text.value).toBe(SIGNED);
    await userEvent.click(form.getByRole('button', { name: 'Simpan rumusan' }));
    expect(
      (await form.findAllByText('Ubah perihal atau uraian untuk instansi: belum ada yang diubah.'))
        .length,
    ).toBeGreaterThan(0);
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);

    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    await userEvent.click(form.getByRole('button', { name: 'Simpan rumusan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    const sent = calls.find((c) => c.method === 'PATCH')!;
    expect(sent.path).toBe('/v1/cases/C1');
    // Only what changed, on the version the form was made from.
    expect(sent.body).toEqual({ agencyDescription: 'Petugas meminta uang tambahan.', version: 7 });
    await waitFor(() => expect(changed).toBe(1));
  });

  it('says when the case changed since the form was opened, and keeps what was typed', async () => {
    mockApi((call) =>
      call.method === 'PATCH'
        ? json(409, {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'version_conflict',
            detail: 'case C1 was saved since version 7 (now 8): read it again',
            requestId: 'r1',
          })
        : json(200, {}),
    );
    renderWith(<Restatement kase={withheld} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = formOf();
    const text = form.getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    await userEvent.click(form.getByRole('button', { name: 'Simpan rumusan' }));
    expect((await form.findByRole('alert')).textContent).toContain(
      'Pengaduan ini berubah sejak formulir dibuka',
    );
    expect(text.value).toBe('Petugas meminta uang tambahan.');
    expect(form.getByRole('button', { name: 'Muat versi terbaru' })).toBeTruthy();
  });
});

describe('a case the agencies read as it is', () => {
  it('keeps the form closed, without the warning', () => {
    mockApi(() => json(200, {}));
    renderWith(
      <Restatement
        kase={{ ...withheld, identityHidden: false, channel: 'letter' } as Schemas['Case']}
        onChange={() => {}}
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const details = screen
      .getByText('Rumuskan ulang untuk instansi', { selector: 'summary, summary *' })
      .closest('details')!;
    expect(details.open).toBe(false);
    expect(within(details).queryByText(/Instansi belum dapat membaca/)).toBeNull();
  });
});

describe('a restatement cut short after the case was saved', () => {
  it('says an agency’s queue still shows the old subject, and sends the subject to finish it', async () => {
    const calls = mockApi((call) =>
      call.method === 'PATCH' ? json(200, withheld) : json(200, {}),
    );
    const behind = {
      ...withheld,
      channel: 'letter',
      identityHidden: false,
      subject: 'Pungutan liar di loket',
      assignments: [{ agencyId: 'samsat', subject: 'Pungutan liar oleh Budi' }],
    } as unknown as Schemas['Case'];
    renderWith(<Restatement kase={behind} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = formOf();
    expect(form.getByText(/Perihal baru belum tampil di antrean semua instansi/)).toBeTruthy();
    await userEvent.click(form.getByRole('button', { name: 'Simpan rumusan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      subject: 'Pungutan liar di loket',
      version: 7,
    });
  });
});

describe('a restatement the API refused for an ended session (401)', () => {
  const UNAUTHORIZED = { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' };
  const render = (kase = withheld) =>
    renderWith(<Restatement kase={kase} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });

  it('keeps the text typed: the form opened again on the same case holds it, and says so', async () => {
    mockApi((call) => (call.method === 'PATCH' ? json(401, UNAUTHORIZED) : json(200, {})));
    const first = render();
    const text = formOf().getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    await userEvent.click(formOf().getByRole('button', { name: 'Simpan rumusan' }));
    await waitFor(() => expect(screen.queryByText('Rumuskan ulang untuk instansi')).toBeNull());
    first.unmount();
    render();
    const again = formOf();
    expect(again.getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/).value).toBe(
      'Petugas meminta uang tambahan.',
    );
    expect(again.getByText('Isian yang belum terkirim dipulihkan.')).toBeTruthy();
  });

  it('does not give it back over a colleague’s restatement since without a word: the field says so, with theirs', async () => {
    mockApi((call) => (call.method === 'PATCH' ? json(401, UNAUTHORIZED) : json(200, {})));
    const first = render();
    const text = formOf().getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    await userEvent.click(formOf().getByRole('button', { name: 'Simpan rumusan' }));
    await waitFor(() => expect(screen.queryByText('Rumuskan ulang untuk instansi')).toBeNull());
    first.unmount();
    // A colleague restated it meanwhile (version 8).
    render({ ...withheld, version: 8, agencyDescription: 'Pengadu dimintai uang oleh petugas.' });
    const again = formOf();
    const restored = again.getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    expect(restored.value).toBe('Petugas meminta uang tambahan.');
    expect(describedBy(restored)).toMatch(/rekan Anda mengubah/i);
    expect(describedBy(restored)).toContain('Pengadu dimintai uang oleh petugas.');
  });
});

describe('the case read again while the form is open (after an action on the page)', () => {
  /** The form as the case page hosts it, and `reload`: the case read again. */
  const renderReloading = (first: Schemas['Case'], calls = mockApi(() => json(200, {}))) => {
    let show: (next: Schemas['Case']) => void = () => {};
    function Page() {
      const [shown, setShown] = useState(first);
      show = setShown;
      return <Restatement kase={shown} onChange={() => {}} />;
    }
    renderWith(<Page />, { as: { agency: 'setneg', role: 'central_officer' } });
    return {
      calls,
      reload: (next: Schemas['Case']) =>
        act(async () => {
          show(next);
        }),
    };
  };
  const patches = (calls: ReturnType<typeof mockApi>) => calls.filter((c) => c.method === 'PATCH');

  it('stays open with the text typed; a field left as it was follows the case', async () => {
    const { calls, reload } = renderReloading(withheld);
    const text = formOf().getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    // A colleague restated the subject meanwhile (version 8).
    await reload({
      ...withheld,
      subject: 'Pungutan liar di Samsat',
      version: 8,
      assignments: [{ agencyId: 'samsat', subject: 'Pungutan liar di Samsat' }],
    } as unknown as Schemas['Case']);
    const details = screen
      .getByText('Rumuskan ulang untuk instansi', { selector: 'summary, summary *' })
      .closest('details')!;
    expect(details.open).toBe(true);
    const form = formOf();
    expect(form.getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/).value).toBe(
      'Petugas meminta uang tambahan.',
    );
    expect(form.getByLabelText<HTMLInputElement>(/^Perihal/).value).toBe('Pungutan liar di Samsat');
    await userEvent.click(form.getByRole('button', { name: 'Simpan rumusan' }));
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    // The colleague's subject is not sent back; the text goes on the version read again.
    expect(patches(calls)[0]!.body).toEqual({
      agencyDescription: 'Petugas meminta uang tambahan.',
      version: 8,
    });
  });

  it('a notice not yet decided comes back with the text when the page is taken away (an expired session) and opened again', async () => {
    const { reload } = renderReloading(withheld);
    const text = formOf().getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    const restated = {
      ...withheld,
      version: 8,
      agencyDescription: 'Pengadu dimintai uang oleh petugas.',
    } as unknown as Schemas['Case'];
    await reload(restated);
    cleanup();
    renderWith(<Restatement kase={restated} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const again = formOf().getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    expect(again.value).toBe('Petugas meminta uang tambahan.');
    expect(describedBy(again)).toContain('Pengadu dimintai uang oleh petugas.');
  });

  it('a colleague’s restatement of the same text meanwhile is said at the field; the officer’s is sent only once they keep it', async () => {
    const { calls, reload } = renderReloading(withheld);
    const text = formOf().getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    await reload({
      ...withheld,
      version: 8,
      agencyDescription: 'Pengadu dimintai uang oleh petugas.',
    } as unknown as Schemas['Case']);
    const form = formOf();
    const mine = form.getByLabelText<HTMLTextAreaElement>(/^Uraian untuk instansi/);
    expect(mine.value).toBe('Petugas meminta uang tambahan.');
    expect(describedBy(mine)).toMatch(/rekan Anda mengubah/i);
    expect(describedBy(mine)).toContain('Pengadu dimintai uang oleh petugas.');
    await userEvent.click(form.getByRole('button', { name: 'Simpan rumusan' }));
    expect(
      (await form.findAllByText(/Uraian untuk instansi diubah rekan Anda/)).length,
    ).toBeGreaterThan(0);
    expect(patches(calls)).toEqual([]);
    await userEvent.click(form.getByRole('button', { name: /^Tetap pakai isian saya/ }));
    expect(describedBy(mine)).not.toMatch(/rekan Anda mengubah/i);
    await userEvent.click(form.getByRole('button', { name: 'Simpan rumusan' }));
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    expect(patches(calls)[0]!.body).toEqual({
      agencyDescription: 'Petugas meminta uang tambahan.',
      version: 8,
    });
  });
});
