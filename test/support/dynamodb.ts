/** A fresh table on the shared DynamoDB Local for one test file, seeded like a deployment. */
import { CENTRAL_TENANT, type Principal, type Service, asAgencyId } from '@pantau/core';
import { ensureTable } from '@pantau/local';
import { DynamoStore, seedBaseline } from '@pantau/store';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createHash, randomUUID } from 'node:crypto';
import { inject } from 'vitest';

/**
 * A client on the shared DynamoDB Local that records the name of each command it sends
 * (`GetItem`, `Query`…) into `sent`, as the SDK's middleware sees them: what a test counts a
 * request's reads by.
 */
export function countingClient(sent: string[]): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  return client;
}

export async function freshStore(
  options: { client?: DynamoDBClient; settingsTtlMs?: number } = {},
): Promise<DynamoStore> {
  const client =
    options.client ??
    new DynamoDBClient({
      endpoint: inject('dynamoDbEndpoint'),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  const made = { client, tableName: `t-${randomUUID()}`, searchKey: randomUUID() };
  const store = new DynamoStore({
    ...made,
    ...(options.settingsTtlMs !== undefined ? { settingsTtlMs: options.settingsTtlMs } : {}),
  });
  madeWith.set(store, made);
  await ensureTable(client, store.tableName);
  await seedBaseline(store, new Date('2026-01-05T00:00:00Z'));
  return store;
}

const madeWith = new WeakMap<
  DynamoStore,
  { client: DynamoDBClient; tableName: string; searchKey: string }
>();

/**
 * Another store on `store`'s table, as another Lambda instance has one: its own settings cache
 * (`settingsTtlMs`: the API's keeps them a few seconds).
 */
export function storeBeside(
  store: DynamoStore,
  options: { settingsTtlMs?: number } = {},
): DynamoStore {
  const made = madeWith.get(store);
  if (!made) throw new Error('storeBeside takes a store freshStore made');
  return new DynamoStore({ ...made, ...options });
}

/** A controllable clock for deadline tests. */
export function manualClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}

export const centralOfficer: Principal = {
  sub: 'officer-1',
  agency: CENTRAL_TENANT,
  role: 'central_officer',
};
export const centralAdmin: Principal = {
  sub: 'admin-1',
  agency: CENTRAL_TENANT,
  role: 'central_admin',
};
export const officerOf = (
  agency: string,
  role: Principal['role'] = 'agency_officer',
): Principal => ({
  sub: `${agency}-${role}`,
  agency: asAgencyId(agency),
  role,
});

/** Registers agencies through the service, as a central admin would. */
export async function addAgencies(
  service: Service,
  agencies: {
    id: string;
    focalPointId?: string;
    timeZone?: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  }[],
) {
  for (const a of agencies) {
    await service.createAgency(centralAdmin, {
      id: a.id,
      name: `Agency ${a.id}`,
      kind: 'agency',
      ...(a.focalPointId ? { focalPointId: a.focalPointId } : {}),
      ...(a.timeZone ? { timeZone: a.timeZone } : {}),
      contacts: [{ name: 'Liaison', email: `liaison@${a.id}.example.go.id` }],
    });
  }
}

/**
 * A complaint central registered, verified as `type` and forwarded to `agencies` at the
 * service's clock: its id and the new assignments.
 */
export async function forwardedCase(
  service: Service,
  agencies: readonly string[],
  type: 'light' | 'normative' | 'examination' = 'normative',
) {
  const created = await service.createCase(centralOfficer, {
    channel: 'letter',
    complainant: { name: 'Siti Aminah', phone: '0812000000' },
    subject: 'Sertifikat tanah belum terbit',
    description: 'Sudah dua tahun.',
  });
  await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type });
  const forwarded = await service.forward(centralOfficer, created.id, {
    assignments: agencies.map((agencyId) => ({ agencyId })),
  });
  return { caseId: created.id, assignments: forwarded.items };
}

/**
 * One letter from the register's spreadsheet, imported by central's admin (its columns: the
 * day received, the sender, the subject, the description): the new case's id.
 */
