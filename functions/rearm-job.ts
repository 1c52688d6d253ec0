import { SFNClient } from '@aws-sdk/client-sfn';
import { rearmTask, SfnLadderStarter } from '@pantau/workflow';
import { readRearmJobConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';
import { readSecrets } from './secrets.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readRearmJobConfig();
const tools = powertools(config);
const { logger, tracer } = tools;

// The upgrade job (a deploy's) writes cases' search index: under the API's key.
const { searchKey } = await readSecrets(tracer, { searchKey: config.SEARCH_KEY_SECRET_ARN });

const store = tracedStore(tracer, { tableName: config.TABLE_NAME, searchKey });
// The ladders it re-arms carry the job's id as their correlation id.
const ladders = new SfnLadderStarter({
  client: tracer.captureAWSv3Client(new SFNClient(sdkOptions)),
  stateMachineArn: config.STATE_MACHINE_ARN,
  correlationId: () => logger.getCorrelationId() as string | undefined,
});

/**
 * The re-arm state machine's tasks (the upgrade job's too) (`ListPage`, `RearmChunk` in each child execution of the
 * Distributed Map, `Finish`): `task` in the event says which; `rearmTask` parses it with zod.
 * A throw is retried by the state machine. A job that completed with items it could not do is
 * logged at ERROR by `Finish`, and its execution fails (`JobIncomplete`).
 */
export const handler = observed(
  (event: unknown) => rearmTask({ store, clock: () => new Date(), ladders, logger }, event),
  tools,
  { correlationIdPath: 'jobId' },
);
