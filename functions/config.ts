import { LogLevel } from '@aws-lambda-powertools/logger';
import { CommaListSchema, MailDomainsSchema } from '@pantau/core/schemas';
// zod's small build: every function parses its environment at cold start, and the classic
// build would be 170 KB more of each one's init (BENCHMARKS, "Cold start").
import * as z from 'zod/mini';

// The only module that reads process.env. Each entry point calls its parser once at module
// scope, so a misconfigured deploy fails at cold start instead of on some later request.

/**
 * Powertools Logger's own levels, the one list: infra/app.ts checks the deploy-time value
 * against it, and the embedded runtime's configuration parses with it too.
 */
export const LOG_LEVELS = Object.values(LogLevel);

/**
 * The header CloudFront adds to every request it forwards to the API, with the secret the API
 * function reads from Secrets Manager at cold start (`ORIGIN_SECRET_ARN`; infra/web.ts and
 * infra/api.ts use one secret): without it a request is a 403, so the execute-api URL cannot
 * go around the WAF. A custom name CloudFront allows as an origin header.
 */
export const ORIGIN_SECRET_HEADER = 'x-pantau-origin-verify';

const tableEnv = z.object({ TABLE_NAME: z.string().check(z.minLength(1)) });

/**
 * What Powertools needs, set by the stack (infra/observability.ts names the services and the
 * namespace its dashboard and alarms read): parsed here and handed to the Logger, Metrics and
 * Tracer (functions/observability.ts), so none of them reads the environment on its own.
 */
const observedEnv = z.object({
  POWERTOOLS_SERVICE_NAME: z.string().check(z.minLength(1)),
  POWERTOOLS_METRICS_NAMESPACE: z.string().check(z.minLength(1)),
  LOG_LEVEL: z._default(z.enum(LogLevel), 'INFO'),
});

/** A secret in Secrets Manager, read once per cold start (secrets.ts): its ARN, never its value. */
const secretArn = z
  .string()
  .check(z.regex(/^arn:aws[a-z-]*:secretsmanager:[^:]+:\d{12}:secret:.+$/));

/** The escalation ladder state machine, for functions that start executions of it. */
const stateMachineArn = z
  .string()
  .check(z.regex(/^arn:aws[a-z-]*:states:[^:]+:\d{12}:stateMachine:.+$/));

/**
 * SES's recipient conditions as the stack names them, comma-separated, lower-cased: addresses,
 * domains, and parent domains with a leading dot (`pengaduan@setneg.go.id,.lapor.go.id`); empty:
 * none. Read as leniently as infra/app.ts passes them on, so none fails a cold start.
 */
export const MailIntakeRecipients = CommaListSchema;

const apiEnv = z.extend(tableEnv, {
  ...observedEnv.shape,
  JWT_ISSUER: z.url(),
  JWT_AUDIENCE: z.string().check(z.minLength(1)),
  JWKS_URL: z.url(),
  STATE_MACHINE_ARN: stateMachineArn,
  /** The re-arming jobs' state machine (calendar and policy edits start it). */
  REARM_STATE_MACHINE_ARN: stateMachineArn,
  // The value CloudFront sends in ORIGIN_SECRET_HEADER (the proof-of-work key derives from it).
  ORIGIN_SECRET_ARN: secretArn,
  // Issue 15: attachments' bucket, and the tracking page the receipt's QR code points to.
  ATTACHMENTS_BUCKET: z.string().check(z.minLength(3)),
  TRACKING_URL: z.optional(z.url()),
  /**
   * The console's address (the stack's distribution): the invitation letters planning an
   * activity writes link to their case there. Unset: they say "melalui Pantau" alone.
   */
  CONSOLE_URL: z.optional(z.url()),
  // The search index's HMAC key.
  SEARCH_KEY_SECRET_ARN: secretArn,
  /**
   * The addresses complaints arrive at by e-mail (`-c mailIntakeRecipients`, set with the mail
   * intake by infra/pantau-stack.ts): the document settings refuse one as the unit's e-mail,
   * the letters' Reply-To. Unset (no mail intake): none.
   */
  MAIL_INTAKE_RECIPIENTS: MailIntakeRecipients,
});

/**
 * The letters' `Reply-To` as the Tick and the sweep parse it (`LETTERS_REPLY_TO`): the app
 * checks `-c lettersReplyTo` with it before building a stack, so no deploy ships a value every
 * letter-sending cold start would refuse.
 */
export const LettersReplyTo = z.email();

const ladderTickEnv = z.extend(tableEnv, {
  ...observedEnv.shape,
  MAIL_FROM: z.email(),
  SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  /**
   * The letters' `Reply-To` (`-c lettersReplyTo`, infra/notify.ts): the mailbox the unit reads,
   * where an agency's answer by e-mail goes. Unset: none (`MAIL_FROM` may receive nothing).
   */
  LETTERS_REPLY_TO: z.optional(LettersReplyTo),
  /**
   * The console's address (the stack's distribution, infra/escalation.ts): the letters the Tick
   * writes link to their case there, `<this>/cases/<caseId>`. Unset (a stack from before it):
   * they say "melalui Pantau" alone.
   */
  CONSOLE_URL: z.optional(z.url()),
});

const ladderContinueEnv = z.extend(observedEnv, { STATE_MACHINE_ARN: stateMachineArn });

