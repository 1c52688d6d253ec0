/**
 * The escalation state machine (Amazon States Language, JSONPath), one execution per
 * assignment ladder. It is only a timer: `Tick` re-reads the assignment from the table, takes
 * every ladder step that has come (each exactly once) and says when to wake next; `Sleep`
 * waits until then. Starting over from `StartAt` is therefore a resume, which is how the
 * embedded engine runs it (park at `Sleep`, run again when its clock passes the instant).
 *
 * CDK deploys this object with `definitionSubstitutions` for the `${…}` ARNs; the embedded
 * engine substitutes them itself (the local interpreter does not) and overrides the tasks by
 * state name with the same handlers the Lambdas wrap.
 */
export const STATE = {
  tick: 'Tick',
  decide: 'Decide',
  sleep: 'Sleep',
  continueAsNew: 'ContinueAsNew',
  done: 'Done',
  failed: 'Failed',
} as const;

/** Passes after which an execution hands over to a fresh one (25,000-event history limit). */
export const MAX_PASSES_PER_EXECUTION = 400;

export const ladderDefinition = {
  Comment: 'Pantau: one assignment’s escalation ladder. The table is the truth; this is its timer.',
  StartAt: STATE.tick,
  States: {
    [STATE.tick]: {
      Type: 'Task',
      Comment:
        'Re-read the assignment, take every ladder step that has come (exactly once), plan the next.',
      Resource: '${TickFunctionArn}',
      ResultPath: '$.tick',
      Retry: [
        {
          ErrorEquals: ['States.ALL'],
          IntervalSeconds: 2,
          MaxAttempts: 6,
          BackoffRate: 2,
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: STATE.failed }],
      Next: STATE.decide,
    },
    [STATE.decide]: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.tick.done', BooleanEquals: true, Next: STATE.done },
        { Variable: '$.tick.continueAsNew', BooleanEquals: true, Next: STATE.continueAsNew },
      ],
      Default: STATE.sleep,
    },
    [STATE.sleep]: {
      Type: 'Wait',
      TimestampPath: '$.tick.wakeAt',
      Next: STATE.tick,
    },
    [STATE.continueAsNew]: {
      Type: 'Task',
      Comment: 'Hand the ladder to a fresh execution before the history grows too long.',
      Resource: '${ContinueFunctionArn}',
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }],
      End: true,
    },
    [STATE.done]: { Type: 'Succeed' },
    [STATE.failed]: {
      Type: 'Fail',
      Error: 'LadderTickFailed',
      Cause: 'the tick kept failing after its retries',
    },
  },
} as const;

/** The definition with its `${…}` placeholders replaced (what the local interpreter needs). */
export function substitute(definition: unknown, values: Record<string, string>): unknown {
  return JSON.parse(
    JSON.stringify(definition).replace(
      /\$\{(\w+)\}/g,
      (whole, name: string) => values[name] ?? whole,
    ),
  );
}
