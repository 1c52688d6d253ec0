/**
 * The letters' access patterns: the letters log (every letter, one agency's, one case's, with
 * the letters shared with a member unit), the outbox, central's failed letters, and a letter's
 * delivery, bounce and central's resend or dismissal, each written only over the letter as it
 * was read. A layer of `DynamoStore` (dynamo-store.ts), above the ladders' (escalation-store.ts).
 */
import type {
  LetterKey,
  LetterShare,
  NotificationQuery,
  NotificationRecord,
  Page,
  PageRequest,
  TimelineEvent,
} from '@pantau/core';
import { letterDate, WriteConflict, writtenForDates } from '@pantau/core';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { record } from './dynamo-table.ts';
import { EscalationStore, letterKeyOf } from './escalation-store.ts';
import { eventItem, type Item, letterOrder, notificationItem } from './items.ts';
import { keys } from './keys.ts';
import { queryPage, READ_BUDGET, responseBytes, type Stream } from './paging.ts';
/**
 * What a letter may grow by after it is shared (its delivery's status, error, handling): a
 * shared letter weighs on its page as its share's `bytes` and this (`PAGE_BYTES`).
 */
const LETTER_GROWTH_BYTES = 4_096;

const isShare = (item: Item) => item.entity === 'letter_share';

/**
 * The letters log's sort-key range (`letterOrder`) for `query`: written after `since`, and when
 * the letters of its dates may have been written (`writtenForDates`); none to read when the two
 * do not meet, no range when neither is asked.
 */
function writtenRange(query: NotificationQuery): Stream['range'] | 'none' {
  const written = writtenForDates(query.dated ?? {});
  const lower = [query.since && `${query.since.toISOString()}~`, written.after?.toISOString()]
    .filter((key) => key !== undefined)
    .sort()
    .at(-1);
  // `~` sorts after the `#` that ends a letter's instant in its key: the last instant included.
  const upper = written.until && `${written.until.toISOString()}~`;
  if (lower !== undefined && upper !== undefined)
    return lower > upper ? 'none' : { op: 'between', from: lower, to: upper };
  if (upper !== undefined) return { op: '<', value: upper };
  return lower === undefined ? undefined : { op: '>=', value: lower };
}

/** Whether a letter (an item) is of `query`'s cancellation, status, step and dates; none: all are. */
function letterFilter(query: NotificationQuery): ((item: Item) => boolean) | undefined {
  const { cancelled, status, step, dated } = query;
  if (cancelled === undefined && !status && !step && !dated?.from && !dated?.to) return undefined;
  return (item) => {
    if (cancelled !== undefined && (item.status === 'cancelled') !== cancelled) return false;
    if (status && item.status !== status) return false;
    if (step && item.step !== step) return false;
    if (dated?.from || dated?.to) {
      const date = letterDate({
        createdAt: String(item.createdAt),
        ...(typeof item.datedOn === 'string' ? { datedOn: item.datedOn } : {}),
      });
      if ((dated.from && date < dated.from) || (dated.to && date > dated.to)) return false;
    }
    return true;
  };
}

/**
 * What a share (`letterShareItem`) answers of `query`: whether its letter was cancelled, kept in
 * step with it. Of the rest only the letter read after it knows.
 */
function shareFilter(query: NotificationQuery): ((item: Item) => boolean) | undefined {
  const cancelled = query.status ? query.status === 'cancelled' : query.cancelled;
  if (cancelled === undefined) return undefined;
  return (item) =>
    (item.cancelled === true) === cancelled &&
    (query.cancelled === undefined || (item.cancelled === true) === query.cancelled);
}

export class LetterLayer extends EscalationStore {
  /**
   * The letters log, newest written first: every letter (gsi1) or one agency's (gsi2), as people
   * read a log; one case's (its item collection) oldest first, in the order its ladder sent them.
   * After a visit (`since`) and a period's dates (`dated`), a sort-key range of the indexes (a
   * period's widened to when its letters may have been written, `writtenForDates`); `cancelled`,
   * `status`, `step` and the dates themselves filtered as the letters are read, and counted so:
   * a page may come short (`READ_BUDGET`), with a cursor to go on.
   */
  async listNotifications(
    query: NotificationQuery,
    page: PageRequest,
  ): Promise<Page<NotificationRecord>> {
    const range = writtenRange(query);
    if (range === 'none')
      return { items: [], nextCursor: null, ...(page.total ? { total: 0 } : {}) };
    const after = range ? { range } : {};
    const accept = letterFilter(query);
    if (query.agencyId && query.sharedWith && !query.caseId)
      return this.withShared(query, query.agencyId, query.sharedWith, after, page);
    const stream: Stream = query.caseId
      ? { partition: keys.casePk(query.caseId), range: { op: 'begins_with', value: 'NOTIF#' } }
      : query.agencyId
        ? {
            index: 'gsi2',
            partition: keys.agencyNotifications(query.agencyId),
            descending: true,
            ...after,
          }
        : { index: 'gsi1', partition: keys.allNotifications, descending: true, ...after };
    return this.page<NotificationRecord>(
      [stream],
      page,
      // The indexes' streams are the agency's partition and the `since` key range already: only
      // a case's letters are filtered after reading by those (and all by the letter's own).
      query.caseId && (query.agencyId || query.since)
        ? (item) =>
            (!query.agencyId || item.agencyId === query.agencyId) &&
            (!query.since || String(item.createdAt) > query.since.toISOString()) &&
            (!accept || accept(item))
        : accept,
    );
  }

