/**
 * One DynamoDB Local JVM (in memory) for a whole tier. Integration files each make their own
 * table (see dynamodb.ts); e2e runtimes each use their data dir's credential, so their own
 * database (see runtime.ts). Either way, files stay independent.
 */
import { startDynamoDbLocal } from '@pantau/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await startDynamoDbLocal({ inMemory: true });
  project.provide('dynamoDbEndpoint', db.endpoint);
  return () => db.stop();
}
