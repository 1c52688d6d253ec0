/**
 * Baseline data every deployment needs, written idempotently: the central tenant, the
 * Indonesian holiday calendar (per year, once: a day an admin later removes does not come
 * back), and the default SLA policy. Never overwrites what is there.
 */
import {
  CENTRAL_TENANT,
  DEFAULT_POLICY,
  INDONESIAN_HOLIDAYS,
  type Agency,
  type WorkingCalendar,
} from '@pantau/core';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoStore } from './dynamo-store.ts';
import { keys } from './keys.ts';

export const CENTRAL_AGENCY = (now: Date): Agency => ({
  id: CENTRAL_TENANT,
  name: 'Kementerian Sekretariat Negara — Asisten Deputi Pengaduan Masyarakat',
  kind: 'ministry',
  focalPointId: null,
  timeZone: 'Asia/Jakarta',
  contacts: [
    {
      name: 'Asdep Pengaduan Masyarakat',
      email: 'dumas@setneg.go.id',
      role: 'central',
      kind: 'liaison',
    },
  ],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
});

export async function seedBaseline(store: DynamoStore, now: Date): Promise<void> {
  await createIfAbsent(store, {
    ...keys.agency(CENTRAL_TENANT),
    entity: 'agency',
    ...CENTRAL_AGENCY(now),
  });
  await createIfAbsent(store, {
    ...keys.policy(DEFAULT_POLICY.id),
    entity: 'policy',
    ...DEFAULT_POLICY,
  });
  await seedCalendar(store, INDONESIAN_HOLIDAYS);
}

/** Writes each year of a calendar once; the year marker goes last, so a crash re-seeds it. */
export async function seedCalendar(store: DynamoStore, calendar: WorkingCalendar): Promise<void> {
  const existing = await store.getCalendar(calendar.id);
  for (const year of calendar.years) {
    if (existing?.years.includes(year)) continue;
    const days = calendar.days.filter((d) => d.date.startsWith(`${year}-`));
    for (let i = 0; i < days.length; i += 25) {
      const batch = days.slice(i, i + 25).map((d) => ({
        PutRequest: {
          Item: { ...keys.calendarDay(calendar.id, d.date), entity: 'calendar_day', ...d },
        },
      }));
      let pending: typeof batch | undefined = batch;
      while (pending && pending.length > 0) {
        const out = await store.client.send(
          new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
        );
        pending = out.UnprocessedItems?.[store.tableName] as typeof batch | undefined;
      }
    }
    await createIfAbsent(store, {
      ...keys.calendarYear(calendar.id, year),
      entity: 'calendar_year',
      year,
    });
  }
}

export async function createIfAbsent(
  store: DynamoStore,
  item: Record<string, unknown>,
): Promise<boolean> {
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
