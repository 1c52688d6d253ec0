/**
 * The escalation engine's access patterns: the steps taken, the ladders and their timers, and a
 * step's commit with its letters. A layer of `DynamoStore` (dynamo-store.ts), in its own file;
 * the letters' reads and deliveries are the layer above (letter-store.ts).
 */
import type {
  ActivityRecord,
  LadderRecord,
  LadderWrite,
  LetterKey,
  NotificationRecord,
  OpenActivities,
  Page,
  PageRequest,
  QueueRowCase,
  QueueRowLadder,
  VersionedPut,
  WriteConflict,
} from '@pantau/core';
import { record, type TransactItem } from './dynamo-table.ts';
import { SettingsLayer } from './settings-store.ts';
import {
  activityItem,
  eventItem,
  type Item,
  ladderItem,
  ladderStepItem,
  letterShareItem,
  notificationItem,
} from './items.ts';
import { keys } from './keys.ts';
import { queryAll, responseBytes } from './paging.ts';

/** The attributes of a queue row's ladder and case (`QueueRowLadder`, `QueueRowCase`). */
const QUEUE_ROW_ATTRIBUTES = [
  'entity',
  'caseId',
  'agencyId',
  'generation',
  'level',
  'rung',
  'id',
  'status',
  'closure',
  'statusHistory',
  'agendaNumber',
] satisfies readonly (keyof QueueRowLadder | keyof QueueRowCase | 'entity')[];

/**
 * A letter as a share names it: its id, when it was written (the log's order), its size, and
 * whether it was cancelled.
 */
export const letterKeyOf = (n: NotificationRecord): LetterKey => ({
  id: n.id,
  createdAt: n.createdAt,
  bytes: responseBytes(notificationItem(n)),
  ...(n.status === 'cancelled' ? { cancelled: true } : {}),
});

/** The entity of a case's count of ladder proposals (`keys.ladderProposals`). */
const LADDER_PROPOSALS = 'ladder_proposals';

const ladderProposalsItem = (caseId: string, version: number): Item => ({
  ...keys.ladderProposals(caseId),
  entity: LADDER_PROPOSALS,
  caseId,
  version,
});

export class EscalationStore extends SettingsLayer {
  /** The ids of the ladder steps taken for one generation of an assignment. */
  async listStepsTaken(caseId: string, agencyId: string, generation: number): Promise<Set<string>> {
    const prefix = keys.step(caseId, agencyId, generation, '').sk;
    const items = await this.queryPrefix(keys.casePk(caseId), prefix, { projection: 'sk' });
    return new Set(items.map((i) => String(i.sk).slice(prefix.length)));
  }

