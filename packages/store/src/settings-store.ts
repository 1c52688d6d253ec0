/**
 * The settings: SLA policies and holiday calendars, read through the settings cache (by TTL for
 * the API, by the settings' version for the engine: settings-cache.ts), and written in one
 * transaction with the settings' version bump (dynamo-table.ts `settingsTransact`). The
 * document settings, the third kind, are the documents layer's (document-store.ts).
 */
import {
  type CalendarDay,
  type RearmJobRecord,
  retryOnConflict,
  type SlaPolicy,
  type StoredPolicy,
  storedPolicy,
  type WorkingCalendar,
  WriteConflict,
} from '@pantau/core';
import { DynamoTable, record, type TransactItem } from './dynamo-table.ts';
import { calendarDayItem, calendarYearItem, jobItem, jobScopeItem, policyItem } from './items.ts';
import { keys } from './keys.ts';
import { queryAll } from './paging.ts';

export class SettingsLayer extends DynamoTable {
  /**
   * A holiday calendar: its days and the years it declares complete (one paged Query). With
   * `at`, a settings version read before: as kept for it (settings-cache.ts), or read
   * consistently and kept.
   */
  async getCalendar(id: string, at?: number): Promise<WorkingCalendar | undefined> {
    return this.settings.get(`calendar#${id}`, () => this.readCalendar(id, at !== undefined), at);
  }

  private async readCalendar(
    id: string,
    consistent: boolean,
  ): Promise<WorkingCalendar | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.calendar(id) },
      ...(consistent ? { ConsistentRead: true } : {}),
    });
    if (items.length === 0) return undefined;
    return {
      id,
      years: items.filter((i) => i.entity === 'calendar_year').map((i) => Number(i.year)),
      // A day stored before days had versions is at 1 (it was written once, as far as anyone
      // could have read it).
      days: items
        .filter((i) => i.entity === 'calendar_day')
        .map((i) => ({ version: 1, ...record<CalendarDay>(i) })),
    };
  }

  /** An SLA policy by id (`at` as for getCalendar). */
  async getPolicy(id: string, at?: number): Promise<SlaPolicy | undefined> {
    return this.settings.get(
      `policy#${id}`,
      async () => {
        const stored = await this.get<StoredPolicy>(keys.policy(id), at !== undefined);
        // Fills what older records lack (a policy stored before ladders existed).
        return stored === undefined ? undefined : storedPolicy(stored);
      },
      at,
    );
  }

  /** Every SLA policy (every page of them). */
  async listPolicies(): Promise<SlaPolicy[]> {
    const { pk, skPrefix } = keys.policyPrefix;
    const items = await this.queryPrefix(pk, skPrefix);
    return items.map((p) => storedPolicy(record<StoredPolicy>(p)));
  }

  /** Creates or replaces a policy under its version; `job`: the re-arming it starts. */
  async putPolicy(
    policy: SlaPolicy,
    expectedVersion: number | null,
    job?: RearmJobRecord,
  ): Promise<void> {
    const item = policyItem(policy);
    // Seeded policies predate versions: version 0 means "stored without one".
    const put =
      expectedVersion === 0
        ? {
            TableName: this.tableName,
            Item: item,
            ConditionExpression:
              'attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :zero)',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':zero': 0 },
          }
        : this.versionedPut(item, expectedVersion);
    const withJob = this.jobWrites(job);
    await this.settingsTransact(
      [{ Put: put }, ...withJob.items],
      [expectedVersion === null ? 'exists' : 'version', ...withJob.kinds],
    );
  }

  /**
   * A re-arming job's record and its scope's pointer (the new job supersedes the scope's last):
   * written alone (job-store.ts `createJob`) or in the transaction of the edit it follows, so
   * the edit is never saved without the job that moves the deadlines it touches.
   */
  protected jobWrites(job: RearmJobRecord | undefined): {
    items: TransactItem[];
    kinds: WriteConflict['kind'][];
  } {
    if (!job) return { items: [], kinds: [] };
    return {
      items: [
        { Put: this.createPut(jobItem(job)) },
        { Put: { TableName: this.tableName, Item: jobScopeItem(job) } },
      ],
      kinds: ['exists', 'version'],
    };
  }

  // A calendar's other writes have no condition of their own: a transaction conflict (another
  // edit's version bump at the same moment) is simply tried again. `job`: the job the edit starts.

  /** Adds or replaces one day of a calendar, as `putCalendarDays`. */
  async putCalendarDay(calendarId: string, day: CalendarDay, job?: RearmJobRecord): Promise<void> {
    await this.putCalendarDays(calendarId, [day], job);
  }

  /**
   * Adds or replaces several days of a calendar in one transaction, with `job`: all of them or
   * none (past DynamoDB's 100 items a transaction, `limit_exceeded` before anything is sent).
   * A day with a `version` is written at it only over the day as its writer read it, checked in
   * the write itself, so that of two admins replacing one day on the same version the second is
   * refused, not replacing the first: at 1 where the calendar has no such day (`exists`), at n
   * where it is at n - 1 (`version`; at 2, a day stored before days had versions, read as 1,
   * too). Not tried again here: its caller reads the days again and decides (settings.ts).
   */
  async putCalendarDays(
    calendarId: string,
    days: readonly CalendarDay[],
    job?: RearmJobRecord,
  ): Promise<void> {
    const puts = days.map((day) => {
      const item = calendarDayItem(calendarId, day);
      const write = { TableName: this.tableName, Item: item };
      if (day.version === undefined) return { Put: write };
      if (day.version <= 1) return { Put: this.createPut(item) };
      if (day.version > 2) return { Put: { ...write, ...this.atVersion(day.version - 1) } };
      return {
        Put: {
          ...write,
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :one)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      };
    });
    const withJob = this.jobWrites(job);
    const kinds = days.map((day): WriteConflict['kind'] =>
      day.version !== undefined && day.version <= 1 ? 'exists' : 'version',
    );
    await this.settingsTransact([...puts, ...withJob.items], [...kinds, ...withJob.kinds]);
  }

  /** Removes one day of a calendar; false when there was none (and nothing was written). */
  async deleteCalendarDay(
    calendarId: string,
    date: string,
    job?: RearmJobRecord,
  ): Promise<boolean> {
    const remove = {
      TableName: this.tableName,
      Key: keys.calendarDay(calendarId, date),
      ConditionExpression: 'attribute_exists(pk)',
    };
    try {
      await this.calendarEdit([{ Delete: remove }], 'exists', job);
      return true;
    } catch (error) {
      if (error instanceof WriteConflict && error.kind === 'exists') return false;
      throw error;
    }
  }

  /** Declares a calendar's holidays for a year complete. */
  async putCalendarYear(calendarId: string, year: number, job?: RearmJobRecord): Promise<void> {
    const put = { TableName: this.tableName, Item: calendarYearItem(calendarId, year) };
    await this.calendarEdit([{ Put: put }], 'version', job);
  }

  private async calendarEdit(
    edits: TransactItem[],
    kind: WriteConflict['kind'],
    job: RearmJobRecord | undefined,
  ): Promise<void> {
    const withJob = this.jobWrites(job);
    await retryOnConflict(() =>
      this.settingsTransact(
        [...edits, ...withJob.items],
        [...edits.map(() => kind), ...withJob.kinds],
      ),
    );
  }
}
