import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoStore } from '@pantau/store';
import { SesMailer, tick } from '@pantau/workflow';
import { readLadderTickConfig } from './config.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readLadderTickConfig();

const store = new DynamoStore({
  client: new DynamoDBClient({}),
  tableName: config.TABLE_NAME,
});

const mailer = new SesMailer({
  client: new SESv2Client({}),
  fromAddress: config.MAIL_FROM,
  ...(config.SES_CONFIGURATION_SET ? { configurationSetName: config.SES_CONFIGURATION_SET } : {}),
});

/**
 * The ladder state machine's `Tick` task (a plain Lambda ARN Resource, so the event is the state
 * input and the result lands at `$.tick`). `tick` parses the input with zod; a throw is retried
 * by the state machine.
 */
export const handler = (event: unknown) => tick({ store, clock: () => new Date(), mailer }, event);
