import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case.ts';
import { lookupKeysOf, MAX_HEADS, searchDocumentOf } from './document.ts';
import { normalizeEmail, normalizeNik, normalizePhone, normalizeReference } from './normalize.ts';
import { holdsIdentifier, parseQuery } from './query.ts';
import { fold, stem, tokenMatches, words } from './text.ts';

const aCase = (over: Partial<CaseRecord> = {}): CaseRecord =>
  ({
    id: '01KCASE',
    receivedAt: '2026-03-16T03:00:00.000Z',
    subject: 'Sertifikat tanah tidak kunjung terbit',
    description: 'Permohonan pendaftaran tanah di Kantor Pertanahan diajukan sejak 2024.',
    respondent: 'Kantor Pertanahan Kota Surabaya',
    location: { province: 'Jawa Timur', regency: 'Kota Surabaya' },
    complainant: {
      name: 'Siti Aminah',
      idNumber: '3578 0123 4567 0001',
      phone: '0812-3456-7890',
      email: 'Siti.Aminah@Example.ID',
    },
    ...over,
  }) as CaseRecord;

describe('identifiers are normalised before they are hashed', () => {
  it('reads a phone number in any national or international form as one E.164 number', () => {
    const forms = ['0812-3456-7890', '+62 812 3456 7890', '62 812-3456-7890', '(0812) 3456.7890'];
    expect(new Set(forms.map(normalizePhone))).toEqual(new Set(['+6281234567890']));
    // Another country's number keeps its own code; text is not a number.
    expect(normalizePhone('+65 6123 4567')).toBe('+6561234567');
    expect(normalizePhone('8123')).toBeUndefined();
    expect(normalizePhone('hubungi saya')).toBeUndefined();
  });

  it('lower-cases e-mail, keeps a NIK’s 16 digits, and folds document numbers', () => {
    expect(normalizeEmail(' Siti.Aminah@Example.ID ')).toBe('siti.aminah@example.id');
    expect(normalizeEmail('not-an-address')).toBeUndefined();
    expect(normalizeNik('3578.0123.4567-0001')).toBe('3578012345670001');
    expect(normalizeNik('35780123')).toBeUndefined();
    expect(normalizeReference(' b-12 / dumas/2026 ')).toBe('B-12/DUMAS/2026');
  });

  it('indexes the identifiers a case has, and those of later fields once they exist', () => {
    expect(lookupKeysOf(aCase()).map((k) => [k.field, k.value])).toEqual([
      ['idNumber', '3578012345670001'],
      ['phone', '+6281234567890'],
      ['email', 'siti.aminah@example.id'],
    ]);
    const later = {
      ...aCase({ complainant: { name: 'Anonim' } }),
      agendaNumber: 'AG-0012/2026',
      letter: { number: 'B-12/DUMAS/2026', date: '2026-03-10', sender: 'Siti' },
      externalRef: { system: 'lapor', id: 'LAPOR-998877' },
    } as CaseRecord;
    expect(lookupKeysOf(later).map((k) => [k.kind, k.field, k.value])).toEqual([
      ['ref', 'agendaNumber', 'AG-0012/2026'],
      ['ref', 'letterNumber', 'B-12/DUMAS/2026'],
      ['ref', 'externalRef', 'LAPOR-998877'],
    ]);
  });
});

