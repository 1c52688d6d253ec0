/** What the benchmarks share: bulk loading, a DynamoDB Local client, real tokens. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createJwtVerifier } from '@pantau/api';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { keys } from '@pantau/store';
import {
  type AssignmentRecord,
  type Calendar,
  type CaseRecord,
  type LadderRecord,
  newAssignment,
  newCase,
  newTrackingCode,
  newUlid,
} from '@pantau/core';

export { batchPut } from '../test/support/bulk.ts';

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
      id: newUlid(),
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
