import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoStore } from '@pantau/store';
import { SesMailer, SfnLadderStarter, sweep } from '@pantau/workflow';
import { readLadderSweepConfig } from './config.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readLadderSweepConfig();

const store = new DynamoStore({ client: new DynamoDBClient({}), tableName: config.TABLE_NAME });
const ladders = new SfnLadderStarter({
  client: new SFNClient({}),
  stateMachineArn: config.STATE_MACHINE_ARN,
});
const mailer = new SesMailer({
  client: new SESv2Client({}),
  fromAddress: config.MAIL_FROM,
  ...(config.SES_CONFIGURATION_SET ? { configurationSetName: config.SES_CONFIGURATION_SET } : {}),
});

const logger = new Logger({ serviceName: 'pantau-ladder' });

/** Scheduled: re-arms ladders whose timer is long past and sends letters left in the outbox. */
export const handler = async () => {
  const result = await sweep({ store, clock: () => new Date(), mailer, ladders });
  logger.info('ladder sweep', { ...result });
  return result;
};
