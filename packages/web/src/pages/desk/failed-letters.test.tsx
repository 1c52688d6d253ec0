/**
 * Failed letters at the scale of forty agencies (audit: 3 bad addresses made 106 failed letters):
 * the desk groups them by agency with one action each, the overdue-by-agency card flags an
 * agency no letter reaches, and the hint says what the reader can do (an officer cannot open the
 * agencies page).
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type Call, json, mockApi, renderWith } from '../../../test/render';
import type { Role } from '../../auth/session';
import { ByAgency } from './by-agency';
import { FailedLetters } from './failed-letters';

/** BULOG's failed letters as the API sums them up: its address refused by the mail server. */
const bulog = {
  agencyId: 'bulog',
  count: 4,
  firstAt: '2026-03-03T01:00:00.000Z',
  latestAt: '2026-04-01T01:05:00.000Z',
  failure: 'address_refused',
  addresses: ['humas@bulog.invalid'],
  lastError: '550 5.1.2 no such domain: humas@bulog.invalid',
  latestFailed: true,
  addressUnchanged: false,
};

/** One of BULOG's failed letters, as the list reads it. */
const letter = (id: string) => ({
  id,
  caseId: `case-${id}`,
  agencyId: 'bulog',
  subject: `Beras bantuan ${id}`,
  step: 'reminder_1',
  action: 'reminder',
  status: 'failed',
  createdAt: '2026-03-20T01:00:00.000Z',
  attempts: 5,
  recipients: ['humas@bulog.invalid'],
  lastError: '550 5.1.2 no such domain: humas@bulog.invalid',
  failure: 'address_refused',
  handled: null,
});

const conflict = json(409, {
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  code: 'invalid_transition',
  detail: 'letter no longer holds (deadline_passed): it is not sent again',
  requestId: 'r1',
});

const as = (role: Role) => ({ as: { agency: 'setneg', role } });

