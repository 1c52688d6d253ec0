import { SFNClient } from '@aws-sdk/client-sfn';
import { continueLadder, SfnLadderStarter } from '@pantau/workflow';
import { readLadderContinueConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';
import { observed, powertools } from './observability.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readLadderContinueConfig();
const tools = powertools(config);

const starter = new SfnLadderStarter({
  client: tools.tracer.captureAWSv3Client(new SFNClient(sdkOptions)),
  stateMachineArn: config.STATE_MACHINE_ARN,
});

/**
 * The ladder state machine's `ContinueAsNew` task: starts the next segment of the same ladder
 * (a deterministic name, so a retry starts nothing twice), under the same correlation id; this
 * execution then ends.
 */
export const handler = observed(
  async (event: unknown) => {
    const next = await continueLadder(starter, event);
    tools.logger.info('ladder continued as a new segment', { ...next });
    return next;
  },
  tools,
  { correlationIdPath: 'correlationId' },
);
