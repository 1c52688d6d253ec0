export { correlated, type EngineDeps } from './deps.ts';
export { ladderDefinition, MAX_PASSES_PER_EXECUTION, STATE, substitute } from './definition.ts';
export { CorrelationId, tick, TickInput, type TickResult } from './tick.ts';
export {
  continueLadder,
  type ExecutionState,
  executionName,
  type LadderExecutions,
  SfnLadderStarter,
  type SfnLadderStarterProps,
} from './aws.ts';
export {
  type BusinessMetrics,
  countingCommits,
  METRIC,
  type MetricName,
  noMetrics,
  powertoolsMetrics,
  RUNG_DIMENSION,
} from './metrics.ts';
export {
  LADDER_GRACE_MS,
  OUTBOX_GRACE_MS,
  sweep,
  sweepDueAt,
  type SweepDeps,
  type SweepOptions,
  type SweepResult,
} from './sweep.ts';
export {
  JOB_INCOMPLETE,
  REARM_MAX_CONCURRENCY,
  REARM_STATE,
  REARM_TASK_TIMEOUT_S,
  rearmJobDefinition,
} from './rearm-definition.ts';
export {
  type FinishResult,
  RearmTaskInput,
  rearmTask,
  type RearmTaskDeps,
  type RearmTaskResult,
} from './rearm-tasks.ts';
export { SfnJobRunner, type SfnJobRunnerProps } from './rearm-aws.ts';
export {
  type IgnoredReason,
  LETTER_TAGS,
  onSesEvent,
  SES_EVENT_SOURCE,
  SES_UNDELIVERED,
  type SesEventDeps,
  type SesEventLogger,
  type SesEventResult,
} from './ses-events.ts';
