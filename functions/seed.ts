import type { CdkCustomResourceEvent, CdkCustomResourceResponse } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoStore, seedBaseline } from '@pantau/store';
import { readTableConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';

const config = readTableConfig();

const store = new DynamoStore({
  client: new DynamoDBClient(sdkOptions),
  tableName: config.TABLE_NAME,
});

/**
 * onEvent handler of the seed custom resource (custom-resources `Provider`). Create and Update
 * write the baseline records (so seedBaseline must be idempotent: it runs again whenever the seed
 * code changes); Delete does nothing, because the table and its records are retained.
 */
export const handler = async (
  event: CdkCustomResourceEvent,
): Promise<CdkCustomResourceResponse> => {
  if (event.RequestType !== 'Delete') {
    await seedBaseline(store, new Date());
  }
  // A stable id: a new one on Update would make CloudFormation send a Delete for the old one.
  const physicalResourceId =
    event.RequestType === 'Create' ? `pantau-seed-${config.TABLE_NAME}` : event.PhysicalResourceId;
  return { PhysicalResourceId: physicalResourceId };
};
