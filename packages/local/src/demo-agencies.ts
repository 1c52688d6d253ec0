/**
 * A handful of real agencies for the embedded runtime, so a demo has somewhere to forward
 * to: a focal point (Kementerian ATR/BPN) with two regional offices as member units, and
 * agencies in WIB, WITA and WIT. Contacts are placeholders under example.go.id.
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
        role: 'liaison',
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
      { name: 'Bagian Umum Kanwil BPN Jawa Timur', email: 'pengaduan@kanwil-jatim.example.go.id' },
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
      },
    ],
  },
  {
    id: 'polri',
    name: 'Kepolisian Negara Republik Indonesia',
    kind: 'agency',
    timeZone: 'Asia/Jakarta',
    contacts: [
      { name: 'Divisi Propam Polri', email: 'dumas@polri.example.go.id', role: 'liaison' },
    ],
  },
  {
    id: 'pemprov-bali',
    name: 'Pemerintah Provinsi Bali',
    kind: 'local_government',
    timeZone: 'Asia/Makassar',
    contacts: [
      { name: 'Biro Organisasi Setda Provinsi Bali', email: 'pengaduan@baliprov.example.go.id' },
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
      },
    ],
  },
  {
    id: 'pln',
    name: 'PT PLN (Persero)',
    kind: 'soe',
    timeZone: 'Asia/Jakarta',
    contacts: [{ name: 'Unit Pengaduan Pelanggan PLN', email: 'pengaduan@pln.example.co.id' }],
  },
];
