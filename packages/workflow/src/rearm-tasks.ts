/**
 * The re-arming job's one task handler, on AWS through a Lambda and embedded in process: the
 * state machine says which task (`task`) for which job; each calls one use case of
 * @pantau/core. A throw is retried by the state machine.
 */
import {
  type ChunkResult,
  finishJob,
  type LadderStarter,
  listJobPage,
  rearmJobChunk,
  type Store,
} from '@pantau/core';
import { z } from 'zod';

export const RearmTaskInput = z.discriminatedUnion('task', [
  z.object({ task: z.literal('list'), jobId: z.string().min(1) }),
  z.object({ task: z.literal('chunk'), jobId: z.string().min(1), chunk: z.int().min(0) }),
  z.object({ task: z.literal('finish'), jobId: z.string().min(1), error: z.string().optional() }),
]);

export interface RearmTaskDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Re-armed ladders are started here (each assignment's escalation ladder). */
  readonly ladders?: LadderStarter;
}

export type RearmTaskResult =
  | { readonly listed: boolean; readonly chunks: number[] }
  | ChunkResult
  | { readonly state: string };

export async function rearmTask(deps: RearmTaskDeps, raw: unknown): Promise<RearmTaskResult> {
  const input = RearmTaskInput.parse(raw);
  switch (input.task) {
    case 'list':
      return listJobPage(deps, input.jobId);
    case 'chunk':
      return rearmJobChunk(deps, input.jobId, input.chunk);
    case 'finish':
      return finishJob(deps, input.jobId, input.error);
  }
}
