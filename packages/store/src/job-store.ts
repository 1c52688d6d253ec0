/**
 * The re-arming jobs' access patterns (core `rearm-job.ts`): one item of counters per job,
 * updated with `ADD` so concurrent batches never read-modify-write it; chunks of work, each
 * deleted in the transaction that counts it; failures as items of their own (the use case caps
 * them); and one pointer per scope to its latest job. The upgrade job's marker too (the version
 * of the stored data it completed). A layer of `DynamoStore`, in its own file.
 */
import {
  type AssignmentKey,
  type JobChunk,
  type JobCounts,
  type JobEnd,
  type JobFailure,
  type JobState,
  type RearmJobRecord,
} from '@pantau/core';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from './dynamo-table.ts';
import { LetterLayer } from './letter-store.ts';
import { jobChunkItem, jobFailureItem, upgradeItem } from './items.ts';
import { keys } from './keys.ts';

const UNFINISHED: readonly JobState[] = ['listing', 'running'];

export class JobStore extends LetterLayer {
  /** The job and its scope's pointer, at once: the new job supersedes the scope's last one. */
  async createJob(job: RearmJobRecord): Promise<void> {
    const { items, kinds } = this.jobWrites(job);
    await this.transact(items, kinds);
  }

  async getJob(id: string): Promise<RearmJobRecord | undefined> {
    return this.get<RearmJobRecord>(keys.job(id));
  }

  async latestJobId(scope: string): Promise<string | undefined> {
    return (await this.get<{ jobId: string }>(keys.jobScope(scope)))?.jobId;
  }

  /** One small partition: a pointer per calendar, policy or agency edited, and per unit moved. */
  async listLatestJobs(): Promise<RearmJobRecord[]> {
    const { pk, skPrefix } = keys.jobScopePrefix;
    const pointers = await this.queryPrefix(pk, skPrefix);
    const jobs = await Promise.all(pointers.map((p) => this.getJob(String(p.jobId))));
    return jobs.filter((j): j is RearmJobRecord => j !== undefined);
  }

  async advanceJobListing(
    jobId: string,
    from: { readonly cursor: string | null; readonly chunks: number },
    to: { readonly cursor: string | null; readonly refs: readonly AssignmentKey[] },
    now: Date,
  ): Promise<void> {
    const chunked = to.refs.length > 0;
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.job(jobId),
          UpdateExpression:
            'SET #cursor = :to, #chunks = :chunks, #state = :state, #updatedAt = :now ADD #total :n',
          // Only from the position this listing read: a second run of the task that got here
          // first has moved it, and this one loses.
          ConditionExpression: `#state = :listing AND #chunks = :from AND ${
            from.cursor === null ? 'attribute_type(#cursor, :null)' : '#cursor = :fromCursor'
          }`,
          // Every name aliased: `total`, `state` and others are DynamoDB reserved words.
          ExpressionAttributeNames: {
            '#cursor': 'cursor',
            '#state': 'state',
            '#chunks': 'chunks',
            '#total': 'total',
            '#updatedAt': 'updatedAt',
          },
          ExpressionAttributeValues: {
            ':to': to.cursor,
            ':chunks': from.chunks + (chunked ? 1 : 0),
            ':state': to.cursor === null ? 'running' : 'listing',
            ':now': now.toISOString(),
            ':n': to.refs.length,
            ':listing': 'listing',
            ':from': from.chunks,
            ...(from.cursor === null ? { ':null': 'NULL' } : { ':fromCursor': from.cursor }),
          },
        },
      },
    ];
    if (chunked) {
      const chunk: JobChunk = { jobId, index: from.chunks, refs: to.refs };
      items.push({ Put: this.createPut(jobChunkItem(chunk)) });
    }
    await this.transact(items, ['version', 'exists']);
  }

  async getJobChunk(jobId: string, index: number): Promise<JobChunk | undefined> {
    return this.get<JobChunk>(keys.jobChunk(jobId, index));
  }

  async completeJobChunk(
    jobId: string,
    index: number,
    counts: JobCounts,
    now: Date,
  ): Promise<void> {
    await this.transact(
      [
        {
          Delete: {
            TableName: this.tableName,
            Key: keys.jobChunk(jobId, index),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: keys.job(jobId),
            UpdateExpression:
              'SET #updatedAt = :now ADD #done :done, #failed :failed, #moved :moved, #skipped :skipped',
            ExpressionAttributeNames: {
              '#updatedAt': 'updatedAt',
              '#done': 'done',
              '#failed': 'failed',
              '#moved': 'moved',
              '#skipped': 'skipped',
            },
            ExpressionAttributeValues: {
              ':now': now.toISOString(),
              ':done': counts.done,
              ':failed': counts.failed,
              ':moved': counts.moved,
              ':skipped': counts.skipped,
            },
          },
        },
      ],
      // The chunk gone is `exists` (counted already); the job item held by another batch's
      // transaction at that instant is `version` (try again).
      ['exists', 'version'],
    );
  }

  async putJobFailure(jobId: string, failure: JobFailure): Promise<void> {
    await this.plainPut(jobFailureItem(jobId, failure));
  }

  async listJobFailures(jobId: string, limit: number): Promise<JobFailure[]> {
    const page = await this.page<JobFailure>(
      [{ partition: keys.job(jobId).pk, range: { op: 'begins_with', value: 'FAIL#' } }],
      { limit },
    );
    return page.items.map(({ caseId, agencyId, code, message, at }) => ({
      caseId,
      agencyId,
      code,
      message,
      at,
    }));
  }

  async upgradedVersion(): Promise<number> {
    return (await this.get<{ version: number }>(keys.upgrade, true))?.version ?? 0;
  }

  async markUpgraded(version: number, jobId: string | null, now: Date): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: upgradeItem(version, jobId, now),
          // A job of an older version finishing late does not take a newer one back.
          ConditionExpression: 'attribute_not_exists(pk) OR #version <= :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async endJob(jobId: string, end: JobEnd, now: Date): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.job(jobId),
          UpdateExpression:
            'SET #state = :state, #finishedAt = :now, #updatedAt = :now, #by = :by, #error = :error',
          ConditionExpression: '#state IN (:listing, :running)',
          ExpressionAttributeNames: {
            '#state': 'state',
            '#finishedAt': 'finishedAt',
            '#updatedAt': 'updatedAt',
            '#by': 'supersededBy',
            '#error': 'error',
          },
          ExpressionAttributeValues: {
            ':state': end.state,
            ':now': now.toISOString(),
            ':by': end.supersededBy ?? null,
            ':error': end.error ?? null,
            ':listing': UNFINISHED[0],
            ':running': UNFINISHED[1],
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
