/**
 * A handful of real agencies for the embedded runtime, so a demo has somewhere to forward
 * to: a focal point (Kementerian ATR/BPN) with two regional offices as member units, and
 * agencies in WIB, WITA and WIT. Each has a liaison (penghubung: every warning and reminder)
 * and a head (kepala, pimpinan: copied on the formal warning and central intervention only).
 * Contacts are placeholders under example.go.id.
 */
import type { CreateAgencyInput } from '@pantau/core';

export const DEMO_AGENCIES: readonly CreateAgencyInput[] = [
  {
    id: 'atr-bpn',
    name: 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional',
    kind: 'ministry',
    timeZone: 'Asia/Jakarta',
    contacts: [
      {
        name: 'Biro Hubungan Masyarakat ATR/BPN',
        email: 'pengaduan@atr-bpn.example.go.id',
        kind: 'liaison',
      },
      {
        name: 'Sekretaris Jenderal ATR/BPN',
        email: 'sekjen@atr-bpn.example.go.id',
        role: 'Sekretaris Jenderal',
        kind: 'head',
      },
    ],
  },
  {
    id: 'kanwil-bpn-jatim',
    name: 'Kantor Wilayah BPN Provinsi Jawa Timur',
    kind: 'agency',
    focalPointId: 'atr-bpn',
    timeZone: 'Asia/Jakarta',
    contacts: [
      {
        name: 'Bagian Umum Kanwil BPN Jawa Timur',
        email: 'pengaduan@kanwil-jatim.example.go.id',
        kind: 'liaison',
      },
      {
        name: 'Kepala Kanwil BPN Jawa Timur',
        email: 'kakanwil@kanwil-jatim.example.go.id',
        role: 'Kepala Kantor Wilayah',
        kind: 'head',
      },
    ],
  },
  {
    id: 'kanwil-bpn-sulsel',
    name: 'Kantor Wilayah BPN Provinsi Sulawesi Selatan',
    kind: 'agency',
    focalPointId: 'atr-bpn',
    timeZone: 'Asia/Makassar',
    contacts: [
      {
        name: 'Bagian Umum Kanwil BPN Sulawesi Selatan',
        email: 'pengaduan@kanwil-sulsel.example.go.id',
        kind: 'liaison',
      },
      {
        name: 'Kepala Kanwil BPN Sulawesi Selatan',
        email: 'kakanwil@kanwil-sulsel.example.go.id',
        role: 'Kepala Kantor Wilayah',
        kind: 'head',
      },
    ],
  },
  {
    id: 'polri',
    name: 'Kepolisian Negara Republik Indonesia',
    kind: 'agency',
    timeZone: 'Asia/Jakarta',
    contacts: [
      { name: 'Divisi Propam Polri', email: 'dumas@polri.example.go.id', kind: 'liaison' },
      {
        name: 'Kepala Divisi Propam Polri',
        email: 'kadiv-propam@polri.example.go.id',
        role: 'Kepala Divisi Profesi dan Pengamanan',
        kind: 'head',
      },
    ],
  },
  {
    id: 'pemprov-bali',
    name: 'Pemerintah Provinsi Bali',
    kind: 'local_government',
    timeZone: 'Asia/Makassar',
    contacts: [
      {
        name: 'Biro Organisasi Setda Provinsi Bali',
        email: 'pengaduan@baliprov.example.go.id',
        kind: 'liaison',
      },
      {
        name: 'Sekretaris Daerah Provinsi Bali',
        email: 'sekda@baliprov.example.go.id',
        role: 'Sekretaris Daerah',
        kind: 'head',
      },
    ],
  },
  {
    id: 'pemkot-jayapura',
    name: 'Pemerintah Kota Jayapura',
    kind: 'local_government',
    timeZone: 'Asia/Jayapura',
    contacts: [
      {
        name: 'Bagian Organisasi Setda Kota Jayapura',
        email: 'pengaduan@jayapurakota.example.go.id',
        kind: 'liaison',
      },
      {
        name: 'Sekretaris Daerah Kota Jayapura',
        email: 'sekda@jayapurakota.example.go.id',
        role: 'Sekretaris Daerah',
        kind: 'head',
      },
    ],
  },
  {
    id: 'pln',
    name: 'PT PLN (Persero)',
    kind: 'soe',
    timeZone: 'Asia/Jakarta',
    contacts: [
      {
        name: 'Unit Pengaduan Pelanggan PLN',
        email: 'pengaduan@pln.example.co.id',
        kind: 'liaison',
      },
      {
        name: 'Direktur Retail dan Niaga PLN',
        email: 'direktur-retail@pln.example.co.id',
        role: 'Direktur Retail dan Niaga',
        kind: 'head',
      },
    ],
  },
];
