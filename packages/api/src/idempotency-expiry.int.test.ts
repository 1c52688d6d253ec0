/**
 * Idempotency records expire 24 hours after they were written: each holds a copy of the first
 * answer (a registration's whole case, the public form's receipt with its tracking code in
 * plaintext), which must not outlive the retries it serves. The table's TTL attribute lets
 * DynamoDB delete them, and a record read past its expiry is absent (the TTL deletes days late,
 * DynamoDB Local never): the key used again is a new request. The app through `app.request()` on
 * DynamoDB Local, the domain clock moved by hand.
 */
import { CENTRAL_TENANT, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  centralOfficer,
  freshStore,
  manualClock,
  storedIdempotency,
} from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { createApp } from './app.ts';
import { canonicalJson } from './idempotency.ts';

const T0 = '2026-06-01T03:00:00.000Z';
const clock = manualClock(T0);
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
let store: DynamoStore;
let service: Service;
let app: ReturnType<typeof createApp>;
let bearer: string;

beforeEach(async () => {
  clock.set(T0);
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  const issuer = await testIssuer();
  bearer = await issuer.bearer({ sub: 'o1', agency: CENTRAL_TENANT, role: 'central_officer' });
  app = createApp({ store, verifier: issuer.verifier, clock: clock.now });
}, 60_000);

const body = {
  channel: 'letter' as const,
  complainant: { name: 'Siti Aminah', phone: '+6281234567890' },
  subject: 'Sertifikat tanah belum terbit',
  description: 'Sudah dua tahun.',
};

const register = async (key: string) => {
  const res = await app.request('/v1/cases', {
    method: 'POST',
    headers: { authorization: bearer, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string } };
};

const stored = async (tenant: string, key: string) =>
  (
    await store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: { pk: `${tenant}#IDEM#${key}`, sk: 'IDEM' },
        ConsistentRead: true,
      }),
    )
  ).Item;

const caseCount = async () => (await service.listCases(centralOfficer, { limit: 10 })).items.length;

describe('an Idempotency-Key within 24 hours of its record', () => {
  it('replays the first answer to the same request, and the record carries the TTL in epoch seconds', async () => {
    const first = await register('k-day');
    expect(first.status).toBe(201);
    expect((await stored(CENTRAL_TENANT, 'k-day'))?.ttl).toBe(Date.parse(at(24 * HOUR)) / 1000);

    clock.set(at(24 * HOUR - 1000));
    const again = await register('k-day');
    expect(again).toEqual(first);
    expect(await caseCount()).toBe(1);
  });
});

describe('an Idempotency-Key 24 hours or more after its record', () => {
  it('is a new request: a new case, whose record expires 24 hours after it', async () => {
    const first = await register('k-late');
    clock.set(at(24 * HOUR));
    const later = await register('k-late');
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await caseCount()).toBe(2);
    const item = await stored(CENTRAL_TENANT, 'k-late');
    expect(item).toMatchObject({ createdAt: at(24 * HOUR), body: { id: later.body.id } });
    expect(item?.ttl).toBe(Date.parse(at(48 * HOUR)) / 1000);

    // And the new record replays in its own day.
    clock.set(at(30 * HOUR));
    expect(await register('k-late')).toEqual(later);
    expect(await caseCount()).toBe(2);
  });

  it('sent twice at once makes one case: the expired record is replaced under a condition', async () => {
    const first = await register('k-race');
    clock.set(at(25 * HOUR));
    const [a, b] = await Promise.all([register('k-race'), register('k-race')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(a.body.id).not.toBe(first.body.id);
    expect(await caseCount()).toBe(2);
  });
});

describe('a record stored before records expired (no TTL attribute)', () => {
  /** The record as releases before this one wrote it: `createdAt`, no `ttl`. */
  const oldShape = (key: string, answer: unknown, createdAt: string) =>
    storedIdempotency(store, {
      key,
      request: `as sent\n${canonicalJson(body)}`,
      answer,
      createdAt,
    });

  it('is expired once older than 24 hours by its createdAt: the key makes a new case', async () => {
    const first = await service.createCase(centralOfficer, body);
    await oldShape('k-old', first, T0);
    clock.set(at(24 * HOUR + 1));
    const later = await register('k-old');
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.id);
    expect(await caseCount()).toBe(2);
    expect((await stored(CENTRAL_TENANT, 'k-old'))?.ttl).toBe(
      Math.ceil(Date.parse(at(48 * HOUR + 1)) / 1000),
    );
  });

  it('still replays within 24 hours of its createdAt', async () => {
    const first = await service.createCase(centralOfficer, body);
    await oldShape('k-recent', first, T0);
    clock.set(at(23 * HOUR));
    expect(await register('k-recent')).toMatchObject({ status: 201, body: { id: first.id } });
    expect(await caseCount()).toBe(1);
  });
});

describe('the public form', () => {
  const complaint = {
    anonymous: false,
    complainant: { name: 'Budi', email: 'budi@example.id' },
    subject: 'Jalan rusak',
    description: 'Berlubang sejak Maret.',
  };
  const submit = (key: string) =>
    service.submitComplaint(complaint, () => Promise.resolve({ id: randomUUID() }), [], {
      key,
      fingerprint: 'public-fingerprint',
    });

  it('keeps the receipt with its tracking code for 24 hours, then the key is a new complaint', async () => {
    const key = randomUUID();
    const first = await submit(key);
    const item = await stored('PUBLIC', key);
    expect(item?.body).toMatchObject({ trackingCode: first.trackingCode });
    expect(item?.ttl).toBe(Date.parse(at(24 * HOUR)) / 1000);

    clock.set(at(23 * HOUR));
    expect((await submit(key)).trackingCode).toBe(first.trackingCode);
    clock.set(at(24 * HOUR));
    expect((await submit(key)).trackingCode).not.toBe(first.trackingCode);
  });
});
