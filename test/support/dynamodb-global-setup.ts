/**
 * One DynamoDB Local JVM (in memory) for the whole integration tier; each test file makes its
 * own table (see dynamodb.ts), so files stay independent.
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
