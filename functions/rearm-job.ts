import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoStore } from '@pantau/store';
import { rearmTask, SfnLadderStarter } from '@pantau/workflow';
import { readRearmJobConfig } from './config.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readRearmJobConfig();

const store = new DynamoStore({ client: new DynamoDBClient({}), tableName: config.TABLE_NAME });
const ladders = new SfnLadderStarter({
  client: new SFNClient({}),
  stateMachineArn: config.STATE_MACHINE_ARN,
});

/**
 * The re-arm state machine's tasks (`ListPage`, `RearmChunk` in each child execution of the
 * Distributed Map, `Finish`): `task` in the event says which; `rearmTask` parses it with zod.
 * A throw is retried by the state machine.
 */
export const handler = (event: unknown) =>
  rearmTask({ store, clock: () => new Date(), ladders }, event);
