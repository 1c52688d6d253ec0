/**
 * Benchmark: search at 30,000 and 300,000 cases (BENCH_SEARCH_SIZES to change), embedded:
 * DynamoDB Local on disk, the real Hono app through `app.request()`, a real RS256 token.
 * Cases in realistic Indonesian (topics, regencies, respondents, names), bulk-loaded with
 * BatchWriteItem together with exactly the index items the store's transaction would write
 * (`indexWrites`). Measures an identifier lookup (a phone typed in national form), a two-word
 * search with a common and a rare word (first page), and the index's extra write units.
 *
 *   npm run bench:search
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { createApp } from '@pantau/api';
import type { CaseRecord } from '@pantau/core';
import { ensureTable, startDynamoDbLocal } from '@pantau/local';
import {
  caseItem,
  DynamoStore,
  indexWrites,
  itemSize,
  SearchKeys,
  seedBaseline,
  trackingCodeItem,
} from '@pantau/store';
import { batchPut, benchAuth, localClient } from './support.ts';

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '30000,300000').split(',').map(Number);
const REQUESTS = 60;
const KEY = 'bench-search-key';

// ---- realistic Indonesian complaints ---------------------------------------------------

const TOPICS = [
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

const REGENCIES = (
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
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function generatedCase(i: number, size: number, random: () => number): CaseRecord {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const [subject, respondent, description] = pick(TOPICS);
  const regency = pick(REGENCIES);
  const receivedAt = new Date(
    Date.UTC(2024, 0, 1) + Math.floor((i / size) * 2 * 365 * 86_400_000),
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

// ---- the run ----------------------------------------------------------------------------

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-search-'));
const db = await startDynamoDbLocal(
  process.env.BENCH_SEARCH_DISK ? { dataDir } : { inMemory: true },
);
try {
  const client = localClient(db.endpoint);
  const { verifier, sign } = await benchAuth();
  const token = await sign('setneg', 'central_officer');
  const searchKeys = new SearchKeys(KEY);
  const rows: string[][] = [];
  const p50s = new Map<string, number>();
  let writeUnits = { total: 0, items: 0, max: 0, cases: 0 };

  for (const size of SIZES) {
    const tableName = `search-${size}`;
    const store = new DynamoStore({ client, tableName, searchKey: KEY });
    await ensureTable(client, tableName);
    await seedBaseline(store, new Date('2024-01-01T00:00:00Z'));
    const random = rng(size);
    const loadStarted = performance.now();
    let batch: Record<string, unknown>[] = [];
    for (let i = 0; i < size; i += 1) {
      const c = generatedCase(i, size, random);
      const index = indexWrites(tableName, searchKeys, null, c).map((w) => w.Put!.Item!);
      if (writeUnits.cases < 10_000) {
        // Transactional writes cost 2 write units per KB (rounded up) of each item.
        const units = index.reduce((sum, item) => sum + 2 * Math.ceil(itemSize(item) / 1024), 0);
        writeUnits = {
          total: writeUnits.total + units,
          items: writeUnits.items + index.length,
          max: Math.max(writeUnits.max, units),
          cases: writeUnits.cases + 1,
        };
      }
      batch.push(caseItem(c), trackingCodeItem(c), ...index);
      if (batch.length >= 4_000) {
        await batchPut(store, batch);
        batch = [];
      }
      if (i > 0 && i % 50_000 === 0)
        console.error(
          `  ${size}: ${i} cases loaded, ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`,
        );
    }
    await batchPut(store, batch);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    console.error(`  ${size}: loaded in ${loadSeconds.toFixed(0)} s`);

    const app = createApp({
      store,
      verifier,
      clock: () => new Date('2026-03-16T03:00:00Z'),
      logger: new Logger({ logLevel: 'SILENT' }),
    });
    const time = async (q: string, expectMatch: boolean) => {
      const started = performance.now();
      const res = await app.request(`/v1/search?q=${encodeURIComponent(q)}&limit=25`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { items: unknown[] };
      const ms = performance.now() - started;
      if (res.status !== 200 || (expectMatch && body.items.length === 0))
        throw new Error(`${q}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      return { ms, hits: body.items.length };
    };
    const measure = async (label: string, query: (n: number) => string) => {
      console.error(`  ${size}: ${label}`);
      const mustMatch = label.startsWith('lookup');
      for (let n = 0; n < 5; n += 1) await time(query(n), mustMatch); // warm-up
      const ms: number[] = [];
      let hits = 0;
      for (let n = 0; n < REQUESTS; n += 1) {
        const r = await time(query(n + 5), mustMatch);
        ms.push(r.ms);
        hits += r.hits;
      }
      const p50 = percentile(ms, 50);
      p50s.set(`${label}@${size}`, p50);
      rows.push([
        size.toLocaleString('en'),
        label,
        (hits / REQUESTS).toFixed(1),
        `${p50.toFixed(1)} ms`,
        `${percentile(ms, 99).toFixed(1)} ms`,
      ]);
    };
    const some = (n: number) => Math.floor((((n * 7_919) % 1_000) / 1_000) * size);
    await measure('lookup: phone, national form', (n) => {
      const i = some(n);
      return `08${String(1_100_000_000 + i).replace(/(\d{3})(\d{4})/, '$1-$2-')}`;
    });
    await measure(
      'words: common + rare ("tanah <regency>")',
      (n) => `tanah ${REGENCIES[n % REGENCIES.length]!}`,
    );
    await measure('words: common + common ("sertifikat tanah")', () => 'sertifikat tanah');
    console.error(`${size} cases: loaded in ${loadSeconds.toFixed(0)} s`);
  }

  console.log('| cases | query | hits (first page) | p50 | p99 |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  if (SIZES.length === 2) {
    const [small, large] = SIZES;
    for (const label of [...p50s.keys()]
      .filter((k) => k.endsWith(`@${small}`))
      .map((k) => k.split('@')[0]!))
      console.log(
        `ratio of p50, ${large} / ${small}, ${label}: ${(p50s.get(`${label}@${large}`)! / p50s.get(`${label}@${small}`)!).toFixed(2)}`,
      );
  }
  console.log(
    `index writes per case (first ${writeUnits.cases.toLocaleString('en')}): ${(writeUnits.items / writeUnits.cases).toFixed(1)} items, ` +
      `${(writeUnits.total / writeUnits.cases).toFixed(1)} write units on average (transactional), ${writeUnits.max} at most`,
  );
} finally {
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
