/**
 * The inline confirmation (`role="alertdialog"`) closes on Esc as on "Batal" (audit s24,
 * minor): nothing is sent, the values stay, focus goes back to the submit button.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { renderWith } from '../../test/render';
import { ActionForm } from './action-form';
import { TextField } from './field';

const Body = z.object({ reason: z.string().min(1) });

describe('an action that asks first', () => {
  it('cancels on Esc: nothing sent, the text kept, focus back on its button', async () => {
    const send = vi.fn(async () => ({}));
    renderWith(
      <ActionForm
        title="Tolak"
        schema={Body}
        open
        submitLabel="Tolak pengaduan"
        confirm={{ message: 'Tolak pengaduan ini?', label: 'Ya, tolak' }}
        send={send}
        onDone={() => {}}
      >
        {(form) => <TextField form={form} name="reason" label="Alasan" />}
      </ActionForm>,
    );
    await userEvent.type(screen.getByLabelText('Alasan'), 'Bukan kewenangan');
    await userEvent.click(screen.getByRole('button', { name: 'Tolak pengaduan' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Tolak pengaduan ini?' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Alasan') as HTMLInputElement).value).toBe('Bukan kewenangan');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Tolak pengaduan' }));
  });
});
