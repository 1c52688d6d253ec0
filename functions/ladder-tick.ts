import { SESv2Client } from '@aws-sdk/client-sesv2';
import { powertoolsMetrics, SesMailer, tick } from '@pantau/workflow';
import { readLadderTickConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readLadderTickConfig();
const tools = powertools(config);
const { logger, metrics, tracer } = tools;

const store = tracedStore(tracer, { tableName: config.TABLE_NAME });

const mailer = new SesMailer({
  client: tracer.captureAWSv3Client(new SESv2Client(sdkOptions)),
  fromAddress: config.MAIL_FROM,
  ...(config.SES_CONFIGURATION_SET ? { configurationSetName: config.SES_CONFIGURATION_SET } : {}),
  // Where an agency's answer to a letter goes; a receipt keeps its own (`MAIL_REPLY_TO`).
  ...(config.LETTERS_REPLY_TO ? { replyTo: config.LETTERS_REPLY_TO } : {}),
});

const deps = {
  store,
  clock: () => new Date(),
  mailer,
  logger,
  metrics: powertoolsMetrics(metrics),
  // The letters link to their case in the console.
  ...(config.CONSOLE_URL ? { consoleUrl: config.CONSOLE_URL } : {}),
};

/**
 * The ladder state machine's `Tick` task (a plain Lambda ARN Resource, so the event is the state
 * input and the result lands at `$.tick`). `tick` parses the input with zod; a throw is retried
 * by the state machine. The input's `correlationId` (the request that armed the ladder) is on
 * every log line.
 */
export const handler = observed((event: unknown) => tick(deps, event), tools, {
  correlationIdPath: 'correlationId',
});