describe('the desk’s failed letters, by agency', () => {
  it('sums up each agency’s failed letters: how many, why in words, the latest, the address refused', async () => {
    const calls = mockApi((call) =>
      call.path.startsWith('/v1/notifications/failed/agencies')
        ? json(200, { items: [bulog], complete: true })
        : json(200, { items: [], nextCursor: null }),
    );
    renderWith(<FailedLetters zone="Asia/Makassar" />, as('central_officer'));
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    const group = (await within(card).findByText(/4 surat tidak terkirim/)).closest('li')!;
    expect(group.textContent).toContain('bulog');
    expect(group.textContent).toContain(
      'alamat surel penerimanya ditolak (alamat atau domainnya tidak ada)',
    );
    // The day of the latest, in the reader's zone (WITA).
    expect(group.textContent).toContain('terakhir 1 Apr 2026');
    expect(group.textContent).toContain('humas@bulog.invalid');
    // The mailer's English for an operator, folded.
    expect(group.querySelector('details code')?.textContent).toBe(bulog.lastError);
    // Counted in letters, and in agencies (what the card lists).
    expect(card.textContent).toContain('4 surat gagal terkirim untuk 1 instansi.');
    // The letters themselves are read only when asked for.
    expect(calls.some((c) => c.path.startsWith('/v1/notifications/failed?'))).toBe(false);
  });

  it('resends each letter still current and closes those no longer current, with one click, saying so in a sentence', async () => {
    // Four letters over two pages: n1 and n3 go again; n2 no longer holds (409) and is closed
    // with the fixed note; n4 a colleague handled meanwhile (both 409): counted, not an error.
    let done = false;
    const calls = mockApi((call) => {
      const { method, path } = call;
      if (method === 'POST') {
        if (path.endsWith('/resend'))
          return path.includes('/n1/') || path.includes('/n3/')
            ? json(200, { ...letter('x'), status: 'pending' })
            : conflict;
        if (path.endsWith('/dismiss'))
          return path.includes('/n2/') ? json(200, letter('n2')) : conflict;
      }
      if (path.startsWith('/v1/notifications/failed/agencies'))
        return json(200, { items: done ? [] : [bulog], complete: true });
      if (path.startsWith('/v1/notifications/failed?') && path.includes('agencyId=bulog'))
        return path.includes('cursor=')
          ? json(200, { items: [letter('n3'), letter('n4')], nextCursor: null })
          : json(200, { items: [letter('n1'), letter('n2')], nextCursor: 'next' });
      return json(200, { items: [], nextCursor: null });
    });
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    const user = userEvent.setup();
    await user.click(await within(card).findByRole('button', { name: /Kirim ulang semua \(4\)/ }));
    // Asked first: a letter closed cannot be opened again.
    const confirm = within(card).getByRole('button', { name: 'Ya, kirim ulang' });
    expect(confirm.closest('div')!.textContent).toContain('sudah tidak berlaku');
    done = true;
    await user.click(confirm);
    const said = await within(card).findByText(
      'bulog: 2 dikirim ulang, 1 ditutup karena sudah tidak berlaku, 1 sudah ditangani sebelumnya.',
    );
    expect(said.getAttribute('role')).toBe('status');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.path)).toEqual([
      '/v1/cases/case-n1/letters/n1/resend',
      '/v1/cases/case-n2/letters/n2/resend',
      '/v1/cases/case-n2/letters/n2/dismiss',
      '/v1/cases/case-n3/letters/n3/resend',
      '/v1/cases/case-n4/letters/n4/resend',
      '/v1/cases/case-n4/letters/n4/dismiss',
    ]);
    // The note the closed one keeps is a sentence, the same for each, in Indonesian.
    const note = (posts[2]!.body as { note: string }).note;
    expect(note).toMatch(/^Ditutup tanpa kirim ulang: isi surat ini sudah tidak berlaku lagi/);
    expect(note).not.toMatch(/bulog|deadline_passed/);
    // The card is read again: nothing left.
    await expect
      .poll(() => within(card).queryByRole('button', { name: /Kirim ulang semua/ }))
      .toBeNull();
  });

  it('stops at a failure it cannot judge, saying how far it got; a second press carries on', async () => {
    let down = true;
    const sent = new Set<string>();
    mockApi((call) => {
      if (call.method === 'POST') {
        if (call.path.includes('/n2/') && down)
          return json(503, {
            type: 'about:blank',
            title: 'Service Unavailable',
            status: 503,
            code: 'service_unavailable',
          });
        sent.add(call.path.split('/')[5]!);
        return json(200, { ...letter('x'), status: 'pending' });
      }
      if (call.path.startsWith('/v1/notifications/failed/agencies'))
        return json(200, { items: [bulog], complete: true });
      if (call.path.startsWith('/v1/notifications/failed?'))
        return json(200, {
          items: [letter('n1'), letter('n2')].filter((n) => !sent.has(n.id)),
          nextCursor: null,
        });
      return json(200, { items: [], nextCursor: null });
    });
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    const user = userEvent.setup();
    await user.click(await within(card).findByRole('button', { name: /Kirim ulang semua/ }));
    await user.click(within(card).getByRole('button', { name: 'Ya, kirim ulang' }));
    await within(card).findByRole('alert');
    expect(within(card).getByRole('status').textContent).toBe(
      'bulog: 1 dikirim ulang. Terhenti setelah 1 dari 2 surat; tekan lagi untuk meneruskan.',
    );
    // The API is back: the next press starts from the letters still failed (n1 went already).
    down = false;
    await user.click(within(card).getByRole('button', { name: /Kirim ulang semua/ }));
    await user.click(within(card).getByRole('button', { name: 'Ya, kirim ulang' }));
    await within(card).findByText('bulog: 1 dikirim ulang.');
    expect(within(card).queryByRole('alert')).toBeNull();
    expect([...sent]).toEqual(['n1', 'n2']);
  });

  it('tells an officer to ask an admin, naming the agency and the address refused', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/notifications/failed/agencies')
        ? json(200, { items: [bulog], complete: true })
        : json(200, { items: [], nextCursor: null }),
    );
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    const group = (await within(card).findByText(/4 surat tidak terkirim/)).closest('li')!;
    expect(group.textContent).toContain(
      'Minta admin pusat memperbaiki alamat surel bulog (humas@bulog.invalid ditolak)',
    );
    // The agencies page is an admin's: no link an officer would meet "not found" behind.
    expect(group.textContent).not.toContain('halaman Instansi');
    expect(within(group).queryByRole('link', { name: /Instansi/ })).toBeNull();
  });

  it('gives an admin the link to the agencies page', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/notifications/failed/agencies')
        ? json(200, { items: [bulog], complete: true })
        : json(200, { items: [], nextCursor: null }),
    );
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_admin'));
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    const link = await within(card).findByRole('link', { name: 'halaman Instansi' });
    expect(link.getAttribute('href')).toBe('/admin/agencies');
  });

  it('warns when the address refused is still the agency’s', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/notifications/failed/agencies')
        ? json(200, { items: [{ ...bulog, addressUnchanged: true }], complete: true })
        : json(200, { items: [], nextCursor: null }),
    );
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    await within(card).findByText(/4 surat tidak terkirim/);
    expect(card.textContent).toContain(
      'Alamat yang ditolak masih tercatat untuk bulog: kirim ulang setelah alamatnya diperbaiki.',
    );
  });

  it('still lists the letters one by one, each with its own actions, when opened', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/notifications/failed/agencies')
        ? json(200, { items: [bulog], complete: true })
        : call.path.startsWith('/v1/notifications/failed?') && call.path.includes('agencyId=bulog')
          ? json(200, { items: [letter('n1')], nextCursor: null, total: 1 })
          : json(200, { items: [], nextCursor: null }),
    );
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    const user = userEvent.setup();
    await user.click(await within(card).findByText(/Lihat suratnya satu per satu/));
    const item = (await within(card).findByText('Beras bantuan n1')).closest('li')!;
    expect(item.textContent).toContain('Surat pengingat I');
    expect(within(item).getByRole('button', { name: 'Kirim ulang' })).toBeTruthy();
  });
});

