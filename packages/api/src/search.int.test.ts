/**
 * `/v1/search` through `app.request()` on DynamoDB Local: the GET of the first contract answers
 * words, and refuses a query that reads as a tracking code or a person's identity, which would
 * sit in the URL (and so in CDN and proxy logs); the POST, with the query in the body, finds it.
 */
import { Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, freshStore } from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { createApp } from './app.ts';

let app: ReturnType<typeof createApp>;
/**
 * The registered case's tracking code, as the store reads it: one with a digit, and one without
 * (about 1 drawn code in 130 has none), neither left to the draw.
 */
const CODE = 'HJ2M-NPQR-STVWX';
const DIGITLESS = 'HJKM-NPQR-STVWX';
let central: string;
let agency: string;
let registered: { id: string };
/** The app's clock: now, unless a test receives its cases on a date of its own. */
let clockAt: Date | undefined;

beforeAll(async () => {
  const store = await freshStore();
  const { verifier, sign } = await testIssuer();
  const coded = new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'findCaseIdByTrackingCode')
        return async (code: string) =>
          code === CODE || code === DIGITLESS
            ? registered.id
            : target.findCaseIdByTrackingCode(code);
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  app = createApp({ store: coded, verifier, clock: () => clockAt ?? new Date() });
  await addAgencies(new Service({ store, clock: () => new Date() }), [{ id: 'bpn' }]);
  central = await sign({ sub: 'c1', agency: 'setneg', role: 'central_officer' });
  agency = await sign({ sub: 'b1', agency: 'bpn', role: 'agency_officer' });
  const res = await app.request('/v1/cases', {
    method: 'POST',
    headers: { authorization: `Bearer ${central}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'lapor',
      externalRef: { system: 'lapor', id: 'LAP-2026-00417' },
      complainant: {
        name: 'Wayan Sukerta',
        idNumber: '5103041201800003',
        email: 'wayan.sukerta@example.com',
        phone: '+62 812 9876 5432',
      },
      subject: 'Penyerobotan lahan transmigrasi',
      description: 'Lahan diserobot.',
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  registered = (await res.json()) as typeof registered;
});

const get = (q: string, token = central) =>
  app.request(`/v1/search?q=${encodeURIComponent(q)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
const post = (q: string, token = central) =>
  app.request('/v1/search', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ q }),
  });
const hits = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBe(200);
  const page = (await res.json()) as { items: { id: string; matchedBy: string }[] };
  return page.items.map((h) => [h.id, h.matchedBy]);
};

describe('GET /v1/search keeps identifiers out of URLs', () => {
  it('refuses a tracking code, a NIK, a phone or an e-mail in the query string (400 on q); the POST finds each', async () => {
    const code = CODE;
    for (const [q, matchedBy] of [
      [code, 'trackingCode'],
      [code.toLowerCase().replace(/-/g, ' '), 'trackingCode'],
      ['5103041201800003', 'idNumber'],
      ['0812-9876-5432', 'phone'],
      ['WAYAN.SUKERTA@example.com', 'email'],
    ] as const) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as {
        code: string;
        detail: string;
        errors: { path: string; message: string }[];
      };
      expect(problem.code, q).toBe('validation_failed');
      expect(problem.errors.map((e) => e.path)).toEqual(['q']);
      expect(problem.errors[0]!.message).toMatch(/body of POST \/v1\/search/);
      // The refusal does not echo what it refused.
      expect(JSON.stringify(problem)).not.toContain(q);
      expect(await hits(await post(q)), q).toEqual([[registered.id, matchedBy]]);
    }
  });

  it('searches 13 letters that could be a tracking code without a digit as words, never as a code', async () => {
    // A word of 13 such letters ("keterlambatan") is a word search, not a 400; a digitless code
    // in a URL finds nothing (the POST finds its case).
    expect(await hits(await get('keterlambatan'))).toEqual([]);
    expect(await hits(await get(DIGITLESS))).toEqual([]);
    expect(await hits(await post(DIGITLESS))).toEqual([[registered.id, 'trackingCode']]);
  });

  it('refuses a query that holds a phone, a NIK, an e-mail or a tracking code beside words (400 on q)', async () => {
    for (const q of [
      'Wayan 0812-9876-5432',
      'lahan (0812) 9876.5432 Wayan',
      '+62 812 9876 5432 lahan',
      'NIK 5103041201800003 lahan',
      'NIK:5103041201800003',
      'NIK-5103041201800003',
      'HP.081298765432 lahan',
      'rekening 1234 5678 90',
      'wayan.sukerta@example.com lahan',
      'lahan @wayan',
      `kode ${CODE} lahan`,
      `lahan ${CODE.toLowerCase().replace(/-/g, ' ')} transmigrasi`,
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      const problem = (await res.json()) as {
        code: string;
        errors: { path: string; message: string }[];
      };
      expect(problem.code, q).toBe('validation_failed');
      expect(problem.errors.map((e) => e.path)).toEqual(['q']);
      expect(problem.errors[0]!.message).toMatch(/body of POST \/v1\/search/);
      expect(JSON.stringify(problem)).not.toContain(q);
    }
  });

  it('still answers words beside a year, a short number, a date, an amount or a document number', async () => {
    expect(await hits(await get('penyerobotan lahan 2026'))).toEqual([]);
    expect(await hits(await get('penyerobotan transmigrasi'))).toEqual([[registered.id, 'words']]);
    for (const q of [
      'lahan transmigrasi 2026',
      'lahan RT 05 RW 12 tahun 2025',
      'anggaran 2025-2026',
      'kejadian 12-03-2026 lahan',
      'kejadian 2026.03.12',
      'pungutan Rp 15.000.000',
      'LAP-2026-00417 lahan',
      'B-12/DUMAS/2026 lahan',
    ])
      expect((await get(q)).status, q).toBe(200);
  });

  it('refuses them whoever asks: an agency’s URL is logged too', async () => {
    for (const q of ['5103041201800003', '+62 812 9876 5432', CODE])
      expect((await get(q, agency)).status, q).toBe(400);
  });

  it('still answers words, and a document number (neither a credential nor identity)', async () => {
    expect(await hits(await get('penyerobotan transmigrasi'))).toEqual([[registered.id, 'words']]);
    expect(await hits(await get('LAP-2026-00417'))).toEqual([[registered.id, 'externalRef']]);
    expect(await hits(await get('LAP-2026-00417'))).toEqual(
      await hits(await post('LAP-2026-00417')),
    );
  });
});

describe('POST /v1/search: a words cursor kept across a changed from/to', () => {
  /** Cases sharing one word, received on 2026-02-10 and 2026-02-12 (WIB noon), oldest first. */
  const onDays: Record<string, string[]> = { '2026-02-10': [], '2026-02-12': [] };
  const page = async (body: Record<string, unknown>) => {
    const res = await app.request('/v1/search', {
      method: 'POST',
      headers: { authorization: `Bearer ${central}`, 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'longsoran tebing', limit: 5, ...body }),
    });
    return res;
  };
  const idsOf = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(200);
    const out = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    return { ids: out.items.map((h) => h.id), nextCursor: out.nextCursor };
  };

  beforeAll(async () => {
    try {
      for (const day of Object.keys(onDays))
        for (let i = 0; i < 6; i += 1) {
          clockAt = new Date(`${day}T05:0${i}:00.000Z`);
          const res = await app.request('/v1/cases', {
            method: 'POST',
            headers: { authorization: `Bearer ${central}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              channel: 'lapor',
              externalRef: { system: 'lapor', id: `LAP-2026-2${day.slice(-2)}${i}` },
              complainant: { name: `Pelapor ${day} ${i}` },
              subject: `Longsoran tebing menutup jalan desa ${i}`,
              description: 'Tebing longsor menutup jalan.',
            }),
          });
          expect(res.status, await res.clone().text()).toBe(201);
          onDays[day]!.push(((await res.json()) as { id: string }).id);
        }
    } finally {
      clockAt = undefined;
    }
  });

  it('ends the list when the cursor lies before the new from, and starts the range over when it lies past the new to (never a 500)', async () => {
    const newestFirst = (day: string) => [...onDays[day]!].reverse();
    const first = await idsOf(await page({ from: '2026-02-10', to: '2026-02-12' }));
    expect(first.ids).toEqual(newestFirst('2026-02-12').slice(0, 5));
    expect(first.nextCursor).not.toBeNull();
    const cursor = first.nextCursor!;

    // The cursor's key (12 February) is older than anything from 13 February on: nothing left.
    expect(await idsOf(await page({ from: '2026-02-13', to: '2026-02-28', cursor }))).toEqual({
      ids: [],
      nextCursor: null,
    });
    // Newer than anything up to 11 February: that range from its start, as if without cursor.
    const restarted = await idsOf(await page({ from: '2026-02-01', to: '2026-02-11', cursor }));
    expect(restarted.ids).toEqual(newestFirst('2026-02-10').slice(0, 5));
    const rest = await idsOf(
      await page({ from: '2026-02-01', to: '2026-02-11', cursor: restarted.nextCursor }),
    );
    expect(rest).toEqual({ ids: newestFirst('2026-02-10').slice(5), nextCursor: null });
  });
});
