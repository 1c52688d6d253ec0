/**
 * Runs re-arming jobs on AWS: one Standard execution of the re-arm state machine per job at a
 * time, named after the job, so a job started twice while it runs runs once.
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { type JobRunner, unavailable } from '@pantau/core';

export interface SfnJobRunnerProps {
  readonly client: SFNClient;
  /** The re-arm state machine (`REARM_STATE_MACHINE_ARN`). */
  readonly stateMachineArn: string;
}

/** Executions one job may have had before a start gives up (each a stop or a failure). */
export const MAX_JOB_EXECUTIONS = 100;

/** The job's `n`th execution's name: `rearm-<jobId>`, then `rearm-<jobId>-1`, `-2`, … */
export const jobExecutionName = (jobId: string, n: number) =>
  n === 0 ? `rearm-${jobId}` : `rearm-${jobId}-${n}`;

export class SfnJobRunner implements JobRunner {
  private readonly props: SfnJobRunnerProps;

  constructor(props: SfnJobRunnerProps) {
    this.props = props;
  }

  /**
   * Starts the job's execution unless one is running. Step Functions refuses a closed
   * execution's name for 90 days (`ExecutionAlreadyExists`), so a job whose record says it is
   * unfinished while its execution ended (`FinishFailed` itself throttled, an operator's stop)
   * would never run again under one name: the names are tried in order, and the first one not
   * taken is started. Names, not a count kept elsewhere, decide: two starters at once both walk
   * past the same closed executions to the same next name, which only one of them gets; the
   * other finds it running and starts nothing.
   */
  async start(jobId: string): Promise<void> {
    for (let n = 0; n < MAX_JOB_EXECUTIONS; n += 1) {
      const name = jobExecutionName(jobId, n);
      if ((await this.startNamed(name, jobId)) || (await this.isRunning(name))) return;
    }
    throw new Error(`job ${jobId} had ${MAX_JOB_EXECUTIONS} executions: not started again`);
  }

  /** false: the name is taken (an execution running or closed). */
  private async startNamed(name: string, jobId: string): Promise<boolean> {
    try {
      await this.props.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.props.stateMachineArn,
          // Job ids are ULIDs: within the name rules (80 characters), and unique.
          name,
          input: JSON.stringify({ jobId }),
        }),
      );
      return true;
    } catch (error) {
      if (
        error instanceof ExecutionAlreadyExists ||
        (error as Error).name === 'ExecutionAlreadyExists'
      )
        return false;
      throw unavailableWhenThrottled(error);
    }
  }

  private async isRunning(name: string): Promise<boolean> {
    try {
      const execution = await this.props.client.send(
        new DescribeExecutionCommand({ executionArn: this.executionArn(name) }),
      );
      return execution.status === 'RUNNING';
    } catch (error) {
      throw unavailableWhenThrottled(error);
    }
  }

  /** `arn:…:stateMachine:<machine>` → `arn:…:execution:<machine>:<name>`. */
  private executionArn(name: string): string {
    return `${this.props.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  }
}

/** The edit is saved and the job recorded: the admin's save sent again (a 503) starts it. */
function unavailableWhenThrottled(error: unknown): unknown {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'ThrottlingException' || (e.$metadata?.httpStatusCode ?? 0) >= 500)
    return unavailable(error);
  return error;
}
