/**
 * The Hono app through `app.request()` (no server, no Lambda event), on DynamoDB Local, with
 * real RS256 tokens: the auth edge, the one error mapping, and failures of DynamoDB itself.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { COMPLAINT_ADDRESS_REFUSED, type DocumentSettings } from '@pantau/core';
import { DynamoStore } from '@pantau/store';
import { mockClient } from 'aws-sdk-client-mock';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../../test/support/dynamodb.ts';
import { createApp } from './app.ts';
import { createJwtVerifier } from './auth.ts';

const ISSUER = 'urn:test-issuer';
const AUDIENCE = 'pantau';
let app: ReturnType<typeof createApp>;
let store: DynamoStore;
let signingKey: CryptoKey;
let verifier: ReturnType<typeof createJwtVerifier>;

async function token(
  claims: Record<string, unknown>,
  options: { key?: CryptoKey; audience?: string; expiresIn?: string | number } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(options.key ?? signingKey);
}
const central = () => token({ sub: 'o1', agency: 'setneg', role: 'central_officer' });

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  verifier = createJwtVerifier({
    jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] },
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  store = await freshStore();
  app = createApp({ store, verifier, clock: () => new Date() });
});

const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as {
    type: string;
    title: string;
    status: number;
    code: string;
    detail: string;
    requestId: string;
    errors?: { path: string; message: string }[];
  };
};

describe('authentication at the edge', () => {
  it('accepts Cognito-style custom claims as well as the contract’s', async () => {
    const res = await app.request('/v1/agencies', {
      headers: {
        authorization: `Bearer ${await token({ sub: 'u', 'custom:agency': 'setneg', 'custom:role': 'central_admin' })}`,
      },
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['a malformed header', async () => 'Basic abc'],
    [
      'a token of another key',
      async () =>
        `Bearer ${await token({ sub: 'u', agency: 'setneg', role: 'central_admin' }, { key: (await generateKeyPair('RS256')).privateKey })}`,
    ],
    [
      'a wrong audience',
      async () =>
        `Bearer ${await token({ sub: 'u', agency: 'setneg', role: 'central_admin' }, { audience: 'other' })}`,
    ],
    [
      'an expired token',
      async () =>
        `Bearer ${await token({ sub: 'u', agency: 'setneg', role: 'central_admin' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}`,
    ],
    [
      'alg none',
      async () =>
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u', agency: 'setneg', role: 'central_admin', iss: ISSUER, aud: AUDIENCE })).toString('base64url')}.`,
    ],
    ['a token without role', async () => `Bearer ${await token({ sub: 'u', agency: 'setneg' })}`],
  ])('answers 401 problem+json to %s', async (_, header) => {
    const h = await header();
    const res = await app.request('/v1/cases', { headers: h ? { authorization: h } : {} });
    expect(res.status).toBe(401);
    const problem = await problemOf(res);
    expect(problem).toMatchObject({ status: 401, code: 'unauthorized', title: 'Unauthorized' });
    expect(problem.requestId).toBeTruthy();
  });

  it('refuses a central role claimed by an agency tenant (403)', async () => {
    const res = await app.request('/v1/cases', {
      headers: {
        authorization: `Bearer ${await token({ sub: 'u', agency: 'polri', role: 'central_admin' })}`,
      },
    });
    expect(res.status).toBe(403);
  });
});

describe('the one error mapping', () => {
  it('names the field of a validation failure and an unknown one', async () => {
    const res = await app.request('/v1/cases', {
      method: 'POST',
      headers: { authorization: `Bearer ${await central()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'fax',
        complainant: { name: 'A', nik: '1' },
        subject: 'S',
        description: 'D',
        extra: 1,
      }),
    });
    expect(res.status).toBe(400);
    const paths = (await problemOf(res)).errors?.map((e) => e.path).sort();
    expect(paths).toEqual(['channel', 'complainant.nik', 'extra']);
  });

  it('answers malformed JSON and a missing body with 400', async () => {
    const headers = {
      authorization: `Bearer ${await central()}`,
      'content-type': 'application/json',
    };
    const malformed = await app.request('/v1/cases', {
      method: 'POST',
      headers,
      body: '{"channel":',
    });
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).errors?.[0]?.path).toBe('body');
    const empty = await app.request('/v1/cases', {
      method: 'POST',
      headers: { authorization: headers.authorization },
    });
    expect(empty.status).toBe(400);
  });

  it('reads a timeline newest first when asked, and names an order it does not know', async () => {
    const headers = { authorization: `Bearer ${await central()}` };
    const created = await app.request('/v1/cases', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'letter',
        complainant: { name: 'A' },
        subject: 'S',
        description: 'D',
      }),
    });
    const { id } = (await created.json()) as { id: string };
    await app.request(`/v1/cases/${id}/verification`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'needs_info', missing: 'Salinan KTP' }),
    });
    const types = async (query: string) => {
      const res = await app.request(`/v1/cases/${id}/timeline?limit=1${query}`, { headers });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { type: string }[] }).items.map((e) => e.type);
    };
    expect(await types('')).toEqual(['case_registered']);
    expect(await types('&order=oldest')).toEqual(['case_registered']);
    expect(await types('&order=newest')).toEqual(['case_needs_info']);
    const wrong = await app.request(`/v1/cases/${id}/timeline?order=sideways`, { headers });
    expect(wrong.status).toBe(400);
    expect((await problemOf(wrong)).errors?.map((e) => e.path)).toEqual(['order']);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await app.request('/v1/nothing-here', {
      headers: { authorization: `Bearer ${await central()}` },
    });
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe('not_found');
  });

  it('turns DynamoDB throttling that outlived the SDK’s retries into a 503, without internals', async () => {
    const client = new DynamoDBClient({
      region: 'local',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    // The store talks through a document client; a real engine cannot be made to throttle.
    const mock = mockClient(DynamoDBDocumentClient);
    const throttled = Object.assign(
      new Error('Rate of requests exceeds the allowed throughput (table t-secret)'),
      {
        name: 'ProvisionedThroughputExceededException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      },
    );
    mock.on(QueryCommand).rejects(throttled);
    const throttledApp = createApp({
      store: new DynamoStore({ client, tableName: 't-secret' }),
      verifier,
      clock: () => new Date(),
    });
    const res = await throttledApp.request('/v1/cases', {
      headers: { authorization: `Bearer ${await central()}` },
    });
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toContain('t-secret');
    expect(JSON.parse(text)).toMatchObject({ code: 'service_unavailable' });
    expect(mock.commandCalls(QueryCommand).length).toBeGreaterThanOrEqual(1);
    mock.restore();
  });

  it('never echoes internals in a 500', async () => {
    const broken = new DynamoStore({
      client: new DynamoDBClient({ region: 'local' }),
      tableName: 't',
    });
    broken.listCases = async () => {
      throw new TypeError('cannot read properties of undefined (reading "secret-column")');
    };
    const brokenApp = createApp({ store: broken, verifier, clock: () => new Date() });
    const res = await brokenApp.request('/v1/cases', {
      headers: { authorization: `Bearer ${await central()}` },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret-column');
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'internal_error' });
  });
});

describe('central’s case list, oldest first when asked (the desk’s verify and forward cards)', () => {
  it('pages oldest first with `order=oldest`, newest first by default, and names an order it does not know', async () => {
    const headers = { authorization: `Bearer ${await central()}` };
    // Received before anything else in this file's table: the oldest cases it holds.
    const ids: string[] = [];
    for (const day of ['2020-01-01', '2020-01-02', '2020-01-03']) {
      const res = await app.request('/v1/cases', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: 'letter',
          complainant: { name: 'A' },
          subject: `Surat ${day}`,
          description: 'D',
          receivedAt: `${day}T03:00:00.000Z`,
        }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const list = async (query: string) => {
      const res = await app.request(`/v1/cases?${query}`, { headers });
      expect(res.status).toBe(200);
      return (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    };
    const first = await list('status=received&order=oldest&limit=2&total=true');
    expect(first.items.map((c) => c.id)).toEqual([ids[0], ids[1]]);
    const second = await list(
      `status=received&order=oldest&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.items[0]?.id).toBe(ids[2]);
    // Every case, not only one status: the same order.
    expect((await list('order=oldest&limit=3')).items.map((c) => c.id)).toEqual(ids);
    // Newest first as before, asked or not: these three come last.
    const newest = (await list('status=received&limit=100')).items.map((c) => c.id);
    expect(newest.slice(-3)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await list('status=received&order=newest&limit=100')).items.map((c) => c.id)).toEqual(
      newest,
    );
    // A cursor goes on in the order it is given with: from the second oldest, newest first,
    // only the oldest is left.
    const turned = await list(
      `status=received&order=newest&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(turned.items.map((c) => c.id)).toEqual([ids[0]]);
    const wrong = await app.request('/v1/cases?order=sideways', { headers });
    expect(wrong.status).toBe(400);
    expect((await problemOf(wrong)).errors?.map((e) => e.path)).toEqual(['order']);
  });
});

describe('an import past its time budget (API Gateway answers 503 at 29 s)', () => {
  it('answers 200 with the rows that would write reported pending, nothing written', async () => {
    const spent = createApp({ store, verifier, clock: () => new Date(), importBudgetMs: 0 });
    const csv = [
      'Nomor Surat;Tanggal;Perihal;Uraian',
      'B-901/DUMAS/03/2025;03/03/2025;Jalan rusak;Jalan desa rusak.',
      'B-902/DUMAS/03/2025;04/03/2025;Lampu mati;Lampu jalan mati.',
      'B-903/DUMAS/03/2025;besok;Tanggal salah;Tanpa tanggal.',
    ].join('\n');
    const res = await spent.request('/v1/imports/cases', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token({ sub: 'a1', agency: 'setneg', role: 'central_admin' })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        format: 'csv',
        content: Buffer.from(csv).toString('base64'),
        mapping: {
          letterNumber: 'Nomor Surat',
          receivedAt: 'Tanggal',
          subject: 'Perihal',
          description: 'Uraian',
        },
        dryRun: false,
      }),
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      rows: { outcome: string }[];
      counts: Record<string, number>;
    };
    expect(report.rows.map((r) => r.outcome)).toEqual(['pending', 'pending', 'error']);
    expect(report.counts).toEqual({ ok: 0, created: 0, exists: 0, error: 1, pending: 2 });
    const listed = await store.listCases({}, { limit: 100 });
    expect(listed.items.filter((c) => c.subject === 'Jalan rusak')).toEqual([]);
  });
});

describe('the unit’s e-mail in the document settings, where complaints arrive', () => {
  it('is refused (400 naming letterhead.email) and nothing is saved: agencies’ replies would become complaints', async () => {
    // SES receives complaints at one address and for every address of a parent's subdomains.
    const guarded = createApp({
      store,
      verifier,
      clock: () => new Date(),
      complaintAddresses: ['dumas@setneg.go.id', '.lapor.go.id'],
    });
    const headers = {
      authorization: `Bearer ${await token({ sub: 'a1', agency: 'setneg', role: 'central_admin' })}`,
      'content-type': 'application/json',
    };
    const read = async () => {
      const res = await guarded.request('/v1/settings/documents', { headers });
      expect(res.status).toBe(200);
      return (await res.json()) as DocumentSettings;
    };
    const { version, updatedAt: _u, ...before } = await read();
    const put = (email: string) =>
      guarded.request('/v1/settings/documents', {
        method: 'PUT',
        headers,
        body: JSON.stringify({ ...before, letterhead: { ...before.letterhead, email }, version }),
      });
    for (const email of ['Dumas@setneg.go.id', 'humas@dumas.lapor.go.id']) {
      const res = await put(email);
      expect(res.status, email).toBe(400);
      const body = await problemOf(res);
      expect(body.code).toBe('validation_failed');
      expect(body.errors).toEqual([
        { path: 'letterhead.email', message: COMPLAINT_ADDRESS_REFUSED },
      ]);
      expect(body.detail).toContain('receives complaints');
    }
    expect((await read()).version).toBe(version);
    // The unit's own mailbox, of the same domain, is what the field is for.
    const saved = await put('asdep.dumas@setneg.go.id');
    expect(saved.status).toBe(200);
    expect((await read()).letterhead.email).toBe('asdep.dumas@setneg.go.id');
  });
});
