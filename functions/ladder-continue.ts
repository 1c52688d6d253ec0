import { SFNClient } from '@aws-sdk/client-sfn';
import { continueLadder, SfnLadderStarter } from '@pantau/workflow';
import { readLadderContinueConfig } from './config.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readLadderContinueConfig();

const starter = new SfnLadderStarter({
  client: new SFNClient({}),
  stateMachineArn: config.STATE_MACHINE_ARN,
});

/**
 * The ladder state machine's `ContinueAsNew` task: starts the next segment of the same ladder
 * (a deterministic name, so a retry starts nothing twice); this execution then ends.
 */
export const handler = (event: unknown) => continueLadder(starter, event);
