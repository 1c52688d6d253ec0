/**
 * Baseline data every deployment needs, written idempotently: the central tenant, the
 * Indonesian holiday calendar (per year, once: a day an admin later removes does not come
 * back), and the default SLA policy. Never overwrites what is there, with one exception: the
 * default policy's ladder, while no admin has edited it, follows the default's recipients.
 */
import {
  CENTRAL_TENANT,
  DEFAULT_LADDER,
  DEFAULT_POLICY,
  INDONESIAN_HOLIDAYS,
  type Agency,
  type LadderStep,
  type WorkingCalendar,
  WriteConflict,
} from '@pantau/core';
import { isDeepStrictEqual } from 'node:util';
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
  const created = await createIfAbsent(store, {
    ...keys.policy(DEFAULT_POLICY.id),
    entity: 'policy',
    ...DEFAULT_POLICY,
  });
  // Created around the store's methods: a process that kept "no policy" reads it again.
  if (created) await store.settingsWrittenAround();
  else await upgradeDefaultLadder(store);
  await seedCalendar(store, INDONESIAN_HOLIDAYS);
}

/** The default ladder as seeded before contacts had kinds: central intervention copied only the agency. */
export const LADDER_BEFORE_CONTACT_KINDS: readonly LadderStep[] = DEFAULT_LADDER.map((step) =>
  step.action === 'central_intervention' ? { ...step, cc: ['agency'] } : step,
);

/**
 * A default policy seeded before contacts had kinds, and never edited by an admin since
 * (`updatedAt` null), gets today's default ladder: central intervention now copies the agency's
 * head too. Timings are unchanged, so no deadline moves and no ladder needs re-arming. A policy
 * an admin saved is theirs and is left alone.
 */
async function upgradeDefaultLadder(store: DynamoStore): Promise<void> {
  const stored = await store.getPolicy(DEFAULT_POLICY.id);
  if (!stored || stored.updatedAt !== null) return;
  if (!isDeepStrictEqual(stored.ladder, LADDER_BEFORE_CONTACT_KINDS)) return;
  try {
    await store.putPolicy(
      { ...stored, ladder: DEFAULT_LADDER, version: stored.version + 1 },
      stored.version,
    );
  } catch (error) {
    // An admin saved it meanwhile: theirs wins.
    if (!(error instanceof WriteConflict)) throw error;
  }
}

/** Writes each year of a calendar once; the year marker goes last, so a crash re-seeds it. */
export async function seedCalendar(store: DynamoStore, calendar: WorkingCalendar): Promise<void> {
  const existing = await store.getCalendar(calendar.id);
  let written = false;
  for (const year of calendar.years) {
    if (existing?.years.includes(year)) continue;
    written = true;
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
  // Written around the store's methods: the engine's kept calendar is dropped by the version.
  if (written) await store.settingsWrittenAround();
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
