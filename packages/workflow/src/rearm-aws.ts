/**
 * Runs re-arming jobs on AWS: one Standard execution of the re-arm state machine per job, named
 * after the job, so a job started twice runs once (`ExecutionAlreadyExists` is success).
 */
import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type JobRunner, unavailable } from '@pantau/core';

export interface SfnJobRunnerProps {
  readonly client: SFNClient;
  /** The re-arm state machine (`REARM_STATE_MACHINE_ARN`). */
  readonly stateMachineArn: string;
}

export class SfnJobRunner implements JobRunner {
  private readonly props: SfnJobRunnerProps;

  constructor(props: SfnJobRunnerProps) {
    this.props = props;
  }

  async start(jobId: string): Promise<void> {
    try {
      await this.props.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.props.stateMachineArn,
          // Job ids are ULIDs: within the name rules, and unique.
          name: `rearm-${jobId}`,
          input: JSON.stringify({ jobId }),
        }),
      );
    } catch (error) {
      if (
        error instanceof ExecutionAlreadyExists ||
        (error as Error).name === 'ExecutionAlreadyExists'
      )
        return;
      // The edit is saved and the job recorded: the admin's save sent again (a 503) starts it.
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'ThrottlingException' || (e.$metadata?.httpStatusCode ?? 0) >= 500)
        throw unavailable(error);
      throw error;
    }
  }
}
