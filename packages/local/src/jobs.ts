/**
 * The embedded runner of re-arming jobs: the same ASL definition as Step Functions, on
 * `aws-local-stepfunctions`, its three tasks overridden by state name with the handler the
 * Lambda wraps (the Distributed Map runs inline, `MaxConcurrency` chunks at a time). A job
 * runs in the background: the edit's request answers as soon as the job is recorded. After a
 * restart, every scope's latest unfinished job runs again, which resumes it (the table holds
 * its listing position and the chunks still to do).
 */
import { FINISHED_JOB_STATES, type JobRunner } from '@pantau/core';
import {
  JOB_INCOMPLETE,
  REARM_STATE,
  rearmJobDefinition,
  rearmTask,
  type RearmTaskDeps,
} from '@pantau/workflow';
import type { StateMachine } from 'aws-local-stepfunctions';
import { localStateMachine } from './state-machine.ts';

/** The task's deps; its `logger` (the runtime's) logs the jobs' ends too. */
export type LocalJobRunnerDeps = RearmTaskDeps;

export class LocalJobRunner implements JobRunner {
  private readonly machine: StateMachine;
  private readonly running = new Map<string, Promise<void>>();
  private readonly aborts = new Set<() => void>();

  private readonly deps: LocalJobRunnerDeps;

  constructor(deps: LocalJobRunnerDeps) {
    this.deps = deps;
    this.machine = localStateMachine(rearmJobDefinition, {
      RearmJobFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:pantau-rearm-job',
    });
  }

  async start(jobId: string): Promise<void> {
    if (this.running.has(jobId)) return;
    const run = this.run(jobId)
      .catch((error: unknown) => {
        // Completed with items it could not do: the job ended, and its `Finish` task logged
        // that at ERROR already (the execution failing is how Step Functions' alarm hears it).
        // (The interpreter wraps the Fail state's error in an ExecutionError, as its cause.)
        if ((error as { cause?: { name?: unknown } })?.cause?.name !== JOB_INCOMPLETE) throw error;
      })
      .then(async () => {
        const job = await this.deps.store.getJob(jobId);
        if (job && FINISHED_JOB_STATES.includes(job.state))
          this.deps.logger?.info('job ended', {
            jobId,
            kind: job.scope.kind,
            state: job.state,
            total: job.total,
            done: job.done,
            failed: job.failed,
            moved: job.moved,
          });
      })
      .catch((error: unknown) =>
        this.deps.logger?.error('re-arming job failed', { jobId, error: error as Error }),
      )
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  /**
   * Runs one job's definition to its end; rejects as its execution fails (a job completed with
   * items it could not do: `JobIncomplete`, the rejection's `cause`).
   */
  async run(jobId: string): Promise<void> {
    const handler = (input: unknown) => rearmTask(this.deps, input) as never;
    const execution = this.machine.run(
      { jobId },
      {
        overrides: {
          taskResourceLocalHandlers: {
            [REARM_STATE.listPage]: handler,
            [REARM_STATE.rearmChunk]: handler,
            [REARM_STATE.finish]: handler,
            [REARM_STATE.finishFailed]: handler,
          },
          retryIntervalOverrides: {
            [REARM_STATE.listPage]: 50,
            [REARM_STATE.rearmChunk]: 50,
            [REARM_STATE.finish]: 50,
            [REARM_STATE.finishFailed]: 50,
          },
        },
        noThrowOnAbort: true,
      },
    );
    this.aborts.add(execution.abort);
    try {
      await execution.result;
    } finally {
      this.aborts.delete(execution.abort);
    }
  }

  /** Jobs a stop or a crash interrupted: each scope's latest, run again from where it stood. */
  async resume(): Promise<number> {
    const unfinished = (await this.deps.store.listLatestJobs()).filter(
      (j) => !FINISHED_JOB_STATES.includes(j.state),
    );
    for (const job of unfinished) await this.start(job.id);
    return unfinished.length;
  }

  /** Waits for the jobs running now (and those they are). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Stops the jobs running now where they stand (a restart resumes them). */
  async stop(): Promise<void> {
    for (const abort of this.aborts) abort();
    await this.idle();
  }
}