  /**
   * An agency's letters merged, newest first, with those shared with it as a member unit (two
   * gsi2 partitions, one cursor, one total): a page reads the shares' letters in one
   * BatchGetItem. A share says whether its letter was cancelled, so `cancelled` is filtered on
   * the shares as they are read; a status, a step or a date only on the letters read after them
   * (a page may come short, with its cursor), and counted by reading every share's letter.
   */
  private async withShared(
    query: NotificationQuery,
    agencyId: string,
    memberId: string,
    after: Partial<Pick<Stream, 'range'>>,
    page: PageRequest,
  ): Promise<Page<NotificationRecord>> {
    const own: Stream = {
      index: 'gsi2',
      partition: keys.agencyNotifications(agencyId),
      descending: true,
      ...after,
    };
    const shared: Stream = {
      index: 'gsi2',
      partition: keys.sharedNotifications(memberId),
      descending: true,
      ...after,
    };
    const letters = letterFilter(query);
    const shares = shareFilter(query);
    // What only the letter says: a share is no answer to it.
    const byLetter = Boolean(
      query.step || query.dated || (query.status && query.status !== 'cancelled'),
    );
    const accept =
      letters || shares
        ? (item: Item) => (isShare(item) ? !shares || shares(item) : !letters || letters(item))
        : undefined;
    const read = (streams: Stream[], request: PageRequest) =>
      queryPage(this.client, this.tableName, streams, request, accept, READ_BUDGET, (item) =>
        isShare(item) ? Number(item.bytes ?? 0) + LETTER_GROWTH_BYTES : responseBytes(item),
      );
    const out = await read([own, shared], byLetter ? { ...page, total: false } : page);
    const items = await this.sharedLetters(out.items, letters);
    let total = out.total;
    if (byLetter && page.total) {
      const ownTotal = (await read([own], { limit: 1, total: true })).total ?? 0;
      let sharedTotal = 0;
      let cursor: string | undefined;
      do {
        const next = await read([shared], { limit: 100, cursor });
        sharedTotal += (await this.sharedLetters(next.items, letters)).length;
        cursor = next.nextCursor ?? undefined;
      } while (cursor);
      total = ownTotal + sharedTotal;
    }
    return {
      items: items.map((i) => record<NotificationRecord>(i)),
      nextCursor: out.nextCursor,
      ...(total === undefined ? {} : { total }),
    };
  }

  /**
   * `items` of an agency's merged log, each share replaced by its letter when `accept` takes it
   * (none: every one). Read consistently: a letter is never left out for a replica behind its
   * share.
   */
  private async sharedLetters(
    items: readonly Item[],
    accept: ((item: Item) => boolean) | undefined,
  ): Promise<Item[]> {
    const shares = items.filter(isShare);
    const letters = await this.batchGet(
      shares.map((s) => keys.notification(String(s.caseId), String(s.notificationId))),
      true,
    );
    const byKey = new Map(letters.map((l) => [`${String(l.pk)}|${String(l.sk)}`, l]));
    return items.flatMap((item) => {
      if (!isShare(item)) return [item];
      const key = keys.notification(String(item.caseId), String(item.notificationId));
      const letter = byKey.get(`${key.pk}|${key.sk}`);
      // A letter cancelled as its share was read (`recordDelivery` marks both at once).
      return letter && (!accept || accept(letter)) ? [letter] : [];
    });
  }

  /**
   * Every letter of one assignment, all its generations, as its shares name them: the case's
   * letters read (a few agencies' on most cases).
   */
  async listAssignmentLetters(caseId: string, agencyId: string): Promise<LetterKey[]> {
    const items = await this.queryPrefix(keys.casePk(caseId), 'NOTIF#');
    return items
      .map((i) => record<NotificationRecord>(i))
      .filter((n) => n.agencyId === agencyId)
      .map(letterKeyOf);
  }

