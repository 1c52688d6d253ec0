/**
 * One DynamoDB Local JVM (in memory) for the run. Integration files each make their own table
 * (see dynamodb.ts); e2e runtimes each use their data dir's credential, so their own database
 * (see runtime.ts). Either way, files stay independent.
 *
 * The e2e and integration tiers both name this setup. Vitest runs it once per project, each
 * time from a fresh copy of this module but in its one main process, so the second call takes
 * the first one's JVM (kept on `globalThis`, which both copies see) instead of starting
 * another: one JVM start and one JIT warm-up fewer, and the integration tier runs on a JVM the
 * e2e tier already warmed. The last teardown stops it.
 */
import { type DynamoDbLocal, startDynamoDbLocal } from '@pantau/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

const SHARED = Symbol.for('pantau.test.dynamodb-local');
interface Shared {
  readonly db: Promise<DynamoDbLocal>;
  users: number;
}
const holder = globalThis as { [SHARED]?: Shared };

export default async function setup(project: TestProject) {
  const shared = (holder[SHARED] ??= { db: startDynamoDbLocal({ inMemory: true }), users: 0 });
  shared.users += 1;
  const db = await shared.db;
  project.provide('dynamoDbEndpoint', db.endpoint);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[SHARED];
    await db.stop();
  };
}
