/** The statistics counters: per agency and day (and month roll-ups), summed over a period. */
import { type AgencyCounters, type CounterUpdate, counterRanges } from '@pantau/core';
import type { DynamoTable } from './dynamo-table.ts';
import { keys } from './keys.ts';
import { mapLimited } from './lanes.ts';
import { queryAll } from './paging.ts';

/** Sums each agency's day counters over the period (one Query per agency, in parallel). */
export async function sumCounters(
  table: DynamoTable,
  agencyIds: readonly string[],
  from: string,
  to: string,
): Promise<AgencyCounters[]> {
  const ranges = counterRanges(from, to);
  const one = async (agencyId: string): Promise<AgencyCounters> => {
    const sums: Record<string, number> = {};
    for (const range of ranges) {
      // Days are `DAY#YYYY-MM-DD` and month roll-ups `MONTH#YYYY-MM`: one range each.
      const month = range.from.length === 7;
      const items = await queryAll(table.client, {
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.statsPk(agencyId),
          ':from': `${month ? 'MONTH' : 'DAY'}#${range.from}`,
          ':to': `${month ? 'MONTH' : 'DAY'}#${range.to}`,
        },
      });
      for (const item of items) {
        for (const [k, v] of Object.entries(item))
          if (typeof v === 'number') sums[k] = (sums[k] ?? 0) + v;
      }
    }
    const histogram = new Map<number, number>();
    for (const [k, v] of Object.entries(sums))
      if (/^h\d+$/.test(k) && v > 0) histogram.set(Number(k.slice(1)), v);
    return {
      agencyId,
      assigned: sums.assigned ?? 0,
      redirected: sums.redirected ?? 0,
      // Counted since withdrawals before the follow-up's deadline left the sample; those made
      // before it are added by the upgrade of version 3 (until it ran, buckets read 0).
      withdrawn: sums.withdrawn ?? 0,
      responded: sums.responded ?? 0,
      respondedOnTime: sums.respondedOnTime ?? 0,
      // Counted since acknowledgements were; those of records stored before are added by the
      // upgrade of version 4 (until it ran, buckets hold none of them).
      acknowledged: sums.acknowledged ?? 0,
      acknowledgedOnTime: sums.acknowledgedOnTime ?? 0,
      completed: sums.completed ?? 0,
      histogram,
    };
  };
  return mapLimited(agencyIds, 16, one);
}

/** The Update adding one agency-day's counter deltas (committed with the change that moved them). */
export function counterUpdate(tableName: string, c: CounterUpdate) {
  const entries = Object.entries(c.add);
  return {
    TableName: tableName,
    Key: keys.statsBucket(c.agencyId, c.date),
    UpdateExpression: `SET entity = :entity, agencyId = :agency, #date = :date ADD ${entries.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
    ExpressionAttributeNames: {
      '#date': 'date',
      ...Object.fromEntries(entries.map(([k], i) => [`#c${i}`, k])),
    },
    ExpressionAttributeValues: {
      ':entity': 'stats_day',
      ':agency': c.agencyId,
      ':date': c.date,
      ...Object.fromEntries(entries.map(([, v], i) => [`:c${i}`, v])),
    },
  };
}