  /**
   * A case's open activities (proposed, planned) and the ladder's count of proposals on it
   * (`keys.ladderProposals`): one consistent Query of its `ACT#` items, the reported and
   * cancelled ones filtered out as read (only central intervention steps read it: once an
   * episode of an assignment).
   */
  async listOpenActivities(caseId: string): Promise<OpenActivities> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#status IN (:proposed, :planned) OR entity = :count',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': keys.casePk(caseId),
        ':prefix': 'ACT#',
        ':proposed': 'proposed',
        ':planned': 'planned',
        ':count': LADDER_PROPOSALS,
      },
      ConsistentRead: true,
    });
    const count = items.find((i) => i.entity === LADDER_PROPOSALS);
    return {
      activities: items
        .filter((i) => i.entity === 'activity')
        .map((i) => record<ActivityRecord>(i)),
      proposalsWritten: count ? Number(count.version) : 0,
    };
  }

  /**
   * A ladder's new state under its version, with each letter's marker (exactly once), outbox
   * record, timeline event and proposed activity (with its event), its share with the member
   * unit the assignment is delegated to, and the skipped steps' events, on the assignment as the
   * step read it (a condition on its version, so the share goes to the unit holding it): one
   * transaction. A central intervention's proposal is created under the case's count of them,
   * or joined under its version; with none, the activity the agency is invited to is checked
   * unchanged. At most 4 letters × 4 items, 3 more for a proposal, + 2 + a few skipped steps'
   * events: far below the 100-item limit.
   */
  async commitLadder(write: LadderWrite): Promise<void> {
    const items: TransactItem[] = [
      { Put: this.versionedPut(ladderItem(write.ladder.record), write.ladder.expectedVersion) },
    ];
    const kinds: WriteConflict['kind'][] = ['version'];
    if (write.assignment) {
      const { caseId, agencyId, version } = write.assignment;
      items.push(this.unchangedSince(keys.assignment(caseId, agencyId), version));
      kinds.push('version');
    }
    const created = (item: Item) => {
      items.push({ Put: this.createPut(item) });
      kinds.push('exists');
    };
    const memberId = write.assignment?.delegatedTo ?? null;
    for (const l of write.letters) {
      const n = l.notification;
      created(ladderStepItem(n, l.stepId));
      created(notificationItem(n));
      if (memberId !== null)
        created(
          letterShareItem({ caseId: n.caseId, agencyId: n.agencyId, memberId }, letterKeyOf(n)),
        );
      created(eventItem(l.event));
      const { proposal, invitedTo } = l;
      if (proposal?.expectedVersion !== undefined) {
        items.push({
          Put: this.versionedPut(activityItem(proposal.activity), proposal.expectedVersion),
        });
        kinds.push('version');
      } else if (proposal) {
        created(activityItem(proposal.activity));
        if (proposal.proposalsWritten !== undefined) {
          const written = proposal.proposalsWritten;
          items.push({
            Put: this.versionedPut(
              ladderProposalsItem(proposal.activity.caseId, written + 1),
              written === 0 ? null : written,
            ),
          });
          kinds.push('version');
        }
      }
      if (proposal) created(eventItem(proposal.event));
      if (invitedTo) {
        items.push(
          this.unchangedSince(keys.activity(invitedTo.caseId, invitedTo.id), invitedTo.version),
        );
        kinds.push('version');
      }
    }
    for (const e of write.events) created(eventItem(e));
    await this.transact(items, kinds);
  }

  /** A ladder's new state (timer) under its version. */
  async putLadder(put: VersionedPut<LadderRecord>): Promise<void> {
    await this.conditionalPut(
      this.versionedPut(ladderItem(put.record), put.expectedVersion),
      put.expectedVersion,
    );
  }

  /** The ladders of these assignments (BatchGetItem, 100 keys at a time). */
  async getLadders(refs: readonly { caseId: string; agencyId: string }[]): Promise<LadderRecord[]> {
    const items = await this.batchGet(refs.map((r) => keys.ladder(r.caseId, r.agencyId)));
    return items.map((item) => record<LadderRecord>(item));
  }

  /**
   * The ladders of these assignments and their cases, in the same BatchGetItem (100 keys at a
   * time): a queue's page of 25 reads both in the one request its ladders took alone. Only
   * what a queue row reads of each (`QUEUE_ROW_ATTRIBUTES`): a whole case item is up to 333 KB
   * (its description, restatement, replies), read for its status.
   */
  async getLaddersAndCases(
    refs: readonly { caseId: string; agencyId: string }[],
  ): Promise<{ ladders: QueueRowLadder[]; cases: QueueRowCase[] }> {
    const items = await this.batchGet(
      [
        ...refs.map((r) => keys.ladder(r.caseId, r.agencyId)),
        ...[...new Set(refs.map((r) => r.caseId))].map((id) => keys.case(id)),
      ],
      false,
      QUEUE_ROW_ATTRIBUTES,
    );
    return {
      ladders: items.filter((i) => i.entity === 'ladder').map((i) => record<QueueRowLadder>(i)),
      cases: items.filter((i) => i.entity === 'case').map((i) => record<QueueRowCase>(i)),
    };
  }

  /**
   * Ladders whose timer is due by `now`, soonest first (gsi1 `setneg#TIMERS`), a page at a
   * time: the engine takes the next batch once these are done, and reads past ladders it has
   * tried already (a run that failed leaves its timer as it was, at the head).
   */
  listDueLadders(now: Date, page: PageRequest): Promise<Page<LadderRecord>> {
    return this.page<LadderRecord>(
      [
        {
          index: 'gsi1',
          partition: keys.timers,
          range: { op: '<', value: `${now.toISOString()}~` },
        },
      ],
      page,
    );
  }

  /** The soonest ladder timer in (after, until], if any (the manual clock passing time). */
  async nextLadderWake(after: Date, until: Date): Promise<string | null> {
    const page = await this.page<LadderRecord>(
      [
        {
          index: 'gsi1',
          partition: keys.timers,
          range: { op: 'between', from: `${after.toISOString()}~`, to: `${until.toISOString()}~` },
        },
      ],
      { limit: 1 },
    );
    return page.items[0]?.wakeAt ?? null;
  }
}
