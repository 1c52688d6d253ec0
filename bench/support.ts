/** What the benchmarks share: bulk loading, a DynamoDB Local client, real tokens. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createJwtVerifier } from '@pantau/api';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { type DynamoStore, keys } from '@pantau/store';
import {
  type AssignmentRecord,
  type Calendar,
  type CaseRecord,
  type LadderRecord,
  newAssignment,
  newCase,
  newTrackingCode,
} from '@pantau/core';
import { ulid } from 'ulid';

/** Bulk loading: BatchWriteItem, 25 items a request, 8 requests at a time. */
export async function batchPut(
  store: DynamoStore,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  for (let i = 0; i < chunks.length; i += 8) {
    await Promise.all(
      chunks.slice(i, i + 8).map(async (chunk) => {
        let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const out = await store.client.send(
            new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
          );
          pending = (out.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
        }
      }),
    );
  }
}

/** A DynamoDB client for DynamoDB Local at `endpoint`. */
export const localClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });

/** A real RS256 key pair: the verifier the app uses, and tokens for any tenant and role. */
export async function benchAuth() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const verifier = createJwtVerifier({
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256' }] },
    issuer: 'bench',
    audience: 'pantau',
  });
  const sign = (agency: string, role: string) =>
    new SignJWT({ agency, role })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
      .setSubject(`${agency}-${role}`)
      .setIssuer('bench')
      .setAudience('pantau')
      .setExpirationTime('2h')
      .sign(privateKey);
  return { verifier, sign };
}

/** Agency records for bulk loading: `agency-0` … `agency-<count−1>`, zones in turn. */
export const agencyItems = (count: number, at: Date): Record<string, unknown>[] =>
  Array.from({ length: count }, (_, i) => ({
    ...keys.agency(`agency-${i}`),
    entity: 'agency',
    id: `agency-${i}`,
    name: `Instansi ${i}`,
    kind: 'agency',
    focalPointId: null,
    timeZone: ZONES[i % ZONES.length],
    contacts: [{ name: 'Liaison', email: `liaison@agency-${i}.example.go.id` }],
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    version: 1,
  }));

export const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/**
 * The `i`th normative complaint forwarded at `at` to `agency-<i mod agencies>` (zones in turn):
 * its case, its assignment and its ladder's first record, waking at `wakeAt` (default: at once).
 */
export function forwardedRecords(
  i: number,
  options: { agencies: number; at: Date; calendar: Calendar; wakeAt?: 'now' | 'acknowledge' },
): { c: CaseRecord; a: AssignmentRecord; ladder: LadderRecord } {
  const { agencies, at, calendar } = options;
  const c: CaseRecord = {
    ...newCase({
      id: ulid(),
      trackingCode: newTrackingCode(),
      body: {
        channel: 'letter',
        complainant: { name: 'Pengadu' },
        subject: `Pengaduan ${i}`,
        description: 'Uraian',
      },
      now: at,
      verificationDueAt: at,
    }),
    status: 'forwarded',
    classification: { type: 'normative', category: null, note: null },
  };
  const agencyId = `agency-${i % agencies}`;
  const a = newAssignment({
    caseId: c.id,
    agencyId,
    instructions: null,
    forwardedAt: at,
    forwardedBy: 'bench',
    timeZone: ZONES[(i % agencies) % ZONES.length]!,
    calendar,
    policyId: 'default',
    workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
    previous: undefined,
  });
  const ladder: LadderRecord = {
    caseId: c.id,
    agencyId,
    generation: 1,
    token: 1,
    wakeAt: options.wakeAt === 'acknowledge' ? a.due.acknowledge : at.toISOString(),
    level: 0,
    lastStepAt: null,
    updatedAt: at.toISOString(),
    version: 1,
  };
  return { c, a, ladder };
}