describe('words', () => {
  it('fold case and diacritics and strip Indonesian affixes', () => {
    expect(fold('José Ma’ruf')).toBe('jose maruf');
    expect(
      ['pertanahan', 'dilaporkan', 'Kepolisian', 'pengaduan'].map((w) => stem(fold(w))),
    ).toEqual(['tanah', 'lapor', 'polisi', 'adu']);
    // Function words and identity-like numbers never become tokens.
    expect(words('Yang terhormat, NIK 3578012345670001 dan tahun 2024')).toEqual([
      'terhormat',
      'nik',
      'tahun',
      '2024',
    ]);
  });

  it('match as a prefix from four letters, whole below', () => {
    expect(tokenMatches('sertifikat', 'sertif')).toBe(true);
    expect(tokenMatches('bpn', 'bpn')).toBe(true);
    expect(tokenMatches('bpjs', 'bp')).toBe(false);
  });

  it('a case’s document keeps the name apart (central only) and is bounded', () => {
    const doc = searchDocumentOf(aCase());
    expect(doc.words).toEqual(expect.arrayContaining(['sertifikat', 'tanah', 'surabaya', 'jawa']));
    expect(doc.names).toEqual(['siti', 'aminah']);
    expect(doc.words).not.toContain('siti');
    const long = searchDocumentOf(
      aCase({ description: Array.from({ length: 500 }, (_, i) => `kata${i}x${i * 7}`).join(' ') }),
    );
    expect(long.heads.length).toBeLessThanOrEqual(MAX_HEADS);
    expect([...long.words, ...long.names].join(' ').length).toBeLessThanOrEqual(700);
    // Bytes, not characters: a script of three-byte characters gets a third as many.
    const javanese = searchDocumentOf(
      aCase({ description: Array.from({ length: 300 }, (_, i) => `ꦱꦸꦫꦠ${i}`).join(' ') }),
    );
    expect(Buffer.byteLength(javanese.words.join(' '))).toBeLessThanOrEqual(700);
  });
});

describe('a query', () => {
  it('that is shaped like identity is looked up, not searched as words', () => {
    const phone = parseQuery('+62 812 3456 7890');
    expect(phone.identifierOnly).toBe(true);
    expect(phone.lookups).toContainEqual({
      kind: 'phone',
      field: 'phone',
      value: '+6281234567890',
    });
    expect(parseQuery('siti.aminah@example.id').lookups[0]?.kind).toBe('email');
    expect(parseQuery('3578 0123 4567 0001').lookups.map((k) => k.kind)).toContain('nik');
    expect(parseQuery('7QX2-M9KD-4HZ8R')).toMatchObject({
      trackingCode: '7QX2-M9KD-4HZ8R',
      identifierOnly: true,
    });
  });

  it('of words is stemmed, and a document number is looked up as well', () => {
    const q = parseQuery('Sertifikat PERTANAHAN Surabaya');
    expect(q).toMatchObject({ identifierOnly: false, lookups: [] });
    expect(q.words).toEqual(['sertifikat', 'tanah', 'surabaya']);
    expect(parseQuery('B-12/DUMAS/2026').lookups).toEqual([
      { kind: 'ref', field: 'agendaNumber', value: 'B-12/DUMAS/2026' },
    ]);
  });
});

describe('an identifier held in a query (what GET /v1/search refuses)', () => {
  it('is found beside words: a phone, a NIK, an e-mail, a tracking code', () => {
    for (const q of [
      'Budi 0812-3456-7890',
      'jalan (021) 555-1234',
      '+62 812 3456 7890 Budi',
      'NIK 3201234567890123 jalan',
      'NIK:3201234567890123',
      'NIK-3201234567890123',
      'HP.081234567890',
      'nomor 1234 5678 90',
      'budi@gmail.com jalan',
      'jalan @budi',
      'kode 7QX2-M9KD-4HZ8R jalan',
      'kode 7qx2 m9kd 4hz8r jalan',
      'kode 7QX2-M9KD 4HZ8R',
      'LAP-2026-00417 0812 3456 7890',
      // As a whole query would read it: 4, 4 and 5 symbols with a digit.
      'jalan kota 2026 macet',
    ])
      expect(holdsIdentifier(q), q).toBe(true);
  });

  it('is not a year, a short number, a date, two years, an amount or a document number', () => {
    for (const q of [
      'sertifikat tanah 2026',
      'jalan RT 05 RW 12 tahun 2025',
      'anggaran 2025-2026',
      'anggaran 2025 - 2026',
      'kejadian 12-03-2026 jalan',
      'kejadian 2026.03.12',
      'pungutan Rp 15.000.000',
      'LAP-2026-00417 jalan',
      'B-12/DUMAS/2026 jalan',
      '17/DUMAS/III/2026',
      'keterlambatan',
    ])
      expect(holdsIdentifier(q), q).toBe(false);
  });
});
