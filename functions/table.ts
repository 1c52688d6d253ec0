import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoStore, type DynamoStoreOptions } from '@pantau/store';
import { sdkOptions } from './aws-clients.ts';

/**
 * The table, through a client the tracer records (each call a subsegment of the invocation's
 * trace) with the functions' time limits (`sdkOptions`): built once per execution environment.
 */
export const tracedStore = (
  tracer: Tracer,
  options: Omit<DynamoStoreOptions, 'client'>,
): DynamoStore =>
  new DynamoStore({
    client: tracer.captureAWSv3Client(new DynamoDBClient(sdkOptions)),
    ...options,
  });
