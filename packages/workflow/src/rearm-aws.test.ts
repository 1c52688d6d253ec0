/**
 * SfnJobRunner against Step Functions' naming rules, as a fake client keeps them: one execution
 * per name; a running one's name started again with the same input is the same execution (200);
 * a closed one's name is refused (`ExecutionAlreadyExists`) for 90 days.
 */
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DomainError } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { SfnJobRunner } from './rearm-aws.ts';

const MACHINE = 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:PantauTest-rearm';
const JOB = '01KB0000000000000000000001';

function stepFunctions() {
  const executions = new Map<string, 'RUNNING' | 'FAILED' | 'ABORTED'>();
  const started: string[] = [];
  const described: string[] = [];
  let throttled = false;
  const client = {
    send: async (command: StartExecutionCommand | DescribeExecutionCommand) => {
      // Each call goes out to the service: concurrent calls interleave here.
      await new Promise((resolve) => setImmediate(resolve));
      if (throttled)
        throw Object.assign(new Error('Rate exceeded'), {
          name: 'ThrottlingException',
          $metadata: { httpStatusCode: 400 },
        });
      if (command instanceof DescribeExecutionCommand) {
        const arn = command.input.executionArn!;
        expect(arn.startsWith(`${MACHINE.replace(':stateMachine:', ':execution:')}:`)).toBe(true);
        const name = arn.split(':').at(-1)!;
        described.push(name);
        return { status: executions.get(name) };
      }
      expect(command).toBeInstanceOf(StartExecutionCommand);
      const { name, input, stateMachineArn } = command.input;
      expect(stateMachineArn).toBe(MACHINE);
      expect(JSON.parse(input!)).toEqual({ jobId: JOB });
      const status = executions.get(name!);
      if (status === 'RUNNING') return { executionArn: `x:${name}` };
      if (status)
        throw new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
      executions.set(name!, 'RUNNING');
      started.push(name!);
      return { executionArn: `x:${name}` };
    },
  } as unknown as SFNClient;
  return {
    runner: new SfnJobRunner({ client, stateMachineArn: MACHINE }),
    executions,
    started,
    described,
    throttle: () => {
      throttled = true;
    },
  };
}

describe('SfnJobRunner', () => {
  it('starts a job as rearm-<jobId>, and a running one not again', async () => {
    const sfn = stepFunctions();
    await sfn.runner.start(JOB);
    await sfn.runner.start(JOB);
    expect(sfn.started).toEqual([`rearm-${JOB}`]);
  });

  it('starts a new execution for a job whose executions closed, under the next name', async () => {
    const sfn = stepFunctions();
    sfn.executions.set(`rearm-${JOB}`, 'FAILED');
    sfn.executions.set(`rearm-${JOB}-1`, 'ABORTED');
    await sfn.runner.start(JOB);
    expect(sfn.started).toEqual([`rearm-${JOB}-2`]);
    expect(sfn.described).toEqual([`rearm-${JOB}`, `rearm-${JOB}-1`]);
    // Running now: started again, nothing new.
    await sfn.runner.start(JOB);
    expect(sfn.started).toEqual([`rearm-${JOB}-2`]);
  });

  it('makes one execution when two start the same stopped job at once', async () => {
    const sfn = stepFunctions();
    sfn.executions.set(`rearm-${JOB}`, 'FAILED');
    await Promise.all([sfn.runner.start(JOB), sfn.runner.start(JOB), sfn.runner.start(JOB)]);
    expect(sfn.started).toEqual([`rearm-${JOB}-1`]);
    expect([...sfn.executions.values()].filter((s) => s === 'RUNNING')).toHaveLength(1);
  });

  it('answers a throttled start or look-up as unavailable (the request sent again starts it)', async () => {
    const sfn = stepFunctions();
    sfn.throttle();
    const error = await sfn.runner.start(JOB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('service_unavailable');
  });
});
