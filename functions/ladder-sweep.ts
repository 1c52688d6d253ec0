import type { Context } from 'aws-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { powertoolsMetrics, SfnLadderStarter, sweep } from '@pantau/workflow';
import { onDemandMailer } from '@pantau/documents/on-demand';
import { readLadderSweepConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readLadderSweepConfig();
const tools = powertools(config);
const { logger, metrics, tracer } = tools;

const store = tracedStore(tracer, { tableName: config.TABLE_NAME });
// Ladders it restarts carry this run's correlation id (the schedule event's id).
const ladders = new SfnLadderStarter({
  client: tracer.captureAWSv3Client(new SFNClient(sdkOptions)),
  stateMachineArn: config.STATE_MACHINE_ARN,
  correlationId: () => logger.getCorrelationId() as string | undefined,
});
// SES's client loads with the first letter or receipt sent (functions/letters-ses.ts).
const mailer = onDemandMailer(async () =>
  (await import('./letters-ses.ts')).lettersMailer(tracer, config),
);

// E-mail receipts whose send failed at intake go as the intake sends them (functions/mail-intake.ts).
const receipts = config.TRACKING_URL
  ? {
      mailer,
      trackingUrl: config.TRACKING_URL,
      ...(config.MAIL_REPLY_TO ? { replyTo: config.MAIL_REPLY_TO } : {}),
    }
  : undefined;

/**
 * Scheduled (EventBridge): restarts ladders past due with no live execution, sends e-mail
 * receipts whose send failed at intake, delivers letters left in the outbox, retries refused
 * ones after their backoff and gives up on them after the last, and publishes the age of the
 * oldest undelivered letter and of the oldest receipt still pending.
 */
export const handler = observed(
  (_event: unknown, context: Context) =>
    sweep(
      {
        store,
        clock: () => new Date(),
        mailer,
        ladders,
        ...(receipts ? { receipts } : {}),
        logger,
        metrics: powertoolsMetrics(metrics),
      },
      // It stops taking work before the function's timeout can kill it mid-send.
      { timeLeft: () => context.getRemainingTimeInMillis() },
    ),
  tools,
  { correlationIdPath: 'id' },
);