  /** The letter shares of a case's assignments (`LETTERSHARE#`, small items: few a case). */
  async listLetterShares(caseId: string): Promise<LetterShare[]> {
    const items = await this.queryPrefix(keys.casePk(caseId), 'LETTERSHARE#');
    return items.map((i) => ({
      agencyId: String(i.agencyId),
      memberId: String(i.memberId),
      letter: {
        id: String(i.notificationId),
        // A share stored before the logs went by when a letter was written: its due date.
        createdAt: String(i.createdAt ?? i.scheduledAt),
        bytes: Number(i.bytes ?? 0),
        ...(i.cancelled === true ? { cancelled: true } : {}),
      },
    }));
  }

  /**
   * Letters of one assignment still in the outbox (pending; every page of the case's letters):
   * neither sent, nor given up, nor cancelled.
   */
  async listUndelivered(caseId: string, agencyId: string): Promise<NotificationRecord[]> {
    const items = await this.queryPrefix(keys.casePk(caseId), 'NOTIF#');
    return items
      .map((i) => record<NotificationRecord>(i))
      .filter((n) => n.agencyId === agencyId && n.status === 'pending');
  }

  /**
   * Letters still to send, oldest first (the sparse outbox index gsi3; failed ones leave it):
   * a batch of `limit`, or all when fewer, not all of them (the sweep comes back for the
   * rest). Read page after page: a page stops at 4.5 MB (a list's answer must fit a
   * response), about 185 letters near their largest, fewer than the sweep asks for.
   */
  async listAllUndelivered(limit: number): Promise<NotificationRecord[]> {
    const out: NotificationRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.page<NotificationRecord>(
        [{ index: 'gsi3', partition: keys.outbox }],
        { limit: limit - out.length, cursor },
      );
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && out.length < limit);
    return out;
  }

  /**
   * Letters given up after their delivery attempts, oldest first (gsi3, sparse); one agency's
   * filtered as they are read (a few agencies' bad addresses make most of them).
   */
  async listFailedNotifications(
    page: PageRequest,
    filter: { readonly agencyId?: string | undefined } = {},
  ): Promise<Page<NotificationRecord>> {
    const { agencyId } = filter;
    return this.page<NotificationRecord>(
      [{ index: 'gsi3', partition: keys.failedLetters }],
      page,
      agencyId === undefined ? undefined : (item) => item.agencyId === agencyId,
    );
  }

  async changeFailedNotification(
    next: NotificationRecord,
    previous: NotificationRecord,
    event: TimelineEvent,
  ): Promise<void> {
    await this.transact(
      [
        // A failed letter, or one sent with an address refused (central marks it handled).
        {
          Put: this.sameRound(notificationItem(next), previous, [
            previous.status === 'sent' ? 'sent' : 'failed',
          ]),
        },
        { Put: this.createPut(eventItem(event)) },
      ],
      ['version', 'exists'],
    );
  }

  /**
   * A Put of a letter only while it stands as `previous` did: the same status, attempts and
   * round (`resentAt`), as many addresses recorded refused, and not marked handled. A copy read
   * before someone else's change (a delivery, a resend, another bounce of the same letter: SES
   * reports each receiving server's apart, and they may be handled at once) can then not undo it.
   */
  private sameRound(
    item: Item,
    previous: NotificationRecord,
    statuses: readonly NotificationRecord['status'][],
  ) {
    const round =
      previous.resentAt === undefined ? 'attribute_not_exists(resentAt)' : 'resentAt = :round';
    const refusedCount = previous.refusedAddresses?.length ?? 0;
    const refused =
      refusedCount === 0
        ? '(attribute_not_exists(refusedAddresses) OR size(refusedAddresses) = :none)'
        : 'size(refusedAddresses) = :refused';
    const names = statuses.map((_, i) => `:status${i}`);
    return {
      TableName: this.tableName,
      Item: item,
      ConditionExpression: `#status IN (${names.join(', ')}) AND attempts = :attempts AND ${round} AND ${refused} AND attribute_not_exists(handled)`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ...Object.fromEntries(statuses.map((status, i) => [names[i]!, status])),
        ':attempts': previous.attempts,
        ...(previous.resentAt === undefined ? {} : { ':round': previous.resentAt }),
        ...(refusedCount === 0 ? { ':none': 0 } : { ':refused': refusedCount }),
      },
    };
  }

  async recordDelivery(
    outcome: NotificationRecord,
    previous: NotificationRecord,
  ): Promise<boolean> {
    const item = notificationItem(outcome);
    try {
      // Cancelled: its share, if any, marked so in the same transaction (the unit's badge).
      if (outcome.status === 'cancelled')
        await this.putMarkingShare(this.sameRound(item, previous, ['pending']), outcome, true);
      else if (outcome.status !== 'sent')
        await this.conditionalPut(this.sameRound(item, previous, ['pending']), null);
      else
        try {
          await this.conditionalPut(this.sameRound(item, previous, ['pending']), null);
        } catch (error) {
          if (!(error instanceof WriteConflict)) throw error;
          // A letter that went is recorded sent even over the sweep's cancellation made while
          // it went (the agency answered between their two reads): it reached the agency, and
          // its share is no longer marked cancelled.
          await this.putMarkingShare(this.sameRound(item, previous, ['cancelled']), outcome, false);
        }
      return true;
    } catch (error) {
      if (error instanceof WriteConflict) return false;
      throw error;
    }
  }

  async recordUndelivered(
    outcome: NotificationRecord,
    previous: NotificationRecord,
  ): Promise<boolean> {
    try {
      // A failed letter's share is left as it is: only a cancellation marks one.
      await this.conditionalPut(
        this.sameRound(notificationItem(outcome), previous, ['sent']),
        null,
      );
      return true;
    } catch (error) {
      if (error instanceof WriteConflict) return false;
      throw error;
    }
  }

  /**
   * A letter's Put (`sameRound`) with its share, when it has one, marked cancelled or not, all
   * or nothing; the Put alone when it has none (most letters: not delegated). A share written
   * between the two (a delegation that read the letter before) is written as it read it.
   */
  private async putMarkingShare(
    put: ReturnType<LetterLayer['sameRound']>,
    n: NotificationRecord,
    cancelled: boolean,
  ): Promise<void> {
    try {
      await this.transact(
        [
          { Put: put },
          {
            Update: {
              TableName: this.tableName,
              Key: keys.letterShare(n.caseId, n.agencyId, n.id),
              UpdateExpression: cancelled ? 'SET cancelled = :yes' : 'REMOVE cancelled',
              ConditionExpression: 'attribute_exists(pk)',
              ...(cancelled ? { ExpressionAttributeValues: { ':yes': true } } : {}),
            },
          },
        ],
        ['version', 'exists'],
      );
    } catch (error) {
      if (!(error instanceof WriteConflict && error.kind === 'exists')) throw error;
      await this.conditionalPut(put, null);
    }
  }

  /**
   * The upgrade's (core `upgradeCase`, version 7): a case's letters and shares whose index keys
   * are not `letterOrder`, or a share whose `createdAt` or cancellation is not its letter's,
   * written again: those attributes only (an Update each, while the item is there), so that a
   * delivery recorded meanwhile is kept. Reads the case's letters and shares (a few agencies').
   */
  async reindexLetters(caseId: string): Promise<number> {
    const pk = keys.casePk(caseId);
    const [items, shares] = await Promise.all([
      this.queryPrefix(pk, 'NOTIF#', { consistent: true }),
      this.queryPrefix(pk, 'LETTERSHARE#', { consistent: true }),
    ]);
    const letters = new Map(items.map((i) => [String(i.id), i]));
    const updates: ConstructorParameters<typeof UpdateCommand>[0][] = [];
    for (const l of letters.values()) {
      const order = letterOrder(record<NotificationRecord>(l));
      if (l.gsi1sk === order && l.gsi2sk === order) continue;
      updates.push({
        TableName: this.tableName,
        Key: { pk: l.pk, sk: l.sk },
        UpdateExpression: 'SET gsi1sk = :order, gsi2sk = :order',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':order': order },
      });
    }
    for (const share of shares) {
      const l = letters.get(String(share.notificationId));
      if (!l) continue;
      const n = record<NotificationRecord>(l);
      const cancelled = n.status === 'cancelled';
      const current =
        share.gsi2sk === letterOrder(n) &&
        share.createdAt === n.createdAt &&
        share.scheduledAt === undefined &&
        (share.cancelled === true) === cancelled;
      if (current) continue;
      updates.push({
        TableName: this.tableName,
        Key: { pk: share.pk, sk: share.sk },
        UpdateExpression: cancelled
          ? 'SET gsi2sk = :order, createdAt = :at, cancelled = :yes REMOVE scheduledAt'
          : 'SET gsi2sk = :order, createdAt = :at REMOVE scheduledAt, cancelled',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':order': letterOrder(n),
          ':at': n.createdAt,
          ...(cancelled ? { ':yes': true } : {}),
        },
      });
    }
    let written = 0;
    for (const update of updates) {
      try {
        await this.client.send(new UpdateCommand(update));
        written += 1;
      } catch (error) {
        // Gone since it was read (a share taken back with its delegation): nothing to key.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    return written;
  }
}
