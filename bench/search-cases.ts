/**
 * The search benchmark's cases: complaints in realistic Indonesian (18 topics with their
 * respondents and descriptions, 100 regencies, names), the same every run.
 */
import type { CaseRecord } from '@pantau/core';

export const TOPICS = [
  [
    'Sertifikat tanah tidak kunjung terbit',
    'Kantor Pertanahan',
    'Permohonan sertifikat hak milik atas tanah warisan diajukan dua tahun lalu, namun hingga kini belum ada kejelasan dari petugas.',
  ],
  [
    'Sengketa batas tanah dengan tetangga',
    'Kantor Pertanahan',
    'Pengukuran ulang bidang tanah tidak pernah dilakukan walaupun biaya pengukuran sudah dibayar lunas.',
  ],
  [
    'Penggusuran lahan tanpa ganti rugi',
    'Pemerintah Kabupaten',
    'Rumah dan lahan kebun warga digusur untuk proyek jalan tanpa musyawarah dan tanpa ganti rugi yang layak.',
  ],
  [
    'Pungutan liar pembuatan KTP elektronik',
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Petugas meminta uang pelicin agar KTP elektronik dapat dicetak lebih cepat, padahal layanan ini gratis.',
  ],
  [
    'Jalan rusak tidak diperbaiki',
    'Dinas Pekerjaan Umum',
    'Jalan desa berlubang dan tergenang air sejak musim hujan, sudah banyak pengendara sepeda motor terjatuh.',
  ],
  [
    'Bantuan sosial tidak tepat sasaran',
    'Dinas Sosial',
    'Keluarga miskin di lingkungan kami tidak menerima bantuan, sementara penerima justru keluarga mampu.',
  ],
  [
    'Pemadaman listrik berulang tanpa pemberitahuan',
    'PLN Unit Layanan Pelanggan',
    'Listrik padam hampir setiap malam sehingga usaha kecil kami merugi dan peralatan rumah tangga rusak.',
  ],
  [
    'Pelayanan rumah sakit daerah buruk',
    'Rumah Sakit Umum Daerah',
    'Pasien peserta BPJS Kesehatan ditolak dengan alasan kamar penuh, padahal kondisi pasien gawat darurat.',
  ],
  [
    'Gaji guru honorer belum dibayar',
    'Dinas Pendidikan',
    'Honor guru honorer sekolah dasar belum dibayarkan selama enam bulan tanpa penjelasan dari dinas.',
  ],
  [
    'Izin usaha dipersulit',
    'Dinas Penanaman Modal dan PTSP',
    'Pengurusan izin usaha mikro berlarut-larut dan petugas meminta persyaratan tambahan yang tidak diatur.',
  ],
  [
    'Laporan polisi tidak ditindaklanjuti',
    'Kepolisian Resor',
    'Laporan penipuan jual beli kendaraan sudah dibuat di kantor polisi, namun penyidik tidak memberi perkembangan.',
  ],
  [
    'Banjir akibat drainase tersumbat',
    'Dinas Pekerjaan Umum',
    'Saluran drainase tersumbat sampah sehingga permukiman warga kebanjiran setiap hujan deras.',
  ],
  [
    'Air bersih PDAM tidak mengalir',
    'Perusahaan Daerah Air Minum',
    'Air PDAM tidak mengalir selama dua minggu padahal tagihan bulanan tetap datang.',
  ],
  [
    'Pencemaran sungai oleh pabrik',
    'Dinas Lingkungan Hidup',
    'Limbah pabrik dibuang ke sungai sehingga ikan mati dan warga tidak dapat memakai air sungai.',
  ],
  [
    'Ijazah ditahan sekolah',
    'Dinas Pendidikan',
    'Sekolah menahan ijazah anak kami karena tunggakan biaya, sehingga anak tidak dapat mendaftar kerja.',
  ],
  [
    'Pensiun belum diterima',
    'Badan Kepegawaian',
    'Hak pensiun almarhum suami belum dibayarkan walaupun berkas sudah lengkap sejak tahun lalu.',
  ],
  [
    'Tenaga kerja di-PHK sepihak',
    'Dinas Ketenagakerjaan',
    'Perusahaan memutus hubungan kerja tanpa pesangon dan tanpa surat peringatan sebelumnya.',
  ],
  [
    'Pupuk bersubsidi langka',
    'Dinas Pertanian',
    'Petani kesulitan mendapatkan pupuk bersubsidi menjelang musim tanam, sementara harga di kios melonjak.',
  ],
] as const;

