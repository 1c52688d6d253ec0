export { loadConfig, type RuntimeConfig } from './config.ts';
export {
  assertJava,
  type DynamoDbLocal,
  freePort,
  JavaMissingError,
  startDynamoDbLocal,
} from './dynamodb-local.ts';
export { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from './issuer.ts';
export { ensureTable, type Runtime, startRuntime, TABLE_NAME } from './runtime.ts';
export { manualClock, parseDuration, type RuntimeClock, systemClock } from './clock.ts';
export { buildConsole } from './console.ts';
export { DEMO_USERS, devRoutes } from './dev-routes.ts';
export { LocalLadderEngine } from './engine.ts';
export { emlMailer, toEml } from './mailer.ts';
export { LocalJobRunner } from './jobs.ts';
export { searchKeyFor } from './search-key.ts';
