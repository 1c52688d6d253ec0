/**
 * Statistics and the upgrade job, as their tests check them: the report the API gives (its
 * counters, kept as the data changed) beside the same report recomputed from the raw records,
 * and a table put back as an older release left it (attributes it did not write, counters it
 * did not keep, its upgrade marker), then started as a deploy or the embedded runtime starts it.
 */
import {
  type AssignmentRecord,
  agencyReport,
  Calendar,
  countersFromRecords,
  type Service,
} from '@pantau/core';
import { LocalJobRunner } from '@pantau/local';
import { type DynamoStore, keys, seedBaseline } from '@pantau/store';
import { DeleteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { centralOfficer } from './dynamodb.ts';

type Period = { readonly from: string; readonly to: string };

/**
 * The service's report (GET /v1/stats/agencies) and the one recomputed from the assignments of
 * `caseIds`, each by agency with something assigned; `row` reads the maintained one.
 */
export async function statsReports(
  service: Service,
  store: DynamoStore,
  caseIds: readonly string[],
  period: Period,
) {
  const report = await service.agencyStats(centralOfficer, period);
  const calendar = new Calendar((await store.getCalendar('id'))!);
  const records: AssignmentRecord[] = [];
  for (const id of caseIds) records.push(...(await store.getCase(id))!.assignments);
  const raw = agencyReport(countersFromRecords(records, calendar, period), 5);
  const byAgency = <T extends { agencyId: string; assigned: number }>(xs: readonly T[]) =>
    [...xs].filter((x) => x.assigned > 0).sort((a, b) => a.agencyId.localeCompare(b.agencyId));
  const maintained = { items: byAgency(report.items), totals: report.totals };
  return {
    maintained,
    recomputed: { items: byAgency(raw.items), totals: raw.totals },
    row: (agencyId: string) => maintained.items.find((s) => s.agencyId === agencyId),
  };
}

/**
 * The statistics buckets (`setneg#STATS#…`) without `counters`, as a release that did not keep
 * them left them; `month` (`YYYY-MM`) limits it to that month's buckets.
 */
export async function withoutCounters(
  store: DynamoStore,
  counters: readonly string[],
  month?: string,
): Promise<void> {
  const buckets = await store.client.send(
    new ScanCommand({
      TableName: store.tableName,
      FilterExpression: month
        ? 'begins_with(pk, :stats) AND begins_with(#date, :month)'
        : 'begins_with(pk, :stats)',
      ...(month ? { ExpressionAttributeNames: { '#date': 'date' } } : {}),
      ExpressionAttributeValues: {
        ':stats': 'setneg#STATS#',
        ...(month ? { ':month': month } : {}),
      },
    }),
  );
  for (const item of buckets.Items ?? [])
    await store.client.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: `REMOVE ${counters.join(', ')}`,
      }),
    );
}

/** A table the upgrade of `version` completed on (the release before the one tested). */
export async function upgradedTo(store: DynamoStore, version: number, now: Date): Promise<void> {
  // The marker never goes back (a late job of an older version): removed first.
  await store.client.send(new DeleteCommand({ TableName: store.tableName, Key: keys.upgrade }));
  await store.markUpgraded(version, null, now);
}

/** The deploy's or the embedded start's: the seed, then the runner resumes what it recorded. */
export async function startRelease(store: DynamoStore, clock: () => Date): Promise<string | null> {
  const { upgradeJobId } = await seedBaseline(store, clock());
  const runner = new LocalJobRunner({ store, clock });
  await runner.resume();
  await runner.idle();
  return upgradeJobId;
}