const ladderSweepEnv = z.extend(ladderTickEnv, {
  STATE_MACHINE_ARN: stateMachineArn,
  /**
   * E-mail receipts whose send failed at intake are sent by the sweep, as the mail intake sends
   * them (`mailIntakeEnv`): naming the tracking page, with the same Reply-To. Set with the mail
   * intake (infra/pantau-stack.ts); without `TRACKING_URL` the sweep sends no receipt.
   */
  TRACKING_URL: z.optional(z.url()),
  MAIL_REPLY_TO: z.optional(z.email()),
});

/** The seed: the table, and the re-arming jobs' state machine (a holiday year it adds). */
const seedEnv = z.extend(tableEnv, { REARM_STATE_MACHINE_ARN: stateMachineArn });

/**
 * The re-arming job's tasks: the table, the ladders they re-arm, and the search index's HMAC key
 * (the upgrade job writes each case's index).
 */
const rearmJobEnv = z.extend(tableEnv, {
  ...observedEnv.shape,
  STATE_MACHINE_ARN: stateMachineArn,
  SEARCH_KEY_SECRET_ARN: secretArn,
});
/**
 * Mail domains, comma-separated (`setneg.go.id,kemensetneg.go.id`), lower-cased; empty: none.
 * The app checks `-c mailStaffDomains` with it before building a stack (infra/app.ts).
 */
export const MailDomains = MailDomainsSchema;

/** The e-mail channel: the table, and the bucket SES's receipt rule stores messages in. */
const mailIntakeEnv = z.extend(tableEnv, {
  ...observedEnv.shape,
  INBOX_BUCKET: z.string().check(z.minLength(3)),
  ATTACHMENTS_BUCKET: z.string().check(z.minLength(3)),
  SEARCH_KEY_SECRET_ARN: secretArn,
  /**
   * Central's staff mail domains (`-c mailStaffDomains`): a citizen's message forwarded from
   * one of them is the citizen's complaint (README, "E-mail"). Unset: none.
   */
  MAIL_STAFF_DOMAINS: MailDomains,
  /**
   * A new case's complainant gets their receipt by e-mail (README, "E-mail"), from the letters'
   * address through their configuration set (infra/notify.ts sets both), naming the tracking
   * page (`TRACKING_URL`, the console's `/track`). Without `MAIL_FROM` or `TRACKING_URL`: none.
   */
  MAIL_FROM: z.optional(z.email()),
  SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  TRACKING_URL: z.optional(z.url()),
  /** Where a reply to the receipt goes: the first complaint address SES receives for. */
  MAIL_REPLY_TO: z.optional(z.email()),
});

/** GuardDuty's scan results: the table, and the attachments' bucket its events must name. */
const scanResultEnv = z.extend(tableEnv, {
  ...observedEnv.shape,
  ATTACHMENTS_BUCKET: z.string().check(z.minLength(3)),
});

/** SES's events about the letters (bounces, rejects): the table, and nothing else. */
const sesEventsEnv = z.extend(tableEnv, { ...observedEnv.shape });

export type SeedConfig = z.infer<typeof seedEnv>;
export type ObservedConfig = z.infer<typeof observedEnv>;
export type MailIntakeConfig = z.infer<typeof mailIntakeEnv>;
export type LadderSweepConfig = z.infer<typeof ladderSweepEnv>;
export type ApiConfig = z.infer<typeof apiEnv>;
export type LadderTickConfig = z.infer<typeof ladderTickEnv>;
export type LadderContinueConfig = z.infer<typeof ladderContinueEnv>;
export type RearmJobConfig = z.infer<typeof rearmJobEnv>;
export type ScanResultConfig = z.infer<typeof scanResultEnv>;
export type SesEventsConfig = z.infer<typeof sesEventsEnv>;

const parse = <T extends z.ZodMiniType>(schema: T): z.infer<T> => {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
};

/** The API function's environment: the table, the token issuer it trusts, the secrets' ARNs. */
export const readApiConfig = (): ApiConfig => parse(apiEnv);

/** The seed: the table, and where it starts the re-arming job of a holiday year it adds. */
export const readSeedConfig = (): SeedConfig => parse(seedEnv);

/** The ladder's `Tick` task: the table, and who the letters come from. */
export const readLadderTickConfig = (): LadderTickConfig => parse(ladderTickEnv);

/** The ladder's `ContinueAsNew` task: the state machine it starts the next segment on. */
export const readLadderContinueConfig = (): LadderContinueConfig => parse(ladderContinueEnv);

/**
 * The scheduled sweep: the table, the state machine it re-arms ladders on, the mail sender, and
 * the receipts' tracking page and Reply-To when the mail intake is deployed.
 */
export const readLadderSweepConfig = (): LadderSweepConfig => parse(ladderSweepEnv);

/** The re-arming job's task Lambda (list a page, re-arm a chunk, finish). */
export const readRearmJobConfig = (): RearmJobConfig => parse(rearmJobEnv);
/** The SES mail intake: the table, and the bucket the receipt rule stores messages in. */
export const readMailIntakeConfig = (): MailIntakeConfig => parse(mailIntakeEnv);
/** GuardDuty's scan results: the table, and the attachments' bucket. */
export const readScanResultConfig = (): ScanResultConfig => parse(scanResultEnv);
/** SES's events about the letters: the table. */
export const readSesEventsConfig = (): SesEventsConfig => parse(sesEventsEnv);
