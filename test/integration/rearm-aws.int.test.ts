/**
 * The background jobs as they run on AWS (infra/rearm-jobs.ts, functions/seed.ts and the re-arm
 * definition): what Step Functions does that the embedded runner does not.
 * - A Standard execution's name is refused for 90 days once the execution has closed
 *   (`ExecutionAlreadyExists`): `SfnJobRunner` starts the next name (`rearm-<jobId>-<n>`), as
 *   embedded starting a job again re-runs its definition (before, it took that as started).
 * - A Distributed Map without `ResultWriter` gathers its children's outputs into its result,
 *   which must fit in 256 KiB whatever its `ResultPath` (aws/aws-cdk#24799), and
 *   `States.DataLimitExceeded` is not caught by `States.ALL`.
 * - A deploy that rolls back leaves the executions it started running on the older task code.
 */
import {
  finishJob,
  newJob,
  runRearmJob,
  Service,
  type Store,
  UPGRADE_VERSION,
  CHUNK_SIZE,
  listJobPage,
} from '@pantau/core';
import { LocalJobRunner } from '@pantau/local';
import { type DynamoStore, keys, SEED_PRINCIPAL, seedBaseline } from '@pantau/store';
import { REARM_STATE, rearmJobDefinition, rearmTask, SfnJobRunner } from '@pantau/workflow';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  type SFNClient,
  type StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { localStateMachine } from '../../packages/local/src/state-machine.ts';
import { addAgencies, forwardedCase, freshStore, manualClock } from '../support/dynamodb.ts';

/** A table an older release wrote: cases, and no upgrade marker. */
async function olderTable(clock: ReturnType<typeof manualClock>, cases = 2) {
  const store = await freshStore();
  const service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }]);
  for (let i = 0; i < cases; i += 1) await forwardedCase(service, ['pln']);
  await store.client.send(new DeleteCommand({ TableName: store.tableName, Key: keys.upgrade }));
  expect(await store.upgradedVersion()).toBe(0);
  return store;
}

/**
 * Step Functions as `SfnJobRunner` meets it: one execution per name; the name of an execution
 * that has closed is refused with `ExecutionAlreadyExists`; `DescribeExecution` says whether one
 * is running. Each execution runs the real ASL on the local interpreter (`run`), and is running
 * until that runner is idle.
 */
function stepFunctions() {
  const names = new Map<string, 'RUNNING' | 'FAILED'>();
  let runner: LocalJobRunner | undefined;
  const client = {
    send: async (command: StartExecutionCommand | DescribeExecutionCommand) => {
      if (command instanceof DescribeExecutionCommand) {
        const name = command.input.executionArn!.split(':').at(-1)!;
        if (!names.has(name)) throw new Error(`ExecutionDoesNotExist: ${name}`);
        // Closed: whether it failed or succeeded changes nothing for a start.
        return { status: names.get(name) };
      }
      const name = command.input.name!;
      if (names.has(name))
        throw new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
      names.set(name, 'RUNNING');
      const on = runner!;
      await on.start((JSON.parse(command.input.input!) as { jobId: string }).jobId);
      void on.idle().then(() => names.set(name, 'FAILED'));
      return { executionArn: `arn:aws:states:ap-southeast-3:000000000000:execution:x:${name}` };
    },
  } as unknown as SFNClient;
  const jobs = new SfnJobRunner({
    client,
    stateMachineArn: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:PantauTest-rearm',
  });
  return {
    jobs,
    /** The task Lambda's code and table as they are now. */
    runOn: (r: LocalJobRunner) => {
      runner = r;
    },
  };
}

