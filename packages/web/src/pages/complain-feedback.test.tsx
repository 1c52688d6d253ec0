/**
 * The public complaint form after a failed "Kirim" (audit s24, F1): the form is long and the
 * button at its foot, so what went wrong must come to the person, not wait above the screen.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderWith } from '../../test/render';
import { Complain } from './complain';

afterEach(() => vi.restoreAllMocks());

const summaryOf = async () =>
  (await screen.findByText('Periksa isian berikut:')).closest<HTMLElement>('[role="alert"]')!;

describe('a failed “Kirim pengaduan”', () => {
  it('moves focus to the error summary, whose every item links to its field', async () => {
    mockApi(() => new Promise<never>(() => {}));
    renderWith(<Complain />, { path: '/adukan' });
    const send = screen.getByRole('button', { name: 'Kirim pengaduan' });
    await userEvent.click(send);
    const summary = await summaryOf();
    const active = document.activeElement!;
    expect(active).not.toBe(send);
    expect(active.contains(summary) || summary.contains(active)).toBe(true);
    const items = within(summary).getAllByRole('listitem');
    // Name, subject, description and the anti-spam proof, each a link.
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) expect(within(item).queryByRole('link')).not.toBeNull();
    await userEvent.click(within(summary).getByRole('link', { name: 'Nama wajib diisi.' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Nama/));
  });

  it('says an unsolved proof in the page’s own sentence, in the summary and beside the widget, and links there', async () => {
    mockApi(() => new Promise<never>(() => {}));
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    await userEvent.type(screen.getByLabelText(/^Nama/), 'Siti Rahmawati');
    await userEvent.type(screen.getByLabelText(/^Perihal/), 'Jalan rusak');
    await userEvent.type(screen.getByLabelText(/^Uraian pengaduan/), 'Berlubang sejak Januari.');
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan' }));
    const summary = await summaryOf();
    const sentence = 'Tunggu hingga pemeriksaan anti-spam selesai, lalu kirim lagi.';
    expect(document.activeElement!.contains(summary)).toBe(true);
    const link = within(summary).getByRole('link', { name: sentence });
    // Beside the widget too, tied to its group: the person who scrolls down reads it there.
    const proof = container.querySelector('altcha-widget')!.closest('fieldset')!;
    const beside = within(proof).getByText(sentence);
    expect(proof.getAttribute('aria-describedby')?.split(' ')).toContain(beside.id);
    await userEvent.click(link);
    expect(document.activeElement).toBe(proof);
  });

  it('drops the note beside the widget once the proof is solved', async () => {
    mockApi(() => new Promise<never>(() => {}));
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan' }));
    const proof = container.querySelector('altcha-widget')!.closest('fieldset')!;
    expect(within(proof).queryByText(/Tunggu hingga pemeriksaan/)).not.toBeNull();
    fireEvent(
      container.querySelector('altcha-widget')!,
      new CustomEvent('statechange', { detail: { state: 'verified', payload: 'cHJvb2Y=' } }),
    );
    expect(within(proof).queryByText(/Tunggu hingga pemeriksaan/)).toBeNull();
    expect(proof.getAttribute('aria-describedby')).toBeNull();
  });
});
