/**
 * The re-arming job's one task handler, on AWS through a Lambda and embedded in process: the
 * state machine says which task (`task`) for which job; each calls one use case of
 * @pantau/core. A throw is retried by the state machine.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  type ChunkResult,
  finishJob,
  type LadderStarter,
  listJobPage,
  rearmJobChunk,
  type Store,
} from '@pantau/core';
// zod's small build: the task parses only its input (BENCHMARKS, "Cold start").
import * as z from 'zod/mini';

export const RearmTaskInput = z.discriminatedUnion('task', [
  z.object({ task: z.literal('list'), jobId: z.string().check(z.minLength(1)) }),
  z.object({
    task: z.literal('chunk'),
    jobId: z.string().check(z.minLength(1)),
    chunk: z.int().check(z.minimum(0)),
  }),
  z.object({
    task: z.literal('finish'),
    jobId: z.string().check(z.minLength(1)),
    error: z.optional(z.string()),
  }),
]);

export interface RearmTaskDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Re-armed ladders are started here (each assignment's escalation ladder). */
  readonly ladders?: LadderStarter;
  /** The Lambda's Powertools logger; embedded, the runtime's. */
  readonly logger?: Logger | undefined;
}

/**
 * What `Finish` answers: the job's end, the items it could not do, and, for a job that
 * completed with some, `incomplete`: the words the execution fails with (`JobIncomplete`).
 */
export interface FinishResult {
  readonly state: string;
  readonly failed: number;
  readonly incomplete?: string;
}

export type RearmTaskResult =
  { readonly listed: boolean; readonly chunks: number[] } | ChunkResult | FinishResult;

export async function rearmTask(deps: RearmTaskDeps, raw: unknown): Promise<RearmTaskResult> {
  const input = RearmTaskInput.parse(raw);
  switch (input.task) {
    case 'list':
      return listJobPage(deps, input.jobId);
    case 'chunk':
      return rearmJobChunk(deps, input.jobId, input.chunk);
    case 'finish':
      return finish(deps, input.jobId, input.error);
  }
}

/**
 * A job that completed with items it could not do (bad data: a case it could not read) left
 * those open assignments on their old deadlines (the upgrade: those cases not upgraded, and its
 * marker unwritten). Its record says so, but before, its execution succeeded and nothing else
 * did: it is logged at ERROR here, and the definition fails the execution with these words
 * (so `RearmJobs/ExecutionsFailedAlarm` fires). Ids and counts only: no case's data.
 */
async function finish(deps: RearmTaskDeps, jobId: string, error?: string): Promise<FinishResult> {
  const ended = await finishJob(deps, jobId, error);
  // Counts only into the execution's state (the record's failures stay in the table).
  const result = { state: ended.state, failed: ended.failed };
  if (ended.state !== 'completed' || ended.failed === 0) return result;
  const kind = ended.scope.kind;
  deps.logger?.error('job completed with items it could not do', {
    jobId,
    kind,
    failed: ended.failed,
    done: ended.done,
    total: ended.total,
  });
  return {
    ...result,
    incomplete:
      `job ${jobId} (${kind}) completed with ${ended.failed} it could not do: ` +
      `GET /v1/jobs/${jobId} lists them; POST /v1/jobs/${jobId}/retry carries them on`,
  };
}
