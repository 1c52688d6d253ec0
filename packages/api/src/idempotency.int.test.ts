/**
 * An `Idempotency-Key` retried across a deploy (audit s25 upgrade 2, finding 3): the same bytes
 * sent again replay the first answer even when the release in between parses them otherwise, and
 * another body under the key is still a 409. The app through `app.request()` on DynamoDB Local;
 * the records an older release stored are written raw, with the fingerprint its code computed
 * (`git show 32ae71b^:packages/api/src/idempotency.ts`: sha256 of the method, the path and
 * `JSON.stringify` of the body as its schema parsed it).
 */
import { CENTRAL_TENANT, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  centralOfficer,
  freshStore,
  manualClock,
  storedIdempotency,
} from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { createApp } from './app.ts';

const clock = manualClock('2026-06-01T03:00:00.000Z');
let store: DynamoStore;
let service: Service;
let app: ReturnType<typeof createApp>;
let bearer: string;

beforeEach(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  const issuer = await testIssuer();
  bearer = await issuer.bearer({ sub: 'o1', agency: CENTRAL_TENANT, role: 'central_officer' });
  app = createApp({ store, verifier: issuer.verifier, clock: clock.now });
}, 60_000);

/** Sends `body` as these exact bytes. */
const post = (key: string, body: string) =>
  app.request('/v1/cases', {
    method: 'POST',
    headers: { authorization: bearer, 'content-type': 'application/json', 'idempotency-key': key },
    body,
  });

/** The record a release before this one stored for `parsedThen` (the body as its schema parsed it). */
const storedByOlderRelease = (key: string, parsedThen: unknown, answer: unknown) =>
  storedIdempotency(store, {
    key,
    request: JSON.stringify(parsedThen),
    answer,
    createdAt: clock.now().toISOString(),
  });

const caseCount = async () => (await service.listCases(centralOfficer, { limit: 10 })).items.length;

const typed = {
  channel: 'letter' as const,
  complainant: { name: 'Siti Aminah', phone: '0812-3456-7890' },
  subject: 'Sertifikat tanah belum terbit',
  description: 'Sudah dua tahun.',
};

describe('a retry across a deploy with the same Idempotency-Key', () => {
  it('replays a registration stored before its phone was parsed to E.164 (32ae71b): the same bytes are the same request', async () => {
    const first = await service.createCase(centralOfficer, typed);
    // 32ae71b^'s schema kept the phone as typed: its fingerprint is over `0812-3456-7890`.
    await storedByOlderRelease('k-before-e164', typed, first);
    const res = await post('k-before-e164', JSON.stringify(typed));
    expect({ status: res.status, body: await res.json() }).toMatchObject({
      status: 201,
      body: { id: first.id },
    });
    expect(await caseCount()).toBe(1);
  });

  it('replays a registration the release before this one stored (its fingerprint over the parsed body, phone in E.164)', async () => {
    const first = await service.createCase(centralOfficer, typed);
    const parsedNow = { ...typed, complainant: { ...typed.complainant, phone: '+6281234567890' } };
    await storedByOlderRelease('k-last-release', parsedNow, first);
    // Re-serialised by the client on the way (indentation): still the same request.
    const res = await post('k-last-release', JSON.stringify(typed, null, 2));
    expect({ status: res.status, body: await res.json() }).toMatchObject({
      status: 201,
      body: { id: first.id },
    });
    expect(await caseCount()).toBe(1);
  });

  it('refuses another body under a key an older release stored: 409 idempotency_key_reused, no case', async () => {
    const first = await service.createCase(centralOfficer, typed);
    await storedByOlderRelease('k-other', typed, first);
    const res = await post(
      'k-other',
      JSON.stringify({ ...typed, description: 'Sudah tiga tahun.' }),
    );
    expect({ status: res.status, body: await res.json() }).toMatchObject({
      status: 409,
      body: { code: 'idempotency_key_reused' },
    });
    expect(await caseCount()).toBe(1);
  });
});

describe('a retry under this release', () => {
  it('replays the same request re-serialised (other key order, other whitespace)', async () => {
    const first = await post('k-reserialised', JSON.stringify(typed));
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const reordered = {
      description: typed.description,
      subject: typed.subject,
      complainant: { phone: typed.complainant.phone, name: typed.complainant.name },
      channel: typed.channel,
    };
    const again = await post('k-reserialised', JSON.stringify(reordered, null, '\t'));
    expect({ status: again.status, body: await again.json() }).toMatchObject({
      status: 201,
      body: { id },
    });
    expect(await caseCount()).toBe(1);
  });

  it('refuses another body under the same key: 409 idempotency_key_reused, no second case', async () => {
    const first = await post('k-changed', JSON.stringify(typed));
    expect(first.status).toBe(201);
    const changed = await post(
      'k-changed',
      JSON.stringify({ ...typed, complainant: { ...typed.complainant, name: 'Siti Aminah S.' } }),
    );
    expect({ status: changed.status, body: await changed.json() }).toMatchObject({
      status: 409,
      body: { code: 'idempotency_key_reused' },
    });
    // A field added is another request too, even one the schema would default to nothing.
    const added = await post('k-changed', JSON.stringify({ ...typed, confidential: false }));
    expect(added.status).toBe(409);
    expect(await caseCount()).toBe(1);
  });
});
