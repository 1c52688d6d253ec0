/**
 * A CSV register with a title above its column titles ("BUKU AGENDA …", a "Bulan" line, a blank
 * row): the console offers the column titles, found as the API finds them, not the title.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import AdminImport, { csvTitles } from './admin-import';

const org = { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' };

describe('a CSV whose column titles sit below title rows', () => {
  it('offers the column titles, not the title', async () => {
    mockApi(() => json(200, org));
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    fireEvent.change(screen.getByLabelText('Berkas register'), {
      target: {
        files: [
          new File(
            [
              'BUKU AGENDA SURAT MASUK MARET 2026;;;;\r\nBulan: Maret;;;;\r\n;;;;\r\n' +
                'No. Surat;"Tgl Terima\r\n(Asdep)";Nama Pengirim;Perihal;"Isi; Ringkas"\r\n' +
                'B-01/III/2026;16/03/2026;Yohanes Wenda;Jalan rusak;Berlubang.\r\n',
            ],
            'register.csv',
          ),
        ],
      },
    });
    expect((await screen.findByText(/^Judul kolom di berkas ini/)).textContent).toBe(
      'Judul kolom di berkas ini: “No. Surat”, “Tgl Terima (Asdep)”, “Nama Pengirim”, “Perihal”, “Isi; Ringkas”.',
    );
  });

  it('finds them below title lines that hold no separator, `,`-separated too', async () => {
    const file = new File(
      ['BUKU AGENDA\nUnit: Asdep Pengaduan Masyarakat\n\nNo,Tanggal,Perihal,Uraian\n1,2,3,4\n'],
      'register.csv',
    );
    expect(await csvTitles(file)).toEqual(['No', 'Tanggal', 'Perihal', 'Uraian']);
  });

  it('reads the first record as before when no row has 3 titles', async () => {
    const file = new File(['BUKU AGENDA;;\nNo;Perihal\n1;x\n'], 'register.csv');
    expect(await csvTitles(file)).toEqual(['BUKU AGENDA']);
  });
});
