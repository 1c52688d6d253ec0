export { ladderDefinition, MAX_PASSES_PER_EXECUTION, STATE, substitute } from './definition.ts';
export {
  deliver,
  deliverOutbox,
  type EngineDeps,
  tick,
  TickInput,
  type TickResult,
} from './tick.ts';
export {
  continueLadder,
  executionName,
  SesMailer,
  type SesMailerProps,
  SfnLadderStarter,
  type SfnLadderStarterProps,
} from './aws.ts';
export { sweep, type SweepResult } from './sweep.ts';
export { REARM_MAX_CONCURRENCY, REARM_STATE, rearmJobDefinition } from './rearm-definition.ts';
export {
  RearmTaskInput,
  rearmTask,
  type RearmTaskDeps,
  type RearmTaskResult,
} from './rearm-tasks.ts';
export { SfnJobRunner, type SfnJobRunnerProps } from './rearm-aws.ts';
