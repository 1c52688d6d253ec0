/**
 * A date field shows its value in the browser's language's order: in an English-locale browser
 * "03/04/2026" is 4 March, read as 3 April by an officer. So the field says the day it holds in
 * words under it, read with the field (aria-describedby), and the zone a time is read in.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { json, mockApi, renderWith } from '../../test/render';
import { type Lang, readLocalValue } from '../format';
import { useForm } from '../forms/use-form';
import { LocalTimeField } from './activity-fields';
import { TextField } from './field';

const Schema = z.object({ day: z.string().optional(), at: z.string().optional() });

function Fields() {
  const form = useForm(Schema, {});
  return (
    <>
      <TextField form={form} name="day" type="date" label="Tanggal surat" />
      <LocalTimeField form={form} name="at" label="Jadwal" />
    </>
  );
}

/** The texts the field's aria-describedby points at, as a screen reader reads them with it. */
const described = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '');

const renderFields = (lang: Lang = 'id') => {
  mockApi((call) =>
    call.path === '/v1/agencies/setneg'
      ? json(200, { id: 'setneg', name: 'Setneg', timeZone: 'Asia/Makassar' })
      : json(200, { items: [] }),
  );
  renderWith(<Fields />, { as: { agency: 'setneg', role: 'central_officer' }, lang });
};

describe('a date typed in a field', () => {
  it('is said in words under it, read with it, and nothing while it is empty', async () => {
    renderFields();
    const day = screen.getByLabelText('Tanggal surat');
    expect(described(day)).toEqual([]);
    fireEvent.change(day, { target: { value: '2026-04-03' } });
    const words = await screen.findByText('Jumat, 3 April 2026');
    expect(described(day)).toEqual(['Jumat, 3 April 2026']);
    // Said as it changes, without moving the focus.
    expect(words.getAttribute('aria-live')).toBe('polite');
    fireEvent.change(day, { target: { value: '' } });
    expect(screen.queryByText('Jumat, 3 April 2026')).toBeNull();
    expect(described(day)).toEqual([]);
  });

  it('says nothing of a year still being typed or a day that does not exist', async () => {
    renderFields();
    const day = screen.getByLabelText('Tanggal surat');
    for (const value of ['0202-04-03', '2026-02-30', '2026-4-3']) {
      fireEvent.change(day, { target: { value } });
      expect(described(day)).toEqual([]);
    }
    // jsdom, as a browser, empties a value that is no day before the field sees it; the
    // reading refuses it on its own too.
    for (const value of ['0202-04-03', '2026-02-30', '2026-04-03T24:00', '03/04/2026'])
      expect(readLocalValue(value)).toBeNull();
    expect(readLocalValue('2026-04-03T10:00')).toEqual({ date: '2026-04-03', time: '10:00' });
  });

  it('says a date and time with the hour and the zone it is read in', async () => {
    renderFields();
    const at = await screen.findByLabelText(/^Jadwal \(WITA\)/);
    fireEvent.change(at, { target: { value: '2026-04-03T10:00' } });
    await screen.findByText('Jumat, 3 April 2026, pukul 10.00 WITA');
    expect(described(at)).toEqual(['Jumat, 3 April 2026, pukul 10.00 WITA']);
  });

  it('in English to a reader who chose it', async () => {
    renderFields('en');
    const at = await screen.findByLabelText(/\(WITA\)/);
    fireEvent.change(at, { target: { value: '2026-04-03T10:00' } });
    await waitFor(() => expect(described(at)).toEqual(['Friday, 3 April 2026, at 10:00 WITA']));
  });
});