export const REGENCIES = (
  'Surabaya Malang Lumajang Jember Banyuwangi Sidoarjo Gresik Kediri Blitar Madiun ' +
  'Denpasar Badung Gianyar Tabanan Buleleng Makassar Gowa Maros Bone Palopo ' +
  'Jayapura Merauke Mimika Sorong Manokwari Medan Binjai Deli Serdang Langkat Asahan ' +
  'Padang Bukittinggi Pekanbaru Dumai Jambi Palembang Lampung Bengkulu Serang Tangerang ' +
  'Bekasi Bogor Depok Bandung Cirebon Tasikmalaya Garut Sukabumi Semarang Solo ' +
  'Magelang Tegal Pekalongan Kudus Jepara Yogyakarta Sleman Bantul Kupang Ende ' +
  'Mataram Bima Pontianak Singkawang Banjarmasin Balikpapan Samarinda Manado Bitung Gorontalo ' +
  'Palu Kendari Ambon Ternate Tidore Banda Aceh Lhokseumawe Sabang Tanjungpinang Batam ' +
  'Pangkalpinang Belitung Cilacap Purwokerto Kebumen Wonosobo Klaten Sragen Ngawi Ponorogo ' +
  'Pacitan Trenggalek Tulungagung Nganjuk Jombang Mojokerto Pasuruan Probolinggo Situbondo Bondowoso'
).split(' ');
const FIRST =
  'Siti Budi Agus Dewi Sri Ahmad Nur Eko Wayan Made Nyoman Ketut Rina Yusuf Fitri Hendra Rahmat Ayu Putu Joko'.split(
    ' ',
  );
const LAST =
  'Aminah Santoso Wijaya Lestari Hidayat Saputra Wulandari Kusuma Pratama Setiawan Nugroho Rahayu Sukerta Siregar Nasution Simanjuntak Tanjung Harahap Lubis Manurung'.split(
    ' ',
  );

/** A deterministic pseudo-random sequence (the same data every run). */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Case `i`, received somewhere in 2024–2025: the dates follow the golden-ratio sequence, so
 * the first N cases of any N are spread over the whole two years and a table that grows
 * from 30,000 to 300,000 cases is at each size a register of that many over the same period.
 */
export function generatedCase(i: number, random: () => number): CaseRecord {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const [subject, respondent, description] = pick(TOPICS);
  const regency = pick(REGENCIES);
  const receivedAt = new Date(
    Date.UTC(2024, 0, 1) + Math.floor(((i * 0.618_033_988_75) % 1) * 2 * 365 * 86_400_000),
  ).toISOString();
  const id = `C${String(i).padStart(8, '0')}`;
  return {
    id,
    trackingCode: `B${String(i).padStart(3, '0').slice(-3)}-${String(i).padStart(9, '0').slice(0, 4)}-${String(i).padStart(9, '0').slice(4)}`,
    status: 'received',
    statusHistory: [{ status: 'received', at: receivedAt }],
    channel: 'letter',
    receivedAt,
    subject: `${subject} di ${regency}`,
    description: `${description} Kejadian ini terjadi di ${regency} dan sudah kami laporkan ke kantor kelurahan. Mohon bantuan Bapak Presiden agar masalah ini segera diselesaikan.`,
    complainant: {
      name: `${pick(FIRST)} ${pick(LAST)}`,
      phone: `08${String(1_100_000_000 + i)}`,
      idNumber: String(3_500_000_000_000_000 + i),
      email: `warga${i}@example.id`,
    },
    identityHidden: false,
    confidential: false,
    respondent: `${respondent} ${regency}`,
    location: { regency },
    classification: null,
    verificationDueAt: receivedAt,
    agencyIds: [],
    nextDueAt: null,
    closure: null,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    version: 1,
  } as CaseRecord;
}
