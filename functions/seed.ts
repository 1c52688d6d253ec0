import type { CdkCustomResourceEvent, CdkCustomResourceResponse } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoStore, seedBaseline } from '@pantau/store';
import { SfnJobRunner } from '@pantau/workflow';
import { readSeedConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';

const config = readSeedConfig();

const store = new DynamoStore({
  client: new DynamoDBClient(sdkOptions),
  tableName: config.TABLE_NAME,
});
// The API's runner: one execution of the re-arm state machine per job.
const jobs = new SfnJobRunner({
  client: new SFNClient(sdkOptions),
  stateMachineArn: config.REARM_STATE_MACHINE_ARN,
});

/**
 * onEvent handler of the seed custom resource (custom-resources `Provider`). Create and Update
 * write the baseline records (so seedBaseline must be idempotent: it runs again whenever the seed
 * code changes) and start the re-arming job of a holiday year they added, as the API starts an
 * admin's calendar edit's, and the upgrade job when the table's data is older than this
 * release's (`seedUpgrade`); Delete does nothing, because the table and its records are retained.
 * A start that fails fails the deploy, and the next deploy's seed starts the job it left.
 */
export const handler = async (
  event: CdkCustomResourceEvent,
): Promise<CdkCustomResourceResponse> => {
  if (event.RequestType !== 'Delete') {
    const { rearmJobId, upgradeJobId } = await seedBaseline(store, new Date());
    if (rearmJobId) await jobs.start(rearmJobId);
    // The data older releases stored, brought up to date (once: the job's last task records
    // the version it brought, and the next seed starts none).
    if (upgradeJobId) await jobs.start(upgradeJobId);
  }
  // A stable id: a new one on Update would make CloudFormation send a Delete for the old one.
  const physicalResourceId =
    event.RequestType === 'Create' ? `pantau-seed-${config.TABLE_NAME}` : event.PhysicalResourceId;
  return { PhysicalResourceId: physicalResourceId };
};
