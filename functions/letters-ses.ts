import type { Tracer } from '@aws-lambda-powertools/tracer';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '@pantau/workflow/ses-mailer';
import { sdkOptions } from './aws-clients.ts';

/**
 * The ladder's letters through SES, for Tick and the sweep. They import this module with the
 * first letter they send (`onDemandMailer`): most of their runs send nothing (a timer set,
 * letters written at midnight and held for letter hours, a sweep with nothing due), so SES's
 * client is a chunk beside the handler instead of part of every cold start.
 */
export const lettersMailer = (
  tracer: Tracer,
  config: {
    readonly MAIL_FROM: string;
    readonly SES_CONFIGURATION_SET?: string | undefined;
    readonly LETTERS_REPLY_TO?: string | undefined;
  },
): SesMailer =>
  new SesMailer({
    client: tracer.captureAWSv3Client(new SESv2Client(sdkOptions)),
    fromAddress: config.MAIL_FROM,
    ...(config.SES_CONFIGURATION_SET ? { configurationSetName: config.SES_CONFIGURATION_SET } : {}),
    // Where an agency's answer to a letter goes; a receipt keeps its own (`MAIL_REPLY_TO`).
    ...(config.LETTERS_REPLY_TO ? { replyTo: config.LETTERS_REPLY_TO } : {}),
  });
