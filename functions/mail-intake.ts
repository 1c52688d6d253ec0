import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { Service } from '@pantau/core';
import { S3BlobStore } from '@pantau/documents/blob-s3';
import { inspectUpload } from '@pantau/documents/sniff';
import { intakeInbox } from '@pantau/intake/inbox';
// The metrics module alone: the package's index would bundle the PDF renderer's chunk too.
import { METRIC, powertoolsMetrics } from '@pantau/workflow/metrics';
// The letters' SES mailer alone (its PDF renderer is a chunk loaded by a letter, never here).
import { SesMailer } from '@pantau/workflow/ses-mailer';
import { readMailIntakeConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';
import { readSecrets } from './secrets.ts';

const config = readMailIntakeConfig();
const tools = powertools(config);
const { logger, tracer } = tools;
const metrics = powertoolsMetrics(tools.metrics);
const s3 = tracer.captureAWSv3Client(new S3Client(sdkOptions));
const { searchKey } = await readSecrets(tracer, { searchKey: config.SEARCH_KEY_SECRET_ARN });
const service = new Service({
  store: tracedStore(tracer, {
    tableName: config.TABLE_NAME,
    // A new case is indexed for search in its own transaction.
    searchKey,
  }),
  clock: () => new Date(),
  // The message's files and its .eml become the case's attachments (the API's bucket).
  blobs: new S3BlobStore(s3, config.ATTACHMENTS_BUCKET),
  inspect: inspectUpload,
  // A citizen's message forwarded from these domains is the citizen's complaint.
  staffMailDomains: config.MAIL_STAFF_DOMAINS,
  // A new case's complainant gets their receipt by e-mail, from the letters' address.
  ...(config.MAIL_FROM && config.TRACKING_URL
    ? {
        receipts: {
          mailer: new SesMailer({
            client: tracer.captureAWSv3Client(new SESv2Client(sdkOptions)),
            fromAddress: config.MAIL_FROM,
            ...(config.SES_CONFIGURATION_SET
              ? { configurationSetName: config.SES_CONFIGURATION_SET }
              : {}),
          }),
          trackingUrl: config.TRACKING_URL,
          ...(config.MAIL_REPLY_TO ? { replyTo: config.MAIL_REPLY_TO } : {}),
        },
      }
    : {}),
});

/**
 * SES's receipt rule stored a message in the inbox bucket: parse it into a case, dated when S3
 * stored it (the event's `eventTime`). A redelivery (same Message-ID, or S3 calling twice)
 * answers the first case; a message that cannot be one (no sender, SES's scan, an auto-reply)
 * is logged, counted (`MailRefused`) and dropped, never retried. The `.eml` is copied
 * onto the case (central-only) with its files; the inbox object expires with the bucket's
 * lifecycle.
 */
export const handler = observed(async (event: unknown): Promise<void> => {
  await intakeInbox(event, {
    service,
    read: async (key) => {
      const object = await s3.send(new GetObjectCommand({ Bucket: config.INBOX_BUCKET, Key: key }));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
    // The case and the object, never the sender: identity stays out of the logs. A receipt
    // that could not go (by the error's name: SES's message may name the address) waits for
    // the sweep (functions/ladder-sweep.ts); the case is written, so the message does not fail
    // for it.
    received: (outcome, key) =>
      outcome.receipt === 'pending'
        ? logger.warn('e-mail received; its receipt not sent', { ...outcome, key })
        : logger.info('e-mail received', { ...outcome, key }),
    refused: (key, reason) => {
      metrics.count(METRIC.mailRefused, 1);
      logger.warn('e-mail refused', { key, reason });
    },
  });
}, tools);