describe('an upgrade job whose execution ended with its record unfinished', () => {
  it('is carried on by the next deploy that seeds (on AWS, starting it again runs nothing)', async () => {
    const clock = manualClock('2026-05-04T03:00:00.000Z');
    const store = await olderTable(clock);
    const sfn = stepFunctions();

    // Deploy 1: the seed records the upgrade and starts it. The table is throttled for minutes:
    // the chunk fails through its retries, then `FinishFailed` through its own, so the
    // execution FAILED (the alarm fired) and nothing said so on the job.
    const throttled: Store = Object.create(store, {
      completeJobChunk: {
        value: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      },
      endJob: {
        value: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
      },
    });
    const first = new LocalJobRunner({ store: throttled, clock: clock.now });
    sfn.runOn(first);
    const { upgradeJobId } = await seedBaseline(store, clock.now());
    expect(upgradeJobId).not.toBeNull();
    await sfn.jobs.start(upgradeJobId!);
    await first.idle();
    expect((await store.getJob(upgradeJobId!))?.state).toBe('running');
    expect(await store.upgradedVersion()).toBe(0);

    // Deploy 2, a day later, with the table healthy (the alarm said "the next deploy starts it
    // again"): its seed answers the same job, whose execution name is spent.
    clock.set('2026-05-05T03:00:00.000Z');
    const second = new LocalJobRunner({ store, clock: clock.now });
    sfn.runOn(second);
    const next = await seedBaseline(store, clock.now());
    if (next.upgradeJobId) await sfn.jobs.start(next.upgradeJobId);
    await second.idle();

    // The cases are upgraded and the marker written; today the job stays `running` for good,
    // and every later deploy starts it again, which runs nothing.
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);
  }, 60_000);
});

describe('a newer release’s upgrade job run by this release’s task code (a deploy rolled back)', () => {
  it('does not record the newer version as done', async () => {
    // The newer release's seed recorded and started its upgrade (version + 1); the deploy then
    // rolled back, and the running execution's tasks run this release's code, which knows only
    // the steps up to UPGRADE_VERSION.
    const clock = manualClock('2026-05-04T03:00:00.000Z');
    const store = await olderTable(clock);
    const newer = { kind: 'upgrade' as const, version: UPGRADE_VERSION + 1 };
    const job = newJob(
      '01KB0000000000000000000001',
      newer,
      { source: 'seed', version: newer.version },
      SEED_PRINCIPAL,
      clock.now(),
    );
    await store.createJob(job);
    await runRearmJob({ store, clock: clock.now }, job.id);
    expect((await store.getJob(job.id))?.state).toBe('completed');
    // Today the marker says version + 1: the newer release, deployed again, starts no upgrade
    // and its step is never done.
    expect(await store.upgradedVersion()).toBeLessThanOrEqual(UPGRADE_VERSION);
  }, 60_000);
});

describe('the Distributed Map’s result (what its children answered, gathered)', () => {
  it('stays within 256 KiB for the upgrade of two years of complaints (600,000 cases)', async () => {
    const clock = manualClock('2026-05-04T03:00:00.000Z');
    const store: DynamoStore = await olderTable(clock);
    const { upgradeJobId } = await seedBaseline(store, clock.now());
    const deps = { store, clock: clock.now };
    while (!(await listJobPage(deps, upgradeJobId!)).listed);

    // One child execution as Step Functions runs it: the ItemProcessor's states, on the local
    // interpreter, with the task Lambda's handler. Its output is what the Map gathers.
    const processor = rearmJobDefinition.States[REARM_STATE.rearm].ItemProcessor;
    const child = localStateMachine(
      { StartAt: processor.StartAt, States: processor.States },
      { RearmJobFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:rearm' },
    );
    const output = (await child.run(
      { jobId: upgradeJobId!, chunk: 0 },
      {
        overrides: {
          taskResourceLocalHandlers: {
            [REARM_STATE.rearmChunk]: (input: unknown) => rearmTask(deps, input) as never,
          },
        },
      },
    ).result) as Record<string, unknown>;
    // The chunk ran (its two cases counted on the job), whatever the child answers.
    expect(await store.getJobChunk(upgradeJobId!, 0)).toBeUndefined();
    expect((await store.getJob(upgradeJobId!))?.done).toBe(2);

    // 600,000 cases in chunks of CHUNK_SIZE: the JSON array the Map state returns (COMPACT,
    // no ResultWriter), each child's answer with its own chunk index when it carries one.
    const chunks = 600_000 / CHUNK_SIZE;
    let bytes = 2 + (chunks - 1);
    for (let chunk = 0; chunk < chunks; chunk += 1)
      bytes += Buffer.byteLength(JSON.stringify('chunk' in output ? { ...output, chunk } : output));
    // Past it, the Map fails with States.DataLimitExceeded, which its Catch (States.ALL) does
    // not catch: no FinishFailed, the job `running` for good, the marker never written.
    expect(bytes).toBeLessThanOrEqual(256 * 1024);
    // With room to spare: a quarter of it (the chunk indexes in the Map's input, about 6 bytes
    // each, are the nearer ceiling: README "Limits").
    expect(bytes).toBeLessThanOrEqual(64 * 1024);

    await finishJob(deps, upgradeJobId!);
  }, 60_000);
});