export async function importedLetter(
  service: Service,
  letter: { received: string; name: string; subject: string; description: string },
): Promise<string> {
  const report = await service.importCases(
    centralAdmin,
    {
      mapping: {
        receivedAt: 'Tanggal',
        'complainant.name': 'Nama',
        subject: 'Perihal',
        description: 'Uraian',
      },
      defaultChannel: 'letter',
      dryRun: false,
    },
    async () => [
      {
        row: 2,
        cells: {
          Tanggal: letter.received,
          Nama: letter.name,
          Perihal: letter.subject,
          Uraian: letter.description,
        },
      },
    ],
  );
  return report.rows[0]!.caseId!;
}

/** A case's partition key in the table, for items written or read raw. */
export const casePk = (caseId: string) => `setneg#CASE#${caseId}`;

/**
 * Removes attributes from one stored item, as a release that never wrote them left it (the
 * upgrade path's tests: data an older release stored, read by this one).
 */
export async function stripAttributes(
  store: DynamoStore,
  key: { pk: string; sk: string },
  ...attributes: string[]
): Promise<void> {
  await store.client.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: key,
      UpdateExpression: `REMOVE ${attributes.map((_, i) => `#a${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}

/**
 * A redirect re-forwarded as the code before 3b1ef37 left it: PLN said "not ours" on a case
 * forwarded to it, central forwarded the case to Polri, and neither assignment says which
 * redirect that answered (no `reforwardedAt`, no `reforwardOf`). The case's id.
 */
export async function redirectReforwardedBefore3b1ef37(
  store: DynamoStore,
  service: Service,
  clock: ReturnType<typeof manualClock>,
): Promise<string> {
  const { caseId } = await forwardedCase(service, ['pln']);
  clock.set('2026-05-05T03:00:00.000Z');
  await service.redirect(officerOf('pln'), caseId, 'pln', { reason: 'Bukan wewenang PLN' });
  clock.set('2026-05-06T03:00:00.000Z');
  await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'polri' }] });
  await stripAttributes(store, { pk: casePk(caseId), sk: 'ASSIGN#pln' }, 'reforwardedAt');
  await stripAttributes(store, { pk: casePk(caseId), sk: 'ASSIGN#polri' }, 'reforwardOf');
  return caseId;
}

/** The partitions a DynamoDB command writes to (none for a read). */
export function writtenPartitions(command: {
  constructor: { name: string };
  input: unknown;
}): string[] {
  type Keyed = { pk: string };
  const i = command.input as {
    Item?: Keyed;
    Key?: Keyed;
    TransactItems?: { Put?: { Item: Keyed }; Update?: { Key: Keyed }; Delete?: { Key: Keyed } }[];
    RequestItems?: Record<
      string,
      { PutRequest?: { Item: Keyed }; DeleteRequest?: { Key: Keyed } }[]
    >;
  };
  switch (command.constructor.name) {
    case 'PutCommand':
      return [i.Item!.pk];
    case 'UpdateCommand':
    case 'DeleteCommand':
      return [i.Key!.pk];
    case 'TransactWriteCommand':
      return i.TransactItems!.flatMap((t) =>
        [t.Put?.Item.pk, t.Update?.Key.pk, t.Delete?.Key.pk].filter((pk) => pk !== undefined),
      );
    case 'BatchWriteCommand':
      return Object.values(i.RequestItems!).flatMap((writes) =>
        writes.flatMap((w) =>
          [w.PutRequest?.Item.pk, w.DeleteRequest?.Key.pk].filter((pk) => pk !== undefined),
        ),
      );
    default:
      return [];
  }
}

/**
 * An idempotency record of `POST /v1/cases` as releases before 2026-12-02 wrote it: central's,
 * no TTL, its fingerprint a SHA-256 of the route and `request` (the rule of the release that
 * wrote it, given by the caller).
 */
export async function storedIdempotency(
  store: DynamoStore,
  record: { key: string; request: string; answer: unknown; createdAt: string },
): Promise<void> {
  const fingerprint = createHash('sha256')
    .update(`POST /v1/cases\n${record.request}`)
    .digest('base64url');
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        pk: `${CENTRAL_TENANT}#IDEM#${record.key}`,
        sk: 'IDEM',
        entity: 'idempotency',
        tenant: CENTRAL_TENANT,
        key: record.key,
        fingerprint,
        body: record.answer,
        createdAt: record.createdAt,
      },
    }),
  );
}