describe('the desk’s overdue-by-agency card', () => {
  it('flags an agency whose latest letter failed, and why, so central phones it rather than escalates', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/notifications/failed/agencies')
        ? json(200, {
            items: [bulog, { ...bulog, agencyId: 'pln', latestFailed: false }],
            complete: true,
          })
        : json(200, { items: [], nextCursor: null }),
    );
    const overdue = (agencyId: string, escalationLevel: number) => ({
      caseId: `${agencyId}-1`,
      agencyId,
      escalationLevel,
      due: {
        acknowledge: '2026-03-02T16:59:59.999Z',
        followUp: '2026-03-16T16:59:59.999Z',
        resolution: '2026-04-27T16:59:59.999Z',
      },
      met: { acknowledge: null, followUp: null, resolution: null },
    });
    renderWith(
      <ByAgency
        items={
          [overdue('bulog', 3), overdue('pln', 2), overdue('polri', 1)] as unknown as Parameters<
            typeof ByAgency
          >[0]['items']
        }
        complete
        now={new Date('2026-04-06T03:00:00.000Z')}
      />,
      as('central_officer'),
    );
    const row = (name: string) => screen.getByRole('link', { name }).closest('tr')!;
    await expect
      .poll(() => row('bulog').textContent)
      .toContain(
        'surat terakhir tidak terkirim: alamat surel penerimanya ditolak (alamat atau domainnya tidak ada)',
      );
    // PLN's last letter went (its earlier failures are on the failed-letters card); Polri has none.
    expect(row('pln').textContent).not.toContain('tidak terkirim');
    expect(row('polri').textContent).not.toContain('tidak terkirim');
  });
});

