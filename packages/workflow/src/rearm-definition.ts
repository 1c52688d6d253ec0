/**
 * The re-arming job's state machine (Amazon States Language, JSONPath), one execution per job
 * (a calendar or policy edit, or an agency's time zone corrected; a unit's give-backs and the
 * deploy's upgrade of every case run on it too). `ListPage` snapshots the open assignments in
 * the job's scope (the upgrade's: every case) into chunks, a few dozen worklist pages per call,
 * until the listing is complete; `Rearm` is
 * a Distributed Map over the chunks, one child execution per chunk (a batch of about 100
 * assignments) calling `RearmChunk`; `Finish` settles the job's state, and a job that completed
 * with items it could not do fails its execution (`JobIncomplete`). All three are one
 * Lambda, told which task by `task`. Every task is resumable from the table, so starting the
 * definition over for the same job is a resume, and a retried batch counts once.
 *
 * CDK deploys this object with `definitionSubstitutions` for `${RearmJobFunctionArn}`; the
 * embedded runner substitutes it itself and overrides the tasks by state name with the same
 * handler (the local interpreter runs the Map inline, ignoring `ProcessorConfig`).
 */
export const REARM_STATE = {
  listPage: 'ListPage',
  listed: 'Listed',
  rearm: 'Rearm',
  rearmChunk: 'RearmChunk',
  finish: 'Finish',
  finished: 'Finished',
  done: 'Done',
  incomplete: 'Incomplete',
  finishFailed: 'FinishFailed',
  failed: 'Failed',
} as const;

/** The error of an execution whose job completed with items it could not do. */
export const JOB_INCOMPLETE = 'JobIncomplete';

/** Chunks re-armed at once: bounds the load on the table and on StartExecution (ladders). */
export const REARM_MAX_CONCURRENCY = 8;

const retry = [
  // Throttling (the table, StartExecution) and Lambda's own hiccups: back off and go again.
  { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 },
];

/**
 * The task Lambda's timeout (infra/rearm-jobs.ts): a chunk takes a few seconds (about 100
 * assignments in 4 lanes, ~25 one after another at ~0.1-0.3 s each; an upgrade chunk of 100
 * cases, measured on DynamoDB Local on two loaded cores: 2.6 s), the rest is room for the SDK's
 * own retries under throttling (3 attempts, about 16 s at worst per call: aws-clients.ts).
 */
export const REARM_TASK_TIMEOUT_S = 60;

/**
 * A chunk runs in an Express child execution, which ends at 5 minutes whatever its state:
 * its attempts and the waits between them must all fit. Every attempt running to the timeout,
 * 4 × 60 s, plus the waits, 4 + 8 + 16 s, is 268 s: 32 s left for starting the child and each
 * invoke. (Before, a 5-minute task and the other tasks' `retry`, 7 attempts and 126 s of
 * waits: an attempt that ran long took the child with it, and no retry ever came.) A throttled
 * table that outlasts these fails the chunk, the Map and the job, which the admin carries on.
 */
const chunkRetry = [
  { ErrorEquals: ['States.ALL'], IntervalSeconds: 4, MaxAttempts: 3, BackoffRate: 2 },
];

export const rearmJobDefinition = {
  Comment:
    'Pantau: re-arm the open assignments a calendar or policy edit, or an agency zone correction, governs, in batches. ' +
    'The table holds the job: its listing position, its chunks, its counters.',
  StartAt: REARM_STATE.listPage,
  States: {
    [REARM_STATE.listPage]: {
      Type: 'Task',
      Comment: 'List the next worklist pages into chunks; listed: true with every chunk index.',
      Resource: '${RearmJobFunctionArn}',
      Parameters: { task: 'list', 'jobId.$': '$.jobId' },
      ResultPath: '$.list',
      Retry: retry,
      Catch: [
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: REARM_STATE.finishFailed },
      ],
      Next: REARM_STATE.listed,
    },
    [REARM_STATE.listed]: {
      Type: 'Choice',
      Choices: [{ Variable: '$.list.listed', BooleanEquals: true, Next: REARM_STATE.rearm }],
      Default: REARM_STATE.listPage,
    },
    [REARM_STATE.rearm]: {
      Type: 'Map',
      Comment: 'One child execution per chunk (a batch of about 100 assignments).',
      ItemsPath: '$.list.chunks',
      ItemSelector: { 'jobId.$': '$.jobId', 'chunk.$': '$$.Map.Item.Value' },
      MaxConcurrency: REARM_MAX_CONCURRENCY,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: REARM_STATE.rearmChunk,
        States: {
          [REARM_STATE.rearmChunk]: {
            Type: 'Task',
            Comment: 'Re-arm one chunk; delete it and count it, at once.',
            Resource: '${RearmJobFunctionArn}',
            Parameters: { task: 'chunk', 'jobId.$': '$.jobId', 'chunk.$': '$.chunk' },
            // The child answers `{}`: the Map gathers every child's output into its result
            // (no ResultWriter), which must fit 256 KiB whatever its ResultPath, and past it
            // fails with States.DataLimitExceeded, which States.ALL does not catch (the job
            // `running` for good). The task's own answer (~68 bytes) reached that at ~3,900
            // chunks (390,000 cases); `{}` and its comma, 3 bytes, at ~87,000. The chunk
            // indexes listed into the state's input (`$.list.chunks`, ~6 bytes each) are
            // the lower ceiling now: ~40,000 chunks, 4 million cases or open assignments.
            OutputPath: null,
            Retry: chunkRetry,
            End: true,
          },
        },
      },
      // The chunks' results are in the job's counters; the execution carries none of them.
      ResultPath: null,
      Catch: [
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: REARM_STATE.finishFailed },
      ],
      Next: REARM_STATE.finish,
    },
    [REARM_STATE.finish]: {
      Type: 'Task',
      Resource: '${RearmJobFunctionArn}',
      Parameters: { task: 'finish', 'jobId.$': '$.jobId' },
      ResultPath: '$.finish',
      Retry: retry,
      // Its last work (the cases' own deadlines) failing after its retries left the job
      // `running` for ever, polled by the console, and not to be carried on: it says it stopped.
      Catch: [
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: REARM_STATE.finishFailed },
      ],
      Next: REARM_STATE.finished,
    },
    [REARM_STATE.finished]: {
      Type: 'Choice',
      Comment: 'Completed with items it could not do (`incomplete`, the task logged it): fail.',
      Choices: [{ Variable: '$.finish.incomplete', IsPresent: true, Next: REARM_STATE.incomplete }],
      Default: REARM_STATE.done,
    },
    [REARM_STATE.done]: { Type: 'Succeed' },
    // Such a job left some assignments on their old deadlines (or cases not upgraded): its
    // execution SUCCEEDED and no alarm fired. Failed, it counts in ExecutionsFailed; the job's
    // record is ended already (`completed`, with `failed`), so it is carried on as before.
    [REARM_STATE.incomplete]: {
      Type: 'Fail',
      Error: JOB_INCOMPLETE,
      CausePath: '$.finish.incomplete',
    },
    [REARM_STATE.finishFailed]: {
      Type: 'Task',
      Comment: 'The job stopped: say so on the job (its counters say how far it got).',
      Resource: '${RearmJobFunctionArn}',
      Parameters: { task: 'finish', 'jobId.$': '$.jobId', 'error.$': '$.error.Error' },
      ResultPath: '$.finish',
      Retry: retry,
      Next: REARM_STATE.failed,
    },
    [REARM_STATE.failed]: {
      Type: 'Fail',
      Error: 'RearmJobFailed',
      Cause: 'a task kept failing after its retries',
    },
  },
} as const;
