/**
 * `POST /v1/search` with a person's identity typed beside words (`Siti Aminah 0812-3456-7890`):
 * the GET refuses it and sends the user to the POST, so the POST must find the case whose
 * complainant has that name and that phone (or NIK, or e-mail), and no namesake with another.
 */
import { Service } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, freshStore } from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { createApp } from './app.ts';

let app: ReturnType<typeof createApp>;
let central: string;
let agency: string;
/** Siti Aminah with the phone and NIK searched; a namesake; another person with the same phone. */
let siti: string;
let namesake: string;
let samePhone: string;

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

beforeAll(async () => {
  const store = await freshStore();
  const { verifier, sign } = await testIssuer();
  app = createApp({ store, verifier, clock: () => new Date() });
  await addAgencies(new Service({ store, clock: () => new Date() }), [{ id: 'bpn' }]);
  central = await sign({ sub: 'c1', agency: 'setneg', role: 'central_officer' });
  agency = await sign({ sub: 'b1', agency: 'bpn', role: 'agency_officer' });
  const register = async (complainant: Record<string, string>) => {
    const res = await app.request('/v1/cases', {
      method: 'POST',
      headers: { authorization: `Bearer ${central}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'letter',
        complainant,
        subject: 'Sengketa batas tanah',
        description: 'Batas tanah digeser tetangga.',
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  siti = await register({
    name: 'Siti Aminah',
    phone: '0812-3456-7890',
    idNumber: '3201234567890123',
    email: 'siti.aminah@example.com',
  });
  namesake = await register({ name: 'Siti Aminah', phone: '0813-1111-2222' });
  samePhone = await register({ name: 'Budi Santoso', phone: '+62 812 3456 7890' });
});

describe('POST /v1/search: identity beside words', () => {
  it('each alone finds the case (the name its namesake too, the phone the other person too)', async () => {
    expect((await hits(await post('Siti Aminah'))).map(([id]) => id).sort()).toEqual(
      [siti, namesake].sort(),
    );
    expect((await hits(await post('0812-3456-7890'))).map(([id]) => id).sort()).toEqual(
      [siti, samePhone].sort(),
    );
  });

  it('a name and a phone, in any usual written form, find the case with both, and only it', async () => {
    for (const q of [
      'Siti Aminah 0812-3456-7890',
      'Siti Aminah +62 812 3456 7890',
      '0812 3456 7890 siti aminah',
      'siti 081234567890',
      'Aminah, HP 62-812-3456-7890',
      'Siti Aminah (0812) 3456-7890.',
    ])
      expect(await hits(await post(q)), q).toEqual([[siti, 'phone']]);
  });

  it('a name and a NIK, or a name and an e-mail, find the case with both', async () => {
    expect(await hits(await post('Siti Aminah NIK 3201 2345 6789 0123'))).toEqual([
      [siti, 'idNumber'],
    ]);
    expect(await hits(await post('Siti.Aminah@example.com siti'))).toEqual([[siti, 'email']]);
    // The phone and the NIK together: the case with both.
    expect(await hits(await post('0812-3456-7890 NIK 3201234567890123'))).toEqual([
      [siti, 'phone'],
    ]);
  });

  it('a name with another person’s phone, or words the case lacks, find nothing', async () => {
    expect(await hits(await post('Budi Santoso 0813-1111-2222'))).toEqual([]);
    expect(await hits(await post('Siti Aminah 0812-3456-7890 banjir'))).toEqual([]);
  });

  it('an agency searches neither names nor identity: nothing', async () => {
    expect(await hits(await post('Siti Aminah 0812-3456-7890', agency))).toEqual([]);
  });

  it('the GET still refuses it without echoing it, pointing to the POST', async () => {
    const res = await app.request(
      `/v1/search?q=${encodeURIComponent('Siti Aminah 0812-3456-7890')}`,
      { headers: { authorization: `Bearer ${central}` } },
    );
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('POST /v1/search');
    expect(body).not.toMatch(/3456|Aminah/);
  });
});

describe('POST /v1/search: what a hit carries of the complainant', () => {
  const HIDDEN = {
    name: 'Theresia Kusumaningrum',
    idNumber: '3578014710880006',
    phone: '+6281233219876',
    email: 'theresia.k@example.net',
  };
  let hidden: string;
  let named: string;
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res.json() as Promise<Record<string, unknown>>;
  };
  /** Registered, accepted and forwarded to bpn, its identity hidden or not. */
  const forwarded = async (complainant: Record<string, string>, identityHidden: boolean) => {
    const { id } = (await call('POST', '/v1/cases', central, {
      channel: 'letter',
      complainant,
      identityHidden,
      subject: 'Genangan drainase kampung',
      description: 'Saluran drainase tersumbat.',
    })) as { id: string };
    await call('POST', `/v1/cases/${id}/verification`, central, {
      decision: 'accept',
      type: 'light',
    });
    await call('POST', `/v1/cases/${id}/assignments`, central, {
      assignments: [{ agencyId: 'bpn' }],
    });
    return id;
  };
  const page = async (token: string) => {
    const res = await post('genangan drainase', token);
    const text = await res.clone().text();
    expect(res.status, text).toBe(200);
    const { items } = (await res.json()) as { items: Record<string, unknown>[] };
    return { text, byId: new Map(items.map((h) => [h.id as string, h])) };
  };

  beforeAll(async () => {
    hidden = await forwarded(HIDDEN, true);
    named = await forwarded({ name: 'Made Wirawan', phone: '0813-5555-1234' }, false);
  });

  it("gives central each complainant's name and whether it is hidden from the agencies", async () => {
    const { byId } = await page(central);
    expect(byId.get(hidden)).toMatchObject({
      complainant: { name: HIDDEN.name, phone: HIDDEN.phone },
      identityHidden: true,
    });
    expect(byId.get(named)).toMatchObject({
      complainant: { name: 'Made Wirawan' },
      identityHidden: false,
    });
  });

  it('gives an agency no complainant where the identity is hidden, and never a tracking code', async () => {
    const { text, byId } = await page(agency);
    expect([...byId.keys()].sort()).toEqual([hidden, named].sort());
    expect(byId.get(hidden)!.complainant).toBeNull();
    for (const fragment of [...Object.values(HIDDEN), 'Kusumaningrum', '081233219876'])
      expect(text, fragment).not.toContain(fragment);
    for (const hit of byId.values()) expect(hit).not.toHaveProperty('trackingCode');
    // No more of the complainant than its case page reads (a name it may call them by).
    for (const id of [hidden, named])
      expect(byId.get(id)!.complainant).toEqual(
        (await call('GET', `/v1/cases/${id}`, agency)).complainant,
      );
  });
});