describe('the desk’s failed letters, one by one', () => {
  /** Polri's one failed letter, summed up and listed as the API answers `/failed?agencyId=`. */
  const oneLetter = (
    n: Record<string, unknown>,
    handler?: (call: Call) => ReturnType<typeof json> | undefined,
  ) =>
    mockApi((call) => {
      const own = handler?.(call);
      if (own) return own;
      if (call.path.startsWith('/v1/notifications/failed/agencies'))
        return json(200, {
          items: [
            {
              ...bulog,
              agencyId: 'polri',
              count: 1,
              failure: n.failure,
              addresses: n.recipients,
              lastError: n.lastError,
            },
          ],
          complete: true,
        });
      if (call.path.startsWith('/v1/notifications/failed?') && call.path.includes('agencyId=polri'))
        return json(200, { items: [n], nextCursor: null, total: 1 });
      return json(200, { items: [], nextCursor: null });
    });

  const opened = async () => {
    const card = screen.getByRole('region', { name: /Surat gagal terkirim/ });
    await userEvent.click(await within(card).findByText(/Lihat suratnya satu per satu/));
    return card;
  };

  it('names each by its case, its step as its letter is titled, and where it went', async () => {
    // The policy's third rung named `reminder_3` is its second reminder: "Surat Pengingat II".
    oneLetter({
      ...letter('n1'),
      agencyId: 'polri',
      subject: 'Surat Pengingat II atas Pengaduan Masyarakat 17/DUMAS/III/2026: Jalan',
      step: 'reminder_3',
      recipients: ['humas@polri.example.go.id'],
      lastError: 'MessageRejected: Email address is not verified.',
      failure: 'mailer',
    });
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = await opened();
    const li = (await within(card).findByText(/gagal setelah 5 kali percobaan/)).closest('li')!;
    expect(li.textContent).toContain(': Jalan · Surat pengingat II · 20 Mar 2026, 08.00 WIB');
    expect(li.textContent).toContain('kepada humas@polri.example.go.id');
    // The mailer's English is for the operator, folded under the agency's sum, in no sentence.
    const group = li.parentElement!.closest('li')!;
    expect(group.querySelector('details code')?.textContent).toBe(
      'MessageRejected: Email address is not verified.',
    );
    expect(group.textContent).toContain('Sebab: layanan surel menolak mengirimnya.');
  });

  it('says, in a sentence, that a letter addressed to no one needs a contact, not that sending failed', async () => {
    oneLetter({
      ...letter('n2'),
      agencyId: 'polri',
      attempts: 0,
      recipients: [],
      lastError:
        "no e-mail address for this letter: it is addressed to Polri's head, and none has one. Add the contact to the agency, then send the letter again",
      failure: 'no_address',
    });
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = await opened();
    const group = (await within(card).findByText(/1 surat tidak terkirim/)).closest('li')!;
    expect(group.textContent).toContain('Sebab: penerimanya belum punya alamat surel.');
    expect(group.textContent).toContain('Minta admin pusat menambahkan kontak polri');
    await within(card).findByText('penerimanya belum punya alamat surel');
    expect(within(card).queryByText(/gagal setelah 0 kali percobaan/)).toBeNull();
  });

  it('sends one again to the corrected address, says so, and takes it off the list', async () => {
    const n1 = { ...letter('n1'), agencyId: 'polri', step: 'forwarding', lastError: null };
    let resent = false;
    const calls = oneLetter(n1, (call) => {
      if (call.method === 'POST' && call.path === '/v1/cases/case-n1/letters/n1/resend') {
        resent = true;
        return json(200, { ...n1, status: 'pending', recipients: ['baru@polri.example.go.id'] });
      }
      if (resent && call.path.startsWith('/v1/notifications/failed'))
        return json(200, { items: [], nextCursor: null, complete: true });
      return undefined;
    });
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = await opened();
    await userEvent.click(await within(card).findByRole('button', { name: 'Kirim ulang' }));
    const said = await within(card).findByText(
      'Surat untuk polri dikirim ulang kepada baru@polri.example.go.id; surat akan terkirim dalam 15 menit.',
    );
    expect(said.getAttribute('role')).toBe('status');
    await expect.poll(() => within(card).queryByRole('button', { name: 'Kirim ulang' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/v1/cases/case-n1/letters/n1/resend',
    ]);
  });

  it('says in words why a letter is not sent again, and an officer whom to ask for an address', async () => {
    let answer = conflict;
    oneLetter({ ...letter('n1'), agencyId: 'polri' }, (call) =>
      call.method === 'POST' ? answer : undefined,
    );
    renderWith(<FailedLetters zone="Asia/Jakarta" />, as('central_officer'));
    const card = await opened();
    await userEvent.click(await within(card).findByRole('button', { name: 'Kirim ulang' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('penugasannya sudah berakhir');
    expect(alert.textContent).not.toContain('invalid_transition');
    answer = json(400, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      detail: 'Polri has no e-mail address for this letter',
      errors: [{ path: 'recipients', message: 'no address' }],
      requestId: 'r2',
    });
    await userEvent.click(within(card).getByRole('button', { name: 'Kirim ulang' }));
    await expect
      .poll(() => within(card).getByRole('alert').textContent)
      .toContain('polri belum memiliki alamat surel untuk surat ini. Minta admin pusat');
  });
});
