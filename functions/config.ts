import { z } from 'zod';

// The only module that reads process.env. Each entry point calls its parser once at module
// scope, so a misconfigured deploy fails at cold start instead of on some later request.

/** Powertools Logger levels; infra/app.ts checks the deploy-time value against the same list. */
export const LOG_LEVELS = [
  'TRACE',
  'DEBUG',
  'INFO',
  'WARN',
  'ERROR',
  'CRITICAL',
  'SILENT',
] as const;

const tableEnv = z.object({
  TABLE_NAME: z.string().min(1),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
});

/** The escalation ladder state machine, for functions that start executions of it. */
const stateMachineArn = z.string().regex(/^arn:aws[a-z-]*:states:[^:]+:\d{12}:stateMachine:.+$/);

const apiEnv = tableEnv.extend({
  JWT_ISSUER: z.url(),
  JWT_AUDIENCE: z.string().min(1),
  JWKS_URL: z.url(),
  STATE_MACHINE_ARN: stateMachineArn,
});

const ladderTickEnv = tableEnv.extend({
  MAIL_FROM: z.email(),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
});

const ladderContinueEnv = z.object({
  STATE_MACHINE_ARN: stateMachineArn,
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
});

const ladderSweepEnv = ladderTickEnv.extend({ STATE_MACHINE_ARN: stateMachineArn });

export type TableConfig = z.infer<typeof tableEnv>;
export type LadderSweepConfig = z.infer<typeof ladderSweepEnv>;
export type ApiConfig = z.infer<typeof apiEnv>;
export type LadderTickConfig = z.infer<typeof ladderTickEnv>;
export type LadderContinueConfig = z.infer<typeof ladderContinueEnv>;

const parse = <T extends z.ZodType>(schema: T): z.infer<T> => {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
};

/** The API function's environment: the table and the token issuer it trusts. */
export const readApiConfig = (): ApiConfig => parse(apiEnv);

/** The environment of functions that only need the table (the seed). */
export const readTableConfig = (): TableConfig => parse(tableEnv);

/** The ladder's `Tick` task: the table, and who the letters come from. */
export const readLadderTickConfig = (): LadderTickConfig => parse(ladderTickEnv);

/** The ladder's `ContinueAsNew` task: the state machine it starts the next segment on. */
export const readLadderContinueConfig = (): LadderContinueConfig => parse(ladderContinueEnv);

/** The scheduled sweep: the table, the state machine it re-arms ladders on, the mail sender. */
export const readLadderSweepConfig = (): LadderSweepConfig => parse(ladderSweepEnv);
